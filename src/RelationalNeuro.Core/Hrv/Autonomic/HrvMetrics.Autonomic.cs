using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

public static partial class HrvMetrics
{
    /// <summary>
    /// Computes Baevsky's stress index (raw and Kubios' square root) with its histogram terms Mo, AMo and MxDMn, and
    /// Kubios' PNS and SNS indexes.
    /// </summary>
    /// <param name="nnMs">NN intervals in ms, in recording order.</param>
    /// <param name="options">Bin width and normal values; <see langword="null"/> means <see cref="AutonomicOptions.Default"/>.</param>
    /// <returns>The indexes; undefined ones are <see langword="null"/> with a problem.</returns>
    /// <remarks>
    /// <para>Stress index (Baevsky &amp; Chernikova 2017, Cardiometry 10:66; Kubios HRV user's guide): the intervals are
    /// binned in <see cref="AutonomicOptions.HistogramBinWidthMs"/>-wide bins [k·w, (k+1)·w); Mo is the centre of the
    /// most populated bin in s (ties: the shortest), AMo its count in % of all intervals, MxDMn = max − min in s, and
    /// SI = AMo / (2 · Mo · MxDMn). Kubios reports √SI (<see cref="AutonomicResult.StressIndex"/>) so that it is closer
    /// to normally distributed. Needs 2 intervals and MxDMn &gt; 0.</para>
    /// <para>PNS index = mean of z(mean RR), z(RMSSD), z(SD1); SNS index = mean of z(mean HR), z(√SI), −z(SD2), each
    /// z = (value − normal mean) / normal SD with the values in <see cref="AutonomicOptions"/> (Kubios' definition,
    /// kubios.com "HRV and ANS function"; normal values Nunan et al. 2010). Mean HR is the mean of 60000/NN
    /// (<see cref="TimeDomainResult.MeanHrBpm"/>); SD1, SD2 are <see cref="PoincareOptions.Default"/>'s.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is NaN, infinite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms (the message names index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The bin width in <paramref name="options"/> is outside 1–1000 ms, a normal SD is not positive, or a normal mean is not finite.</exception>
    public static AutonomicResult Autonomic(ReadOnlySpan<double> nnMs, AutonomicOptions? options = null)
    {
        RrGuard.ValidIntervals(nnMs);
        options ??= AutonomicOptions.Default;
        ValidateAutonomic(options);
        var n = nnMs.Length;
        var result = new AutonomicResult { IntervalCount = n, HistogramBinWidthMs = options.HistogramBinWidthMs };
        ProblemCollector? problems = null;
        if (n < 2)
        {
            AddTooFew(ref problems, "StressIndex", 2, n);
            AddTooFew(ref problems, "PnsIndex", 3, n);
            AddTooFew(ref problems, "SnsIndex", 3, n);
            return result with { Problems = problems!.ToList() };
        }

        var (mode, amo, range) = StressHistogram(nnMs, options.HistogramBinWidthMs);
        result = result with { ModeS = mode, AmplitudeOfModePercent = amo, VariationRangeS = range };
        double? si = null;
        if (range > 0)
        {
            var baevsky = amo / (2 * mode * range);
            si = Math.Sqrt(baevsky);
            result = result with { BaevskyStressIndex = baevsky, StressIndex = si };
        }
        else
        {
            AddUndefined(ref problems, "StressIndex", "MxDMn is 0 (all intervals equal)");
        }

        var time = TimeDomain(nnMs);
        var poincare = Poincare(nnMs);
        if (poincare.Sd1Ms is { } sd1 && time.RmssdMs is { } rmssd && time.MeanNnMs is { } meanRr)
        {
            result = result with
            {
                PnsIndex = (Z(meanRr, options.NormalMeanRrMs, options.NormalMeanRrSdMs)
                    + Z(rmssd, options.NormalRmssdMs, options.NormalRmssdSdMs)
                    + Z(sd1, options.NormalSd1Ms, options.NormalSd1SdMs)) / 3,
            };
        }
        else
        {
            AddTooFew(ref problems, "PnsIndex", 3, n);
        }

        if (poincare.Sd2Ms is { } sd2 && time.MeanHrBpm is { } meanHr && si is { } s)
        {
            result = result with
            {
                SnsIndex = (Z(meanHr, options.NormalMeanHrBpm, options.NormalMeanHrSdBpm)
                    + Z(s, options.NormalStressIndex, options.NormalStressIndexSd)
                    - Z(sd2, options.NormalSd2Ms, options.NormalSd2SdMs)) / 3,
            };
        }
        else
        {
            (problems ??= new()).Add(new Problem(
                "hrv.undefined-ratio",
                string.Create(CultureInfo.InvariantCulture, $"SnsIndex is undefined: it needs SD2 (3 or more intervals) and the stress index (MxDMn > 0); got {n} interval(s)."),
                ProblemSeverity.Error,
                "SnsIndex"));
        }

        return problems is null ? result : result with { Problems = problems.ToList() };
    }

    private static double Z(double value, double mean, double sd) => (value - mean) / sd;

    /// <summary>Mo (s), AMo (%) and MxDMn (s) of the histogram with bins [k·w, (k+1)·w).</summary>
    private static (double ModeS, double AmoPercent, double RangeS) StressHistogram(ReadOnlySpan<double> nnMs, double widthMs)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in nnMs)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        // A dictionary, not an array over [min, max]: one wild interval must not allocate a bin per width up to it.
        var counts = new Dictionary<long, int>();
        foreach (var v in nnMs)
        {
            var k = (long)Math.Floor(v / widthMs);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        long best = long.MaxValue;
        var bestCount = 0;
        foreach (var (k, c) in counts)
        {
            if (c > bestCount || (c == bestCount && k < best))
            {
                best = k;
                bestCount = c;
            }
        }

        var modeS = (best + 0.5) * widthMs / 1000.0;
        return (modeS, 100.0 * bestCount / nnMs.Length, (max - min) / 1000.0);
    }

    private static void ValidateAutonomic(AutonomicOptions options)
    {
        Guard.InRange(options.HistogramBinWidthMs, 1, 1000);
        Guard.Finite(options.NormalMeanRrMs);
        Guard.Positive(options.NormalMeanRrSdMs);
        Guard.Finite(options.NormalRmssdMs);
        Guard.Positive(options.NormalRmssdSdMs);
        Guard.Finite(options.NormalSd1Ms);
        Guard.Positive(options.NormalSd1SdMs);
        Guard.Finite(options.NormalMeanHrBpm);
        Guard.Positive(options.NormalMeanHrSdBpm);
        Guard.Finite(options.NormalStressIndex);
        Guard.Positive(options.NormalStressIndexSd);
        Guard.Finite(options.NormalSd2Ms);
        Guard.Positive(options.NormalSd2SdMs);
    }
}
