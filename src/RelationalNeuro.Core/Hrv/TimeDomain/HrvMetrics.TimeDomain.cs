using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using RelationalNeuro.Internal;
using static RelationalNeuro.Hrv.Kernels.OrderStatisticsKernels;
using static RelationalNeuro.Hrv.Kernels.TimeDomainKernels;

namespace RelationalNeuro.Hrv;

/// <summary>
/// Heart-rate-variability metrics as static functions over a span of NN intervals in milliseconds: time domain,
/// geometric and Poincaré metrics here, other domains in the other parts of this class. Every function validates
/// its input (finite, in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms; otherwise <see cref="ArgumentException"/> naming index and value), allocates
/// nothing on the hot path, and returns a result whose unavailable metrics are <see langword="null"/> with a
/// <see cref="Problem"/> that says why. Definitions and citations: <c>docs/hrv.md</c>.
/// </summary>
public static partial class HrvMetrics
{
    private const double MsPerMinute = 60_000;

    /// <summary>Scale that makes the median absolute deviation estimate the SD of normal data: 1 / Φ⁻¹(3/4), to 4 decimals as NeuroKit2 uses it.</summary>
    private const double MadScale = TimeDomainDefinitions.MadScale;

    /// <summary>Histogram bins kept on the stack (32 s of RR at 7.8125 ms); wider histograms use a pooled array.</summary>
    private const int StackBins = 4096;

    /// <summary>Widest histogram accepted (2^24 bins, 36 h of RR at 7.8125 ms).</summary>
    private const long MaxBins = 1 << 24;

