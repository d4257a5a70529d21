using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.Statistics;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// Surrogate synchrony (SUSY; Ramseyer &amp; Tschacher 2011, Tschacher &amp; Meier 2020, R package SUSY 0.1.0 <c>susy()</c> with
/// <c>restrict.surrogates = FALSE</c>): segment-wise cross-correlation of the real dyad against every mismatched segment pair.
/// </summary>
/// <remarks>
/// <para>The series is cut into <c>n = round(N/seg − 0.499999)</c> consecutive segments from the first sample. For A's segment i
/// and B's segment h, at lag ℓ (positive = B follows A) the value is R's biased <c>ccf</c>:
/// <c>r = Σ_u (A_i[u] − mean A_i)(B_h[u + ℓ] − mean B_h) / sqrt(Σ (A_i − mean)² · Σ (B_h − mean)²)</c>, the sum over the overlap
/// but means and variances of the <b>whole segment</b>. z = ½ ln((1 + r)/(1 − r)), not clipped. Real pairs are i = h,
/// surrogates all i ≠ h. A pair with a constant segment is skipped but still counted in the denominator, so it contributes
/// 0 (SUSY's rule). Matches SUSY to 4e-13 on the reference dyads.</para>
/// <para>Cost: n² pairs × (2L + 1) dot products of about seg samples (<c>TensorPrimitives.Dot</c>
/// on segments centred once), the z transform vectorised per pair.</para>
/// </remarks>
public static class SurrogateSynchrony
{
    /// <summary>SUSY surrogate synchrony of a dyad on its grid.</summary>
    /// <param name="dyad">The aligned dyad.</param>
    /// <param name="options">Null for <see cref="SurrogateSynchronyOptions.Susy"/>.</param>
    /// <returns>The result; with <c>sync.too-few-segments</c> and no statistics when fewer than two segments fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dyad"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (segment shorter than twice the largest lag).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The DyadSeries and span overloads differ in their first parameters' types; no call is ambiguous.")]
    public static SurrogateSynchronyResult Compute(DyadSeries dyad, SurrogateSynchronyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dyad);
        return Compute(dyad.SeriesA, dyad.SeriesB, dyad.SampleRateHz, options);
    }

    /// <summary>SUSY surrogate synchrony of two series on one grid.</summary>
    /// <param name="seriesA">Member A's samples.</param>
    /// <param name="seriesB">Member B's samples, same length.</param>
    /// <param name="sampleRateHz">Grid rate in Hz.</param>
    /// <param name="options">Null for <see cref="SurrogateSynchronyOptions.Susy"/>.</param>
    /// <returns>The result, with problems.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate or an option is out of range.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The DyadSeries and span overloads differ in their first parameters' types; no call is ambiguous.")]
    public static SurrogateSynchronyResult Compute(ReadOnlySpan<double> seriesA, ReadOnlySpan<double> seriesB, double sampleRateHz, SurrogateSynchronyOptions? options = null) =>
        ComputeCancellable(seriesA, seriesB, sampleRateHz, options, CancellationToken.None);

    /// <summary>As the public overload; <paramref name="cancellationToken"/> is observed once per segment of A in the pair loop.</summary>
    internal static SurrogateSynchronyResult ComputeCancellable(ReadOnlySpan<double> seriesA, ReadOnlySpan<double> seriesB, double sampleRateHz, SurrogateSynchronyOptions? options, CancellationToken cancellationToken)
    {
        options ??= SurrogateSynchronyOptions.Susy;
        var (seg, lag) = SynchronyGuard.Geometry(seriesA, seriesB, sampleRateHz, options.SegmentSeconds, 2, options.MaxLagSeconds);
        Guard.InRange(lag, 0, seg / 2, nameof(options.MaxLagSeconds));
        Guard.InRange(options.ChanceQuantile, 0.0, 1.0);
        var lagCount = (2 * lag) + 1;
        var lagsSeconds = new double[lagCount];
        for (var i = 0; i < lagCount; i++)
        {
            lagsSeconds[i] = (i - lag) / sampleRateHz;
        }

        var n = seriesA.Length;
        var problems = new ProblemCollector();
        var segments = (int)Math.Round(((double)n / seg) - 0.499999, MidpointRounding.ToEven);
        if (WindowedCrossCorrelation.HasNonFinite(seriesA) || WindowedCrossCorrelation.HasNonFinite(seriesB))
        {
            problems.Error("sync.non-finite", "A series holds a NaN or infinite value; SUSY needs a grid without holes (DyadAlignment bridges gaps).");
            segments = 0;
        }
        else if (segments < 2)
        {
            problems.Error(
                "sync.too-few-segments",
                string.Create(CultureInfo.InvariantCulture, $"{n} grid samples hold {Math.Max(segments, 0)} segment(s) of {seg} samples; surrogates need at least two."));
            segments = 0;
        }

        var acc = new Accumulators(lagCount, segments);
        if (segments >= 2)
        {
            Accumulate(seriesA, seriesB, seg, lag, segments, acc, problems, cancellationToken);
        }

        return Summarize(options, sampleRateHz, n, seg, lag, segments, lagsSeconds, acc, problems);
    }

    private static void Accumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int seg, int lag, int segments, Accumulators acc, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var lagCount = (2 * lag) + 1;
        var ca = new double[segments * seg];
        var cb = new double[segments * seg];
        var ssA = new double[segments];
        var ssB = new double[segments];
        var constantA = new bool[segments];
        var constantB = new bool[segments];
        for (var i = 0; i < segments; i++)
        {
            constantA[i] = Prepare(a.Slice(i * seg, seg), ca.AsSpan(i * seg, seg), out ssA[i]);
            constantB[i] = Prepare(b.Slice(i * seg, seg), cb.AsSpan(i * seg, seg), out ssB[i]);
            if (constantA[i] || constantB[i])
            {
                problems.Warning(
                    "sync.constant-segment",
                    string.Create(CultureInfo.InvariantCulture, $"Segment {i} of {(constantA[i] ? "A" : "B")} is constant; every pair with it is skipped and counts as 0 (SUSY's rule)."),
                    string.Create(CultureInfo.InvariantCulture, $"segment {i}"));
            }
        }

        Span<double> r = stackalloc double[lagCount];
        Span<double> z = stackalloc double[lagCount];
        Span<double> t = stackalloc double[lagCount];
        // Every mismatched pair's value, written in place: a list grown or copied at the end would hold the 8 bytes per
        // pair twice (56 MB of a day-long dyad's 7 million pairs).
        var pairZ = new double[segments * (segments - 1)];
        var pairs = 0;
        for (var i = 0; i < segments; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var x = new ReadOnlySpan<double>(ca, i * seg, seg);
            for (var h = 0; h < segments; h++)
            {
                if (constantA[i] || constantB[h])
                {
                    if (i == h)
                    {
                        acc.SegmentZ[i] = double.NaN;
                    }

                    continue;
                }

                var y = new ReadOnlySpan<double>(cb, h * seg, seg);
                // Divide by sqrt(SS_A·SS_B) as R does, so identical segments give r = 1 exactly (z = ∞), as in SUSY.
                var norm = Math.Sqrt(ssA[i] * ssB[h]);
                for (var li = 0; li < lagCount; li++)
                {
                    var l = li - lag;
                    var dot = l >= 0
                        ? TensorPrimitives.Dot(x[..(seg - l)], y[l..])
                        : TensorPrimitives.Dot(x[(-l)..], y[..(seg + l)]);
                    r[li] = Math.Clamp(dot / norm, -1.0, 1.0); // rounding can give 1 + 2⁻⁵², whose z would be NaN
                }

                // z = ½ ln((1 + r)/(1 − r)).
                TensorPrimitives.Add(r, 1.0, z);
                TensorPrimitives.Subtract(1.0, r, t);
                TensorPrimitives.Divide(z, t, z);
                TensorPrimitives.Log(z, z);
                TensorPrimitives.Multiply(z, 0.5, z);
                var real = i == h;
                TensorPrimitives.Add(real ? acc.RealZ : acc.PseudoZ, z, real ? acc.RealZ : acc.PseudoZ);
                TensorPrimitives.Abs(z, z);
                TensorPrimitives.Add(real ? acc.RealAbsZ : acc.PseudoAbsZ, z, real ? acc.RealAbsZ : acc.PseudoAbsZ);
                TensorPrimitives.Min(z, 10.0, z);
                var clippedMean = TensorPrimitives.Sum(z) / lagCount;
                TensorPrimitives.Abs(r, t);
                TensorPrimitives.Add(real ? acc.RealAbsR : acc.PseudoAbsR, t, real ? acc.RealAbsR : acc.PseudoAbsR);
                var sumAbsR = TensorPrimitives.Sum(t);
                if (real)
                {
                    acc.SegmentAbsR[i] += sumAbsR;
                    acc.SegmentZ[i] = clippedMean;
                }
                else
                {
                    acc.SegmentPseudoAbsR[i] += sumAbsR;
                    pairZ[pairs++] = clippedMean;
                }
            }
        }

        acc.PairZ = pairs == pairZ.Length ? pairZ : pairZ[..pairs]; // fewer only when a constant segment's pairs were skipped
    }

    /// <summary>
    /// Centres one segment and returns true when it is constant (every value equal: R's ccf is NaN). The segment is first
    /// divided by the power of two of its largest |value| (exact; r is scale-free and comes out the same doubles), so its
    /// sums of squares and products stay finite for any finite values — before, values near 1e154 and beyond made r NaN.
    /// </summary>
    private static bool Prepare(ReadOnlySpan<double> values, Span<double> centred, out double sumSquares)
    {
        var constant = values.IndexOfAnyExcept(values[0]) < 0;
        BinaryScale.Scale(values, -BinaryScale.Magnitude(values), centred);

        var mean = TensorPrimitives.Sum(centred) / values.Length;
        TensorPrimitives.Subtract(centred, mean, centred);
        sumSquares = TensorPrimitives.Dot(centred, centred);
        return constant;
    }

    private static SurrogateSynchronyResult Summarize(
        SurrogateSynchronyOptions options, double rate, int n, int seg, int lag, int segments, double[] lagsSeconds, Accumulators acc, ProblemCollector problems)
    {
        var lagCount = lagsSeconds.Length;
        var realDivisor = Math.Max(segments, 1);
        var pseudoDivisor = Math.Max(segments * (segments - 1), 1);
        TensorPrimitives.Divide(acc.RealAbsR, realDivisor, acc.RealAbsR);
        TensorPrimitives.Divide(acc.RealAbsZ, realDivisor, acc.RealAbsZ);
        TensorPrimitives.Divide(acc.RealZ, realDivisor, acc.RealZ);
        TensorPrimitives.Divide(acc.PseudoAbsR, pseudoDivisor, acc.PseudoAbsR);
        TensorPrimitives.Divide(acc.PseudoAbsZ, pseudoDivisor, acc.PseudoAbsZ);
        TensorPrimitives.Divide(acc.PseudoZ, pseudoDivisor, acc.PseudoZ);
        for (var i = 0; i < segments; i++)
        {
            acc.SegmentAbsR[i] /= lagCount;
            acc.SegmentPseudoAbsR[i] /= Math.Max(segments - 1, 1) * lagCount;
        }

        var has = segments >= 2;
        var k1 = 0;
        var k1NotAbs = 0;
        var inPhase = new List<double>();
        var antiPhase = new List<double>();
        for (var li = 0; li < lagCount && has; li++)
        {
            k1 += acc.RealAbsZ[li] > acc.PseudoAbsZ[li] ? 1 : 0;
            k1NotAbs += acc.RealZ[li] > acc.PseudoZ[li] ? 1 : 0;
            if (acc.RealZ[li] >= 0)
            {
                inPhase.Add(acc.RealZ[li]);
            }
            else if (acc.RealZ[li] < 0)
            {
                antiPhase.Add(acc.RealZ[li]);
            }
        }

        var infinite = has && (!AllFinite(acc.RealAbsZ) || !AllFinite(acc.PseudoAbsZ));
        if (infinite)
        {
            problems.Warning("sync.infinite-z", "A correlation of exactly ±1 (e.g. a series paired with itself) makes Fisher z infinite; the SUSY statistics it enters are null.");
        }

        var aLead = new Range(lag + 1, lagCount);
        var bLead = new Range(0, lag);
        var z = has ? Mean(acc.RealAbsZ) : null;
        var zPseudo = has ? Mean(acc.PseudoAbsZ) : null;
        var zNoAbs = has ? Mean(acc.RealZ) : null;
        var zPseudoNoAbs = has ? Mean(acc.PseudoZ) : null;

        var segmentZ = new double?[segments];
        var finiteSegments = new List<double>();
        for (var i = 0; i < segments; i++)
        {
            segmentZ[i] = double.IsNaN(acc.SegmentZ[i]) ? null : acc.SegmentZ[i];
            if (segmentZ[i] is { } v)
            {
                finiteSegments.Add(v);
            }
        }

        double? pairMean = null, pairSd = null, threshold = null, esSurrogates = null, percentAbove = null;
        if (acc.PairZ.Length > 0)
        {
            var (mean, squares) = SampleMoments.Of(acc.PairZ);
            pairMean = mean;
            pairSd = acc.PairZ.Length > 1 ? Math.Sqrt(squares / (acc.PairZ.Length - 1)) : null;
            threshold = ArrayStatistics.QuantileInplace(acc.PairZ, options.ChanceQuantile);
            if (finiteSegments.Count > 0)
            {
                var above = 0;
                foreach (var v in finiteSegments)
                {
                    above += v > threshold ? 1 : 0;
                }

                percentAbove = 100.0 * above / segments;
                esSurrogates = pairSd is > 0 ? (finiteSegments.Average() - mean) / pairSd : null;
            }
        }

        var result = new SurrogateSynchronyResult
        {
            Options = options,
            SampleRateHz = rate,
            SampleCount = n,
            SegmentSamples = seg,
            MaxLagSamples = lag,
            SegmentCount = segments,
            LagsSeconds = lagsSeconds,
            RealMeanAbsR = acc.RealAbsR,
            SurrogateMeanAbsR = acc.PseudoAbsR,
            RealMeanAbsZ = Finite(acc.RealAbsZ),
            RealMeanZ = Finite(acc.RealZ),
            SurrogateMeanAbsZ = Finite(acc.PseudoAbsZ),
            SurrogateMeanZ = Finite(acc.PseudoZ),
            SegmentMeanAbsR = acc.SegmentAbsR,
            SegmentSurrogateMeanAbsR = acc.SegmentPseudoAbsR,
            Z = z,
            ZPseudo = zPseudo,
            SdZ = has ? Sd(acc.RealAbsZ) : null,
            SdZPseudo = has ? Sd(acc.PseudoAbsZ) : null,
            PercentAbovePseudo = has ? 100.0 * k1 / lagCount : 0,
            Es = has ? Es(acc.RealAbsZ, acc.PseudoAbsZ) : null,
            ZALead = has && lag > 0 ? Mean(acc.RealAbsZ[aLead]) : null,
            ZBLead = has && lag > 0 ? Mean(acc.RealAbsZ[bLead]) : null,
            EsALead = has && lag > 0 ? Es(acc.RealAbsZ[aLead], acc.PseudoAbsZ[aLead]) : null,
            EsBLead = has && lag > 0 ? Es(acc.RealAbsZ[bLead], acc.PseudoAbsZ[bLead]) : null,
            MeanZInPhase = inPhase.Count == 0 ? null : Finite(inPhase.Average()),
            MeanZAntiPhase = antiPhase.Count == 0 ? null : Finite(antiPhase.Average()),
            CountInPhase = inPhase.Count,
            CountAntiPhase = antiPhase.Count,
            ZNoAbs = zNoAbs,
            ZPseudoNoAbs = zPseudoNoAbs,
            PercentAbovePseudoNoAbs = has ? 100.0 * k1NotAbs / lagCount : 0,
            EsNoAbs = has ? Es(acc.RealZ, acc.PseudoZ) : null,
            SegmentZ = segmentZ,
            SurrogatePairZMean = pairMean,
            SurrogatePairZSd = pairSd,
            ChanceThresholdZ = threshold,
            EsAcrossSurrogates = esSurrogates,
            PercentSegmentsAboveChance = percentAbove,
        };
        if (has && !infinite && (result.SdZ is null || result.Es is null || result.EsALead is null || result.EsBLead is null || result.EsNoAbs is null))
        {
            problems.Warning("sync.undefined", "An SD over lags is 0 or undefined (e.g. a single lag), so an effect size is undefined and null.");
        }

        return result with { Problems = problems.ToList() };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static double?[] Finite(double[] values) => Array.ConvertAll(values, v => Finite(v));

    private static bool AllFinite(double[] values) => !WindowedCrossCorrelation.HasNonFinite(values);

    private static double? Mean(ReadOnlySpan<double> values) => Finite(TensorPrimitives.Sum(values) / values.Length);

    private static double? Mean(double[] values) => Mean((ReadOnlySpan<double>)values);

    private static double? Sd(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return null;
        }

        var (_, squares) = SampleMoments.Of(values);
        return Finite(Math.Sqrt(squares / (values.Length - 1)));
    }

    private static double? Es(ReadOnlySpan<double> real, ReadOnlySpan<double> pseudo)
    {
        var sd = Sd(pseudo);
        var mr = TensorPrimitives.Sum(real) / real.Length;
        var mp = TensorPrimitives.Sum(pseudo) / pseudo.Length;
        return sd is { } s && s > 0 ? Finite((mr - mp) / s) : null;
    }

    private sealed class Accumulators(int lagCount, int segments)
    {
        public double[] RealAbsR { get; } = new double[lagCount];

        public double[] RealAbsZ { get; } = new double[lagCount];

        public double[] RealZ { get; } = new double[lagCount];

        public double[] PseudoAbsR { get; } = new double[lagCount];

        public double[] PseudoAbsZ { get; } = new double[lagCount];

        public double[] PseudoZ { get; } = new double[lagCount];

        public double[] SegmentAbsR { get; } = new double[segments];

        public double[] SegmentPseudoAbsR { get; } = new double[segments];

        public double[] SegmentZ { get; } = new double[segments];

        public double[] PairZ { get; set; } = [];
    }
}
