namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Synthetic NN series whose spectral answers are analytic. <see cref="Sines"/> is the generator of the shared
/// reference series (their <c>analytic_expected.generator</c>): RR_k = mean + Σ A·sin(2π f t_k) ms, t_0 = 0,
/// t_{k+1} = t_k + RR_k/1000 s, values rounded to 1e-6 ms, stopping before t exceeds the duration. A sinusoid of
/// amplitude A ms has power A²/2 ms².
/// </summary>
internal static class SyntheticRr
{
    public static double[] Sines(double durationS, double meanMs, params (double FrequencyHz, double AmplitudeMs)[] components)
    {
        var rr = new List<double>();
        var t = 0.0;
        while (true)
        {
            var value = meanMs;
            foreach (var (f, a) in components)
            {
                value += a * Math.Sin(2 * Math.PI * f * t);
            }

            value = Math.Round(value, 6);
            if (t + (value / 1000) > durationS)
            {
                break;
            }

            rr.Add(value);
            t += value / 1000;
        }

        return rr.ToArray();
    }

    /// <summary>Sines evaluated at the library's beat times (t_k = NN_1 + … + NN_k), for tests that need exact phase.</summary>
    public static double[] SinesAtBeatTimes(int count, double meanMs, params (double FrequencyHz, double AmplitudeMs)[] components)
    {
        var rr = new double[count];
        var t = 0.0;
        for (var k = 0; k < count; k++)
        {
            // Fixed-point iteration: RR_k = g(t + RR_k/1000) for k ≥ 1, RR_0 = g(0).
            var value = meanMs;
            for (var iteration = 0; iteration < 30; iteration++)
            {
                var at = k == 0 ? 0 : t + (value / 1000);
                var next = meanMs;
                foreach (var (f, a) in components)
                {
                    next += a * Math.Sin(2 * Math.PI * f * at);
                }

                value = next;
            }

            rr[k] = value;
            if (k > 0)
            {
                t += value / 1000;
            }
        }

        return rr;
    }
}