    /// <summary>
    /// Computes the time-domain and geometric HRV metrics of an NN series: two vectorised passes over the data
    /// (validity and range; moments, differences, histogram and segments), plus, only for values off the histogram's
    /// grid, a heart-rate and finer-histogram pass and one gather for the exact median, quartiles and MAD.
    /// </summary>
    /// <param name="nnMs">NN intervals in ms, in recording order (artifact-corrected; see <c>docs/hrv-artifacts.md</c>).</param>
    /// <param name="options">Definition choices; <see langword="null"/> means <see cref="TimeDomainOptions.Default"/>.</param>
    /// <returns>The metrics; those the series is too short for are <see langword="null"/> with a problem naming the minimum.</returns>
    /// <remarks>
    /// <para>Definitions (Task Force of the ESC and NASPE 1996, Circulation 93:1043; Shaffer &amp; Ginsberg 2017,
    /// Front Public Health 5:258): SDNN and SDSD with the sample (n − 1) normaliser; RMSSD over the N − 1 successive
    /// differences; NN50/NN20 count |ΔRR| strictly greater than 50/20 ms; pNN over N − 1 differences by default;
    /// HRV triangular index and TINN on a histogram of 7.8125-ms (1/128 s) bins [k·w, (k + 1)·w) from 0 ms;
    /// SDANN and SDNN index over consecutive 5-min segments of cumulative time. Each member of
    /// <see cref="TimeDomainResult"/> names its definition and minimum length.</para>
    /// <para>Segments: interval i, ending at t_i = RR_0 + … + RR_i, belongs to segment k when k·T &lt; t_i ≤ (k + 1)·T.
    /// Only complete segments count (a trailing part shorter than T is left out); a segment with fewer than 2
    /// intervals is left out with a warning.</para>
    /// <para>TINN: the histogram D is sampled at bin centres; X is the most populated bin (the lowest one on a tie),
    /// Y its count. For each candidate N (bin centres below X, down to 0 ms) and M (bin centres above X, up to twice
    /// the longest interval) the triangle q is 0 outside [N, M], Y at X and linear between; N and M minimise
    /// Σ (D − q)² over all bins independently (the two sides do not interact). On a tie the candidate nearest X wins.
    /// TINN = M − N.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is NaN, infinite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms (the message names index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option's bin width is not finite and positive, or its segment duration is not finite and at least 1 s, or an enum option is not defined.</exception>
    public static TimeDomainResult TimeDomain(ReadOnlySpan<double> nnMs, TimeDomainOptions? options = null)
    {
        options ??= TimeDomainOptions.Default;
        var binWidthMs = Guard.Positive(options.HistogramBinWidthMs);
        var segmentS = Guard.InRange(options.SegmentDurationSeconds, MinimumSegmentSeconds, double.MaxValue);
        Guard.Defined(options.PnnDenominator);
        Guard.Defined(options.Sdsd);
        Guard.Defined(options.SdHr);
        var n = nnMs.Length;
        ProblemCollector? problems = null;

        if (n == 0)
        {
            foreach (var metric in (ReadOnlySpan<string>)["MeanNN", "SDNN", "RMSSD", "SDSD", "NN50", "pNN50", "NN20", "pNN20", "MeanHR", "SDHR",
                "MinHR", "MaxHR", "MinNN", "MaxNN", "MedianNN", "MadNN", "IQRNN", "CVNN", "CVSD", "HTI", "TINN"])
            {
                AddTooFew(ref problems, metric, MinimumFor(metric, options), 0);
            }

            AddTooShort(ref problems, segmentS);
            return new TimeDomainResult
            {
                HistogramBinWidthMs = binWidthMs,
                SegmentDurationSeconds = segmentS,
                Problems = problems!.ToList(),
            };
        }

        // Pass 0 (vectorised): validity, range, and whether every value lies on a 2^-10-ms grid (then every partial sum
        // of the intervals is exact in any order, which lets pass 1 test segment boundaries a block at a time).
        var scan = ScanValues(nnMs);
        if (!scan.AllValid)
        {
            RrGuard.ValidIntervals(nnMs); // throws, naming the first bad index and its value
        }

        double min = scan.Min, max = scan.Max;
        var invBin = 1 / binWidthMs;
        var firstBin = Bin(min, binWidthMs, invBin);
        var lastBin = Bin(max, binWidthMs, invBin);
        var histogramFits = (max * invBin) < 4503599627370496.0 /* 2^52 */ && (lastBin - firstBin + 1) <= MaxBins;
        var histLength = histogramFits ? (int)(lastBin - firstBin + 1) : 0;

        int[]? rentedHist = null;
        scoped Span<int> hist;
        if (histLength <= StackBins)
        {
            hist = stackalloc int[histLength];
        }
        else
        {
            rentedHist = ArrayPool<int>.Shared.Rent(histLength);
            hist = rentedHist.AsSpan(0, histLength);
            hist.Clear();
        }

        // Off the histogram's grid, the order statistics use a finer histogram (bins of w / F, F a power of two up to
        // 64, at most StackBins + 64 bins, a few values per bin) so that the values they gather and select among are few.
        scoped Span<int> fine = default;
        try
        {
            // Pass 1: moments, differences, the histogram and the 5-min segments at once.
            var segments = new SegmentAccumulator();
            var p = Accumulate(nnMs, binWidthMs, firstBin, max, hist, segmentS * 1000, scan.OnDyadicGrid, ref segments);

            var fineFactor = 1;
            long firstFine = 0;
            if (p.OnBinEdges)
            {
                // Each bin holds one value: heart rate and order statistics come from the histogram.
                HeartRateFromHistogram(hist, firstBin, binWidthMs, ref p);
            }
            else
            {
                while (histogramFits && fineFactor < 64 && (long)histLength * fineFactor * 2 <= StackBins && histLength * fineFactor * 8L <= n)
                {
                    fineFactor *= 2;
                }

                var fineWidthMs = binWidthMs / fineFactor;
                firstFine = fineFactor > 1 ? Bin(min, fineWidthMs, 1 / fineWidthMs) : 0;
                var fineLength = fineFactor > 1 ? (int)(Bin(max, fineWidthMs, 1 / fineWidthMs) - firstFine + 1) : 0;
                fine = stackalloc int[fineLength];

                // Pass 2: instantaneous heart rate and the finer histogram.
                HeartRateAndFineHistogram(nnMs, fineWidthMs, firstFine, fine, ref p);
            }

            var bins = new BinGrid(binWidthMs, firstBin, binWidthMs / fineFactor, firstFine);
            return Complete(nnMs, options, bins, segmentS, min, max, hist, fine, histogramFits, p, segments);
        }
        finally
        {
            if (rentedHist is not null)
            {
                ArrayPool<int>.Shared.Return(rentedHist);
            }
        }
    }

    /// <summary>The HTI/TINN histogram (bins of <see cref="Width"/> from absolute bin <see cref="First"/>) and the order statistics' finer one (<see cref="FineWidth"/> from <see cref="FirstFine"/>).</summary>
    private readonly record struct BinGrid(double Width, long First, double FineWidth, long FirstFine);

