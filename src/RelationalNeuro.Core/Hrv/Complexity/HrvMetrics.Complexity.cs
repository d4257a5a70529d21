using System.Buffers;
using System.Globalization;
using RelationalNeuro.Hrv.Kernels;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// Heart-rate variability metrics: static functions over RR intervals in milliseconds. This part holds
/// the non-linear complexity metrics: sample entropy, approximate entropy, multiscale entropy and
/// detrended fluctuation analysis (definitions and peer differences in docs/hrv-complexity.md).
/// </summary>
public static partial class HrvMetrics
{
    /// <summary>
    /// Sample entropy (SampEn) of an RR series: −ln(A/B), where B counts ordered pairs of distinct
    /// length-m templates within tolerance r and A the same for length m + 1, both over the first N − m
    /// templates (Richman &amp; Moorman 2000).
    /// </summary>
    /// <param name="rrMs">RR (NN) intervals in ms, each in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>].</param>
    /// <param name="options">m, r and the tolerance comparison; <see cref="EntropyOptions.Default"/> when null (m = 2, r = 0.2 × SDNN with n − 1, distance ≤ r).</param>
    /// <returns>The entropy with the counts A and B; <c>Value</c> null with a problem when undefined.</returns>
    /// <remarks>
    /// <para>Definition: templates xᵢ = (RRᵢ, …, RRᵢ₊ₘ₋₁) for i = 0 … N − m − 1 (the same N − m start
    /// points for both lengths, so the last length-m template is left out, as in Richman &amp; Moorman and
    /// NeuroKit2); distance = Chebyshev (maximum absolute coordinate difference); self-matches are not
    /// counted. The counts are exact (no sampling) and are computed without visiting all pairs; see
    /// docs/hrv-complexity.md for the algorithm and its cost.</para>
    /// <para>Undefined, with a problem: N &lt; m + 2 (<c>hrv.too-few-beats</c>); r = 0, i.e. a constant series
    /// with the SD-based default (<c>hrv.zero-tolerance</c>); B = 0 or A = 0 (<c>hrv.no-template-matches</c>;
    /// NeuroKit2 returns ±∞ there). Richman &amp; Moorman recommend N of at least 10<sup>m</sup>–20<sup>m</sup>.</para>
    /// <para>Equals NeuroKit2 0.2.12 <c>HRV_SampEn</c> with the defaults; equals nolds/hrv-analysis with
    /// <see cref="ToleranceComparison.LessThan"/> and their r.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (m outside 1–64, a factor outside (0, 1000], an absolute tolerance not finite and greater than 0, <see cref="EntropyOptions.MaximumIntervals"/> below m + 2).</exception>
    public static SampleEntropyResult SampleEntropy(ReadOnlySpan<double> rrMs, EntropyOptions? options = null) =>
        SampleEntropyCancellable(rrMs, options, CancellationToken.None);

    /// <summary><see cref="SampleEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>, observing <paramref name="cancellationToken"/> inside the counts.</summary>
    internal static SampleEntropyResult SampleEntropyCancellable(ReadOnlySpan<double> rrMs, EntropyOptions? options, CancellationToken cancellationToken) =>
        Entropies(rrMs, options, EntropyKinds.Sample, cancellationToken).Sample;

    /// <summary>
    /// Approximate entropy (ApEn) of an RR series: Φ<sup>m</sup> − Φ<sup>m+1</sup>, where Φ<sup>k</sup> is the
    /// mean over all N − k + 1 length-k templates of ln(Cᵢ<sup>k</sup>/(N − k + 1)) and Cᵢ<sup>k</sup> counts
    /// the templates within r of template i, itself included (Pincus 1991).
    /// </summary>
    /// <param name="rrMs">RR (NN) intervals in ms, each in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>].</param>
    /// <param name="options">m, r and the tolerance comparison; <see cref="EntropyOptions.Default"/> when null.</param>
    /// <returns>The entropy with Φ<sup>m</sup> and Φ<sup>m+1</sup>; <c>Value</c> null with a problem when undefined.</returns>
    /// <remarks>
    /// <para>Distance = Chebyshev; self-matches counted (so every Cᵢ ≥ 1 and ApEn is defined whenever r &gt; 0);
    /// exact counts. The value is the signed difference as Pincus defines it; NeuroKit2 reports its absolute
    /// value, which differs only when Φ<sup>m+1</sup> &gt; Φ<sup>m</sup> (very regular series).</para>
    /// <para>Undefined, with a problem: N &lt; m + 2 (<c>hrv.too-few-beats</c>); r = 0 (<c>hrv.zero-tolerance</c>).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ApproximateEntropyResult ApproximateEntropy(ReadOnlySpan<double> rrMs, EntropyOptions? options = null) =>
        ApproximateEntropyCancellable(rrMs, options, CancellationToken.None);

