namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The synthetic series of ../shared/reference/hrv, regenerated from the formulas in their
/// <c>analytic_expected.generator</c> fields, so the analytic checks run where ../shared is absent.
/// </summary>
internal static class SyntheticSeries
{
    /// <summary>Ids of the synthetic reference series this class can regenerate.</summary>
    public static TheoryData<string> Ids() =>
    [
        "synthetic_alternating_800_900_300",
        "synthetic_constant_800ms_300",
        "synthetic_sine_0.1Hz_A40_0.25Hz_A30_20min",
        "synthetic_sine_0.1Hz_A40_0.25Hz_A30_5min",
        "synthetic_sine_0.1Hz_A40_5min",
        "synthetic_sine_0.25Hz_A30_5min",
    ];

    public static double[] Generate(string id) => id switch
    {
        "synthetic_alternating_800_900_300" => Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? 800.0 : 900.0).ToArray(),
        "synthetic_constant_800ms_300" => Enumerable.Repeat(800.0, 300).ToArray(),
        "synthetic_sine_0.1Hz_A40_0.25Hz_A30_20min" => Sine(1200, (40, 0.1), (30, 0.25)),
        "synthetic_sine_0.1Hz_A40_0.25Hz_A30_5min" => Sine(300, (40, 0.1), (30, 0.25)),
        "synthetic_sine_0.1Hz_A40_5min" => Sine(300, (40, 0.1)),
        "synthetic_sine_0.25Hz_A30_5min" => Sine(300, (30, 0.25)),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a synthetic series this helper knows"),
    };

    /// <summary>
    /// RR_k = 1000 + Σ A·sin(2π·f·t_k) ms, t_0 = 0, t_{k+1} = t_k + RR_k / 1000 s, RR rounded to 1e-6 ms,
    /// stop before t exceeds <paramref name="durationS"/> (the generator text of the reference files).
    /// </summary>
    public static double[] Sine(double durationS, params (double AmplitudeMs, double FrequencyHz)[] components)
    {
        var rr = new List<double>();
        var t = 0.0;
        while (true)
        {
            var value = 1000.0;
            foreach (var (a, f) in components)
            {
                value += a * Math.Sin(2 * Math.PI * f * t);
            }

            value = Math.Round(value, 6);
            if (t + (value / 1000) > durationS)
            {
                return [.. rr];
            }

            rr.Add(value);
            t += value / 1000;
        }
    }
}