    private static TimeDomainResult Complete(
        ReadOnlySpan<double> nnMs,
        TimeDomainOptions options,
        BinGrid bins,
        double segmentS,
        double min,
        double max,
        ReadOnlySpan<int> hist,
        ReadOnlySpan<int> fine,
        bool histogramFits,
        in PassOneSums p,
        SegmentAccumulator segments)
    {
        var n = nnMs.Length;
        var binWidthMs = bins.Width;
        var firstBin = bins.First;
        ProblemCollector? problems = null;
        var k0 = p.K0;
        var h0 = p.H0;
        double s1 = p.S1, s2 = p.S2, hs1 = p.Hs1, hs2 = p.Hs2, d2 = p.D2, ad1 = p.Ad1, totalMs = p.TotalMs;
        int nn50 = (int)p.Nn50, nn20 = (int)p.Nn20;

        var mean = k0 + (s1 / n);
        var result = new TimeDomainResult
        {
            IntervalCount = n,
            DurationSeconds = totalMs / 1000,
            MeanNnMs = mean,
            MeanHrBpm = h0 + (hs1 / n),
            HrFromMeanNnBpm = MsPerMinute / mean,
            MinHrBpm = MsPerMinute / max,
            MaxHrBpm = MsPerMinute / min,
            MinNnMs = min,
            MaxNnMs = max,
            HistogramBinWidthMs = binWidthMs,
            SegmentDurationSeconds = segmentS,
        };

        var m = n - 1; // successive differences
        if (n >= 2)
        {
            var sdnn = Math.Sqrt(Math.Max(0, s2 - (s1 * s1 / n)) / (n - 1));
            var rmssd = Math.Sqrt(d2 / m);
            var pnnDenominator = options.PnnDenominator == PnnDenominator.Intervals ? n : m;
            var hrDenominator = options.SdHr == SdNormalizer.N ? n : n - 1;
            result = result with
            {
                SdnnMs = sdnn,
                RmssdMs = rmssd,
                Nn50 = nn50,
                Nn20 = nn20,
                Pnn50Percent = 100.0 * nn50 / pnnDenominator,
                Pnn20Percent = 100.0 * nn20 / pnnDenominator,
                SdHrBpm = Math.Sqrt(Math.Max(0, hs2 - (hs1 * hs1 / n)) / hrDenominator),
                CvNn = sdnn / mean,
                CvSd = rmssd / mean,
            };
        }
        else
        {
            foreach (var metric in (ReadOnlySpan<string>)["SDNN", "RMSSD", "NN50", "pNN50", "NN20", "pNN20", "SDHR", "CVNN", "CVSD"])
            {
                AddTooFew(ref problems, metric, 2, n);
            }
        }

        var sdsdMinimum = MinimumFor("SDSD", options);
        if (n >= sdsdMinimum)
        {
            var sumD = nnMs[n - 1] - k0; // the differences telescope
            var sdsd = options.Sdsd switch
            {
                SdsdDefinition.SignedPopulation => Math.Sqrt(Math.Max(0, d2 - (sumD * sumD / m)) / m),
                SdsdDefinition.AbsoluteSample => Math.Sqrt(Math.Max(0, d2 - (ad1 * ad1 / m)) / (m - 1)),
                _ => Math.Sqrt(Math.Max(0, d2 - (sumD * sumD / m)) / (m - 1)),
            };
            result = result with { SdsdMs = sdsd };
        }
        else
        {
            AddTooFew(ref problems, "SDSD", sdsdMinimum, n);
        }

        // Histogram-based metrics: HTI, TINN, and the order statistics (median, quartiles, MAD).
        if (!histogramFits)
        {
            return HistogramTooWide(result, nnMs, problems, binWidthMs, segments);
        }

        var peak = 0;
        for (var j = 1; j < hist.Length; j++)
        {
            if (hist[j] > hist[peak])
            {
                peak = j;
            }
        }

        var lastBin = firstBin + hist.Length - 1;
        var tinnBins = TinnBins(hist, peak, firstBin, lastBin);
        var order = fine.Length > 0
            ? OrderStatistics(nnMs, fine, bins.FirstFine, bins.FineWidth, p.OnFineEdges)
            : OrderStatistics(nnMs, hist, firstBin, binWidthMs, p.OnBinEdges);
        result = result with
        {
            TriangularIndex = (double)n / hist[peak],
            TinnMs = tinnBins * binWidthMs,
            MedianNnMs = order.Median,
            IqrNnMs = order.Q3 - order.Q1,
            MadNnMs = MadScale * order.Mad,
        };

        return Finish(result, segments, segmentS, problems);
    }

