using System.Globalization;
using RelationalNeuro.Hrv.Kernels;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

public static partial class HrvMetrics
{
    /// <summary>Computes the Poincaré-plot metrics SD1, SD2, SD1/SD2, ellipse area, CSI, CVI and modified CSI in one pass.</summary>
    /// <param name="nnMs">NN intervals in ms, in recording order.</param>
    /// <param name="options">Estimator choice; <see langword="null"/> means <see cref="PoincareOptions.Default"/>.</param>
    /// <returns>The metrics; undefined ones are <see langword="null"/> with a problem.</returns>
    /// <remarks>
    /// <para>Points (RR_i, RR_i+1), i = 0 … N − 2. SD1 and SD2 are the standard deviations of the points projected on
    /// the axes perpendicular to and along the line of identity (Brennan, Palaniswami &amp; Kamen 2001, IEEE Trans
    /// Biomed Eng 48:1342), estimated as <see cref="PoincareOptions.Definition"/> says. CSI, CVI: Toichi et al. 1997
    /// (J Auton Nerv Syst 62:79); modified CSI: Jeppesen et al. 2014.</para>
    /// <para>A constant series has SD1 = SD2 = 0: the ratios and CVI are then undefined and reported as problems
    /// (NeuroKit2 divides by zero there). An alternating series has SD2 = 0 and SD1 &gt; 0: CSI = 0, modified CSI = 0,
    /// SD1/SD2 and CVI undefined.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is NaN, infinite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms (the message names index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The option's definition is not a defined <see cref="PoincareDefinition"/>.</exception>
    public static PoincareResult Poincare(ReadOnlySpan<double> nnMs, PoincareOptions? options = null)
    {
        RrGuard.ValidIntervals(nnMs);
        var definition = Guard.Defined((options ?? PoincareOptions.Default).Definition, "options.Definition");
        var n = nnMs.Length;
        var minimum = definition == PoincareDefinition.RotatedAxesN ? 2 : 3;
        var result = new PoincareResult { IntervalCount = n, Definition = definition };
        ProblemCollector? problems = null;
        if (n < minimum)
        {
            foreach (var metric in (ReadOnlySpan<string>)["SD1", "SD2", "SD1/SD2", "EllipseArea", "CSI", "CVI", "ModifiedCSI"])
            {
                AddTooFew(ref problems, metric, minimum, n);
            }

            return result with { Problems = problems!.ToList() };
        }

        // One pass (AVX-512 where available) for the sums of the points, shifted by the first value.
        var sums = PoincareKernels.Sums(nnMs);
        var m = n - 1;
        var varU = Math.Max(0, sums.Suu - (sums.Su * sums.Su / m));
        var varV = Math.Max(0, sums.Svv - (sums.Sv * sums.Sv / m));
        double sd1, sd2;
        switch (definition)
        {
            case PoincareDefinition.RotatedAxesN:
                sd1 = Math.Sqrt(varU / m / 2);
                sd2 = Math.Sqrt(varV / m / 2);
                break;
            case PoincareDefinition.BrennanFromSdnnSdsd:
                var sdsd2 = varU / (m - 1);
                var sdnn2 = Math.Max(0, sums.Sxx - (sums.Sx * sums.Sx / n)) / (n - 1);
                sd1 = Math.Sqrt(sdsd2 / 2);
                sd2 = Math.Sqrt(Math.Max(0, (2 * sdnn2) - (sdsd2 / 2)));
                break;
            default:
                sd1 = Math.Sqrt(varU / (m - 1) / 2);
                sd2 = Math.Sqrt(varV / (m - 1) / 2);
                break;
        }

        result = result with { Sd1Ms = sd1, Sd2Ms = sd2, EllipseAreaMs2 = Math.PI * sd1 * sd2 };
        if (sd2 > 0)
        {
            result = result with { Sd1OverSd2 = sd1 / sd2 };
        }
        else
        {
            AddUndefined(ref problems, "SD1/SD2", "SD2 is 0 (no variability along the line of identity)");
        }

        if (sd1 > 0)
        {
            result = result with { Csi = sd2 / sd1, ModifiedCsiMs = 4 * sd2 * sd2 / sd1 };
        }
        else
        {
            AddUndefined(ref problems, "CSI", "SD1 is 0 (no beat-to-beat variability)");
            AddUndefined(ref problems, "ModifiedCSI", "SD1 is 0 (no beat-to-beat variability)");
        }

        if (sd1 > 0 && sd2 > 0)
        {
            result = result with { Cvi = Math.Log10(16 * sd1 * sd2) };
        }
        else
        {
            AddUndefined(ref problems, "CVI", "log10(16·SD1·SD2) of 0");
        }

        return problems is null ? result : result with { Problems = problems.ToList() };
    }

    private static void AddUndefined(ref ProblemCollector? problems, string metric, string why) =>
        (problems ??= new()).Add(new Problem(
            "hrv.undefined-ratio",
            string.Create(CultureInfo.InvariantCulture, $"{metric} is undefined: {why}."),
            ProblemSeverity.Error,
            metric));
}