    /// <summary><see cref="ApproximateEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>, observing <paramref name="cancellationToken"/> inside the counts.</summary>
    internal static ApproximateEntropyResult ApproximateEntropyCancellable(ReadOnlySpan<double> rrMs, EntropyOptions? options, CancellationToken cancellationToken) =>
        Entropies(rrMs, options, EntropyKinds.Approximate, cancellationToken).Approximate;

    /// <summary>
    /// <see cref="SampleEntropy(ReadOnlySpan{double}, EntropyOptions?)"/> and <see cref="ApproximateEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>
    /// of one series with the same options, equal to the two separate calls, from one set of template counts: ApEn's
    /// per-template counts over the N − m + 1 length-m and N − m length-(m + 1) templates give SampEn's A directly and
    /// its B after removing the last length-m template's pairs.
    /// </summary>
    internal static (SampleEntropyResult Sample, ApproximateEntropyResult Approximate) EntropiesCancellable(ReadOnlySpan<double> rrMs, EntropyOptions? options, CancellationToken cancellationToken) =>
        Entropies(rrMs, options, EntropyKinds.Sample | EntropyKinds.Approximate, cancellationToken);

    [Flags]
    private enum EntropyKinds
    {
        Sample = 1,
        Approximate = 2,
    }

    /// <summary>The entropies asked for in <paramref name="kinds"/>; the others are default.</summary>
    private static (SampleEntropyResult Sample, ApproximateEntropyResult Approximate) Entropies(ReadOnlySpan<double> rrMs, EntropyOptions? options, EntropyKinds kinds, CancellationToken cancellationToken)
    {
        RrGuard.ValidIntervals(rrMs);
        options = CheckEntropyOptions(options);
        var sample = (kinds & EntropyKinds.Sample) != 0;
        var approximate = (kinds & EntropyKinds.Approximate) != 0;
        var m = options.EmbeddingDimension;
        if (rrMs.Length < m + 2)
        {
            return (
                sample ? new SampleEntropyResult(null, 0, m, Math.Max(rrMs.Length - m, 0), 0, 0, ProblemList.Create([TooFewForEntropy("SampEn", rrMs.Length, m)])) : default,
                approximate ? new ApproximateEntropyResult(null, 0, m, 0, 0, ProblemList.Create([TooFewForEntropy("ApEn", rrMs.Length, m)])) : default);
        }

        var whole = rrMs;
        var truncatedSample = Truncate(ref rrMs, options, "SampEn");
        var truncatedApproximate = Truncate(ref whole, options, "ApEn");
        var r = Tolerance(rrMs, options);
        if (r == 0)
        {
            return (
                sample ? new SampleEntropyResult(null, 0, m, rrMs.Length - m, 0, 0, WithTruncation(truncatedSample, [ZeroTolerance("SampEn")])) : default,
                approximate ? new ApproximateEntropyResult(null, 0, m, 0, 0, WithTruncation(truncatedApproximate, [ZeroTolerance("ApEn")])) : default);
        }

        var strict = options.Comparison == ToleranceComparison.LessThan;
        if (!approximate)
        {
            var result = SampleEntropyCore(rrMs, m, r, strict, "SampEn", cancellationToken);
            return (truncatedSample is null ? result : result with { Problems = WithTruncation(truncatedSample, result.Problems) }, default);
        }

        // ApEn's templates: N − m + 1 of length m and N − m of length m + 1.
        var n = rrMs.Length;
        var templatesM = n - m + 1;
        var templatesM1 = n - m;
        var rented = ArrayPool<int>.Shared.Rent(templatesM + templatesM1);
        try
        {
            var countsM = rented.AsSpan(0, templatesM);
            var countsM1 = rented.AsSpan(templatesM, templatesM1);
            TemplateMatchCounter.CountPerTemplateBothLengths(rrMs, m, templatesM, countsM, templatesM1, countsM1, r, strict, cancellationToken);
            var phiM = Phi(countsM);
            var phiM1 = Phi(countsM1);
            var approximateResult = new ApproximateEntropyResult(phiM - phiM1, r, m, phiM, phiM1, WithTruncation(truncatedApproximate, ProblemList.Empty));
            if (!sample)
            {
                return (default, approximateResult);
            }

            // SampEn uses the first N − m length-m templates: leave out the pairs of the last one (both orders).
            var b = TemplateMatchCounter.PairsFromCounts(countsM) - (2L * (countsM[templatesM - 1] - 1));
            var a = TemplateMatchCounter.PairsFromCounts(countsM1);
            var sampleResult = SampleEntropyFromPairs(m, r, templatesM1, b, a, "SampEn");
            return (truncatedSample is null ? sampleResult : sampleResult with { Problems = WithTruncation(truncatedSample, sampleResult.Problems) }, approximateResult);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The largest scale NeuroKit2 0.2.12 uses for its multiscale-entropy index in <c>hrv_nonlinear</c>:
    /// <c>scale=arange(1, int(N/12))</c>, i.e. ⌊N/12⌋ − 1 for N intervals; at least 1 here (below 24 intervals NeuroKit2
    /// has no scale and reports NaN). Pass it as <c>maxScale</c> and read <see cref="MultiscaleEntropyResult.AreaIndex"/>.
    /// </summary>
    /// <param name="intervalCount">N, the number of RR intervals analysed; not negative.</param>
    /// <returns>⌊N/12⌋ − 1, at least 1 and at most the largest scale <see cref="MultiscaleEntropy(ReadOnlySpan{double}, int, EntropyOptions?)"/> accepts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalCount"/> is negative.</exception>
    public static int MultiscaleEntropyNeuroKit2MaxScale(int intervalCount)
    {
        Guard.NonNegative(intervalCount);
        return Math.Clamp((intervalCount / 12) - 1, 1, MaximumScale);
    }

    /// <summary>
    /// Multiscale entropy (Costa, Goldberger &amp; Peng 2002): sample entropy of the coarse-grained series
    /// yⱼ<sup>(τ)</sup> = mean(RR[jτ … (j + 1)τ − 1]), j = 0 … ⌊N/τ⌋ − 1, for τ = 1 … <paramref name="maxScale"/>,
    /// with r fixed once from the original series.
    /// </summary>
    /// <param name="rrMs">RR (NN) intervals in ms, each in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>].</param>
    /// <param name="maxScale">Largest scale factor τ; Costa et al. used 20 (NeuroKit2 ⌊N/12⌋ − 1). From 1 to 100,000.</param>
    /// <param name="options">m, r and comparison as for <see cref="SampleEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>; r is computed on the scale-1 series.</param>
    /// <returns>SampEn per scale; a null entry with a problem where undefined (coarse series shorter than m + 2, no matches).</returns>
    /// <remarks>Scale 1 equals <see cref="SampleEntropy(ReadOnlySpan{double}, EntropyOptions?)"/>. Non-overlapping coarse-graining from the first beat; the last N mod τ beats are not used.</remarks>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxScale"/> is outside 1–100,000 or an option is out of range.</exception>
    public static MultiscaleEntropyResult MultiscaleEntropy(ReadOnlySpan<double> rrMs, int maxScale = 20, EntropyOptions? options = null)
    {
        RrGuard.ValidIntervals(rrMs);
        Guard.InRange(maxScale, 1, MaximumScale);
        options = CheckEntropyOptions(options);
        var m = options.EmbeddingDimension;
        var values = new double?[maxScale];
        var problems = new ProblemCollector();
        if (rrMs.Length < m + 2)
        {
            problems.Add(TooFewForEntropy("MSE", rrMs.Length, m));
            return new MultiscaleEntropyResult(values, 0, problems.ToList());
        }

        if (Truncate(ref rrMs, options, "MSE") is { } truncated)
        {
            problems.Add(truncated);
        }

        var r = Tolerance(rrMs, options);
        if (r == 0)
        {
            problems.Add(ZeroTolerance("MSE"));
            return new MultiscaleEntropyResult(values, 0, problems.ToList());
        }

        var strict = options.Comparison == ToleranceComparison.LessThan;
        var buffer = ArrayPool<double>.Shared.Rent(rrMs.Length);
        try
        {
            for (var scale = 1; scale <= maxScale; scale++)
            {
                var length = rrMs.Length / scale;
                var metric = string.Create(CultureInfo.InvariantCulture, $"MSE scale {scale}");
                if (length < m + 2)
                {
                    problems.Add(new Problem(
                        "hrv.too-few-beats",
                        string.Create(CultureInfo.InvariantCulture, $"At scale {scale} the {rrMs.Length} intervals give {length} coarse-grained values; sample entropy with m = {m} needs at least {m + 2}."),
                        ProblemSeverity.Error,
                        metric));
                    continue;
                }

                var coarse = buffer.AsSpan(0, length);
                for (var j = 0; j < length; j++)
                {
                    var sum = 0.0;
                    var window = rrMs.Slice(j * scale, scale);
                    foreach (var v in window)
                    {
                        sum += v;
                    }

                    coarse[j] = sum / scale;
                }

                var result = SampleEntropyCore(coarse, m, r, strict, metric, CancellationToken.None);
                values[scale - 1] = result.Value;
                problems.AddRange(result.Problems);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        return new MultiscaleEntropyResult(values, r, problems.ToList());
    }

    /// <summary>
    /// Detrended fluctuation analysis (Peng et al. 1995): the short-term (α1) and long-term (α2) scaling
    /// exponents of the integrated, window-wise linearly detrended RR series.
    /// </summary>
    /// <param name="rrMs">RR (NN) intervals in ms, each in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>].</param>
    /// <param name="options">Scale ranges and windowing; <see cref="DfaOptions.Default"/> when null (α1 4–16, α2 16–64 beats, non-overlapping windows).</param>
    /// <returns>α1 and α2; an exponent is null with a problem when unavailable.</returns>
    /// <remarks>
    /// <para>Definition: profile yₖ = Σᵢ≤ₖ (RRᵢ − mean RR), k = 0 … N − 1; for each integer scale n of a range
    /// the profile is cut into windows of n points (<see cref="DfaOptions.Windowing"/>), a least-squares line
    /// is fitted in each window and F(n) is the root mean square of the residuals over all windows
    /// (√ of the mean over windows of each window's mean squared residual); α is the least-squares slope of ln F(n) against ln n. Each window
    /// costs one pass over its points, so a scale costs O(N) and the default 61 scales about 61 N operations.</para>
    /// <para>Minimum length: every scale of a range needs at least one window, i.e. N ≥ the range's largest
    /// scale (N &gt; it for half-overlapping windows): 16 beats for α1 and 64 for α2 by default; otherwise that
    /// exponent is null with <c>hrv.too-few-beats</c>. A zero fluctuation at some scale (a constant or exactly
    /// linear profile) gives <c>hrv.zero-fluctuation</c>.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scale range is invalid (smallest below 3, or not below its largest).</exception>
    public static DfaResult DetrendedFluctuation(ReadOnlySpan<double> rrMs, DfaOptions? options = null)
    {
        RrGuard.ValidIntervals(rrMs);
        options ??= DfaOptions.Default;
        Guard.Defined(options.Windowing);
        Guard.InRange(options.ShortTermMinBeats, 3, int.MaxValue - 1);
        Guard.InRange(options.ShortTermMaxBeats, options.ShortTermMinBeats + 1, int.MaxValue);
        Guard.InRange(options.LongTermMinBeats, 3, int.MaxValue - 1);
        Guard.InRange(options.LongTermMaxBeats, options.LongTermMinBeats + 1, int.MaxValue);
        if (options.MinimumWindowVariance is { } floor)
        {
            Guard.NonNegative(floor);
        }

        var problems = new ProblemCollector();
        var n = rrMs.Length;
        var rented = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        try
        {
            var profile = rented.AsSpan(0, n);
            if (n > 0)
            {
                var mean = 0.0;
                foreach (var v in rrMs)
                {
                    mean += v;
                }

                mean /= n;
                var running = 0.0;
                for (var i = 0; i < n; i++)
                {
                    running += rrMs[i] - mean;
                    profile[i] = running;
                }
            }

            var alpha1 = ScalingExponent(profile, options.ShortTermMinBeats, options.ShortTermMaxBeats, options, "DFA alpha1", problems);
            var longMax = options.LongTermMaxFromLength ? (int)((n + 1L) / 10) : options.LongTermMaxBeats;
            double? alpha2;
            if (longMax < options.LongTermMinBeats + 1)
            {
                // NeuroKit2's rule: the range up to a tenth of the length is too short for a slope.
                problems.Add(new Problem(
                    "hrv.too-few-beats",
                    string.Create(CultureInfo.InvariantCulture, $"DFA alpha2 with its largest scale at ⌊(N + 1)/10⌋ = {longMax} beats needs that to exceed {options.LongTermMinBeats}, i.e. at least {(10 * (options.LongTermMinBeats + 1)) - 1} intervals; the series has {n}."),
                    ProblemSeverity.Error,
                    "DFA alpha2"));
                alpha2 = null;
            }
            else
            {
                alpha2 = ScalingExponent(profile, options.LongTermMinBeats, longMax, options, "DFA alpha2", problems);
            }

            return new DfaResult(alpha1, alpha2, problems.ToList());
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static EntropyOptions CheckEntropyOptions(EntropyOptions? options)
    {
        options ??= EntropyOptions.Default;
        Guard.InRange(options.EmbeddingDimension, 1, 64);
        Guard.Defined(options.Comparison);
        Guard.InRange(options.ToleranceSdFactor, double.Epsilon, MaximumToleranceSdFactor); // r = factor × SD stays finite
        if (options.ToleranceMs is { } absolute)
        {
            Guard.Positive(absolute);
        }

        Guard.InRange(options.MaximumIntervals, options.EmbeddingDimension + 2, int.MaxValue);
        Guard.InRange(options.ToleranceSdDdof, -1_000_000, 1);
        return options;
    }

    /// <summary>Largest multiscale-entropy scale accepted (the result holds one value per scale).</summary>
    private const int MaximumScale = 100_000;

    /// <summary>Largest <see cref="EntropyOptions.ToleranceSdFactor"/> accepted: at 1000 × SD every pair matches already.</summary>
    private const double MaximumToleranceSdFactor = 1000;

    /// <summary>Cuts a series longer than <see cref="EntropyOptions.MaximumIntervals"/> to its first intervals; the warning saying so, or null.</summary>
    private static Problem? Truncate(ref ReadOnlySpan<double> rrMs, EntropyOptions options, string metric)
    {
        if (rrMs.Length <= options.MaximumIntervals)
        {
            return null;
        }

        var problem = new Problem(
            "hrv.entropy-truncated",
            string.Create(CultureInfo.InvariantCulture, $"{metric} is computed on the first {options.MaximumIntervals} of {rrMs.Length} intervals (EntropyOptions.MaximumIntervals bounds its cost, which grows faster than N)."),
            ProblemSeverity.Warning,
            metric);
        rrMs = rrMs[..options.MaximumIntervals];
        return problem;
    }

    private static IReadOnlyList<Problem> WithTruncation(Problem? truncated, IReadOnlyList<Problem> problems) =>
        truncated is null ? problems : ProblemList.Create([truncated, .. problems]);

    /// <summary>r in ms: the absolute option, or factor × SD with denominator N − ddof (default n − 1) computed in two passes.</summary>
    private static double Tolerance(ReadOnlySpan<double> rrMs, EntropyOptions options)
    {
        if (options.ToleranceMs is { } absolute)
        {
            return absolute;
        }

        var (_, squares) = SampleMoments.Of(rrMs);
        return options.ToleranceSdFactor * Math.Sqrt(squares / (rrMs.Length - options.ToleranceSdDdof));
    }

    private static SampleEntropyResult SampleEntropyCore(ReadOnlySpan<double> x, int m, double r, bool strict, string metric, CancellationToken cancellationToken)
    {
        var templates = x.Length - m;
        var rented = ArrayPool<int>.Shared.Rent(2 * templates);
        try
        {
            var countsM = rented.AsSpan(0, templates);
            var countsM1 = rented.AsSpan(templates, templates);
            TemplateMatchCounter.CountPerTemplateBothLengths(x, m, templates, countsM, templates, countsM1, r, strict, cancellationToken);
            return SampleEntropyFromPairs(m, r, templates, TemplateMatchCounter.PairsFromCounts(countsM), TemplateMatchCounter.PairsFromCounts(countsM1), metric);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>SampEn = −ln(A/B) from the pair counts, or null with <c>hrv.no-template-matches</c> when A or B is 0.</summary>
    private static SampleEntropyResult SampleEntropyFromPairs(int m, double r, int templates, long b, long a, string metric)
    {
        if (a == 0 || b == 0)
        {
            var problem = new Problem(
                "hrv.no-template-matches",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Sample entropy is undefined: {b} pairs of length-{m} templates and {a} pairs of length-{m + 1} templates match within r = {r} ms (both must be greater than 0)."),
                ProblemSeverity.Error,
                metric);
            return new SampleEntropyResult(null, r, m, templates, b, a, ProblemList.Create([problem]));
        }

        return new SampleEntropyResult(-Math.Log((double)a / b), r, m, templates, b, a, ProblemList.Empty);
    }

    /// <summary>Φ = mean over the templates of ln(Cᵢ / templates), from the counts Cᵢ (self-match included).</summary>
    private static double Phi(ReadOnlySpan<int> counts)
    {
        var sum = 0.0;
        foreach (var c in counts)
        {
            sum += Math.Log(c);
        }

        return (sum / counts.Length) - Math.Log(counts.Length);
    }

    private static Problem TooFewForEntropy(string metric, int n, int m) => new(
        "hrv.too-few-beats",
        string.Create(CultureInfo.InvariantCulture, $"{metric} with m = {m} needs at least {m + 2} intervals; the series has {n}."),
        ProblemSeverity.Error,
        metric);

    private static Problem ZeroTolerance(string metric) => new(
        "hrv.zero-tolerance",
        "The tolerance r is 0 because the series does not vary (SDNN = 0); entropy is undefined for a constant series.",
        ProblemSeverity.Error,
        metric);

    private static double? ScalingExponent(ReadOnlySpan<double> profile, int minScale, int maxScale, DfaOptions options, string metric, ProblemCollector problems)
    {
        var n = profile.Length;
        var overlapping = options.Windowing == DfaWindowing.HalfOverlapping;
        var needed = overlapping ? maxScale + 1 : maxScale;
        if (n < needed)
        {
            problems.Add(new Problem(
                "hrv.too-few-beats",
                string.Create(CultureInfo.InvariantCulture, $"{metric} over {minScale}–{maxScale} beats needs at least {needed} intervals (one window at the largest scale); the series has {n}."),
                ProblemSeverity.Error,
                metric));
            return null;
        }

        // Least-squares slope of ln F on ln n, accumulated scale by scale.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var count = maxScale - minScale + 1;
        for (var scale = minScale; scale <= maxScale; scale++)
        {
            var f = Fluctuation(profile, scale, overlapping, options.MinimumWindowVariance);
            if (!(f > 0))
            {
                problems.Add(new Problem(
                    "hrv.zero-fluctuation",
                    string.Create(CultureInfo.InvariantCulture, $"{metric} is undefined: the detrended fluctuation F({scale}) is 0 (constant series or exactly linear profile)."),
                    ProblemSeverity.Error,
                    metric));
                return null;
            }

            var lx = Math.Log(scale);
            var ly = Math.Log(f);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }

        return ((count * sxy) - (sx * sy)) / ((count * sxx) - (sx * sx));
    }

    /// <summary>
    /// F(n) for one scale: √(mean over windows of the mean squared residual of a least-squares line); windows whose mean
    /// squared residual is ≤ <paramref name="minimumVariance"/> (when set) are left out, and 0 is returned if none is left.
    /// </summary>
    private static double Fluctuation(ReadOnlySpan<double> profile, int scale, bool overlapping, double? minimumVariance)
    {
        var n = profile.Length;
        var step = overlapping ? scale / 2 : scale;
        var last = overlapping ? n - scale - 1 : n - scale; // last allowed window start
        var (total, windows) = DfaKernels.MeanSquaredResiduals(profile, scale, step, last, minimumVariance);
        return windows == 0 ? 0 : Math.Sqrt(total / windows);
    }
}