    private static TimeDomainResult Finish(TimeDomainResult result, SegmentAccumulator segments, double segmentS, ProblemCollector? problems)
    {
        if (segments.Used >= 2)
        {
            result = result with
            {
                SdannMs = segments.SdOfMeans,
                SdnnIndexMs = segments.MeanOfSds,
                SegmentCount = segments.Used,
            };
            if (segments.Sparse > 0)
            {
                (problems ??= new()).Add(new Problem(
                    "hrv.sparse-segment",
                    string.Create(CultureInfo.InvariantCulture,
                        $"{segments.Sparse} complete {segmentS}-s segment(s) held fewer than 2 intervals and were left out of SDANN and the SDNN index."),
                    ProblemSeverity.Warning,
                    "SDANN"));
            }
        }
        else if (problems is null && segmentS == DefaultSegmentS)
        {
            // The common case of a short (e.g. 5-min) recording: a shared, immutable problem list, no allocation.
            return result with { Problems = DefaultSegmentsTooShort };
        }
        else
        {
            AddTooShort(ref problems, segmentS);
        }

        return problems is null ? result : result with { Problems = problems.ToList() };
    }

    private static TimeDomainResult HistogramTooWide(
        TimeDomainResult result, ReadOnlySpan<double> nnMs, ProblemCollector? problems, double binWidthMs, SegmentAccumulator segments)
    {
        // The intervals span more than 2^24 bins: no histogram. Order statistics come from a sorted copy instead.
        (problems ??= new()).Add(new Problem(
            "hrv.histogram-too-wide",
            string.Create(CultureInfo.InvariantCulture,
                $"The intervals span {result.MinNnMs} to {result.MaxNnMs} ms, more than {MaxBins} bins of {binWidthMs} ms; the triangular index and TINN are not computed."),
            ProblemSeverity.Error,
            "HTI"));
        var sorted = nnMs.ToArray();
        Array.Sort(sorted);
        var median = Quantile(sorted, 0.5);
        var iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        AbsoluteDeviations(sorted, median, sorted);

        Array.Sort(sorted);
        result = result with { MedianNnMs = median, IqrNnMs = iqr, MadNnMs = MadScale * Quantile(sorted, 0.5) };
        return Finish(result, segments, result.SegmentDurationSeconds, problems);
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return Lerp(sorted[lo], sorted[hi], h - lo);
    }

    private static int MinimumFor(string metric, TimeDomainOptions options) => metric switch
    {
        "MeanNN" or "MeanHR" or "MinHR" or "MaxHR" or "MinNN" or "MaxNN" or "MedianNN" or "MadNN" or "IQRNN" or "HTI" or "TINN" => 1,
        "SDSD" => options.Sdsd == SdsdDefinition.SignedPopulation ? 2 : 3,
        _ => 2,
    };

    private static void AddTooFew(ref ProblemCollector? problems, string metric, int minimum, int n) =>
        (problems ??= new()).Add(new Problem(
            "hrv.too-few-beats",
            string.Create(CultureInfo.InvariantCulture, $"{metric} needs at least {minimum} NN interval(s); got {n}."),
            ProblemSeverity.Error,
            metric));

    private const double DefaultSegmentS = 300;

    /// <summary>Shortest SDANN segment accepted (1 s): with intervals of at most 60,000 ms a beat closes at most 60 segments.</summary>
    private const double MinimumSegmentSeconds = 1;

    private static readonly ProblemList DefaultSegmentsTooShort = [SegmentsTooShort(DefaultSegmentS)];

    private static void AddTooShort(ref ProblemCollector? problems, double segmentS) =>
        (problems ??= new()).Add(SegmentsTooShort(segmentS));

    private static Problem SegmentsTooShort(double segmentS) =>
        new(
            "hrv.recording-too-short",
            string.Create(CultureInfo.InvariantCulture,
                $"SDANN and the SDNN index need at least 2 complete {segmentS}-s segments with 2 or more intervals each (a recording of at least {2 * segmentS} s); see DurationSeconds and SegmentCount."),
            ProblemSeverity.Info,
            "SDANN");
}
