using System.Globalization;
using MathNet.Numerics.Interpolation;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// Puts two people's RR series on one even grid, the first step of every synchrony measure (docs/synchrony.md, "Alignment").
/// </summary>
/// <remarks>
/// <para>Per member: the RR series' own problems are kept; optionally the artifact step (<see cref="Artifacts.Process(RrSeries, ArtifactOptions?)"/>)
/// corrects the intervals; beat times are <c>t_0 = </c><see cref="RrSeries.StartTimeSeconds"/>, <c>t_{k+1} = t_0 + (Σ_{i≤k} RR_i)/1000</c>, and the
/// value of interval k (RR_k in ms, or 60000/RR_k bpm) is placed at <c>t_{k+1}</c>, the beat that ends it.</para>
/// <para>Grid: <c>T0 = max</c> of the two first sample times (the later start), <c>t_j = T0 + j/fs</c> for
/// <c>j = 0..J</c>, <c>J = floor((min of the two last sample times − T0)·fs + 1e-9)</c>. Values: linear interpolation between
/// the two neighbouring samples (MathNet <see cref="LinearSpline"/>; NumPy <c>interp</c> gives the same), never extrapolated.
/// This is exactly the resampling of the synchrony reference data (README of <c>reference/synchrony</c>), whose CSVs this
/// reproduces to within 1e-8 ms.</para>
/// </remarks>
public static class DyadAlignment
{
    /// <summary>Aligns two recordings given as RR intervals in ms, both starting at time 0 (two devices started together).</summary>
    /// <param name="rrMsA">Member A's RR intervals in ms (bad values are refused with problems, as in <see cref="RrSeries.FromIntervalsMs"/>).</param>
    /// <param name="rrMsB">Member B's RR intervals in ms.</param>
    /// <param name="options">Null for <see cref="DyadAlignmentOptions.Default"/>.</param>
    /// <returns>The dyad on the grid, with the problems met; empty (<see cref="DyadSeries.Count"/> 0) when the overlap is too short.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The span and RrSeries overloads differ in their first parameters' types; no call is ambiguous (the HrvAnalysis pattern).")]
    public static DyadSeries Align(ReadOnlySpan<double> rrMsA, ReadOnlySpan<double> rrMsB, DyadAlignmentOptions? options = null) =>
        Align(RrSeries.FromIntervalsMs(rrMsA), RrSeries.FromIntervalsMs(rrMsB), options);

    /// <summary>Aligns two recordings on their common clock (<see cref="RrSeries.StartTimeSeconds"/> of each, e.g. from beat times).</summary>
    /// <param name="seriesA">Member A.</param>
    /// <param name="seriesB">Member B.</param>
    /// <param name="options">Null for <see cref="DyadAlignmentOptions.Default"/>.</param>
    /// <returns>The dyad on the grid, with the problems met; empty when the overlap is too short.</returns>
    /// <exception cref="ArgumentNullException">A series is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The span and RrSeries overloads differ in their first parameters' types; no call is ambiguous (the HrvAnalysis pattern).")]
    public static DyadSeries Align(RrSeries seriesA, RrSeries seriesB, DyadAlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(seriesA);
        ArgumentNullException.ThrowIfNull(seriesB);
        options ??= DyadAlignmentOptions.Default;
        var rate = SynchronyGuard.BeatGridRate(options.SampleRateHz);
        Guard.NonNegative(options.MinimumOverlapSeconds);
        Guard.Positive(options.MaximumGapSeconds);

        var problems = new ProblemCollector(100, "sync.more-problems");
        var a = Member(seriesA, options, problems.At("$.a"), out var flaggedA);
        var b = Member(seriesB, options, problems.At("$.b"), out var flaggedB);
        if (a.Times.Length < 2 || b.Times.Length < 2)
        {
            problems.Error("sync.too-little-overlap", "A member has fewer than two usable beats; the two recordings cannot be aligned.");
            return Empty(options, flaggedA, flaggedB, problems);
        }

        var t0 = Math.Max(a.Times[0], b.Times[0]);
        var end = Math.Min(a.Times[^1], b.Times[^1]);
        var overlap = end - t0;
        if (!(overlap >= options.MinimumOverlapSeconds) || overlap <= 0)
        {
            problems.Error(
                "sync.too-little-overlap",
                string.Create(CultureInfo.InvariantCulture, $"The recordings overlap for {Math.Max(0, overlap):0.###} s (from {t0:0.###} s to {end:0.###} s); at least {options.MinimumOverlapSeconds} s are needed."));
            return Empty(options, flaggedA, flaggedB, problems);
        }

        if (overlap * rate >= MaxGridSamples)
        {
            problems.Error(
                "sync.grid-too-long",
                string.Create(CultureInfo.InvariantCulture, $"The recordings overlap for {overlap:0.###} s, {Math.Floor(overlap * rate) + 1:0} samples at {rate} Hz; at most {MaxGridSamples} fit one grid (48 days at 4 Hz). Align shorter pieces or use a lower rate."));
            return Empty(options, flaggedA, flaggedB, problems);
        }

        var count = (int)Math.Floor((overlap * rate) + 1e-9) + 1;
        Gaps(a, t0, end, options.MaximumGapSeconds, problems.At("$.a"));
        Gaps(b, t0, end, options.MaximumGapSeconds, problems.At("$.b"));
        var gridA = Resample(a, t0, rate, count);
        var gridB = Resample(b, t0, rate, count);
        return new DyadSeries(gridA, gridB, t0, rate, options.Signal, flaggedA, flaggedB, problems.ToList());
    }

    /// <summary>The most samples one member's grid holds (2²⁴: 128 MiB of doubles).</summary>
    private const int MaxGridSamples = 1 << 24;

    private static DyadSeries Empty(DyadAlignmentOptions options, int flaggedA, int flaggedB, ProblemCollector problems) =>
        new([], [], 0, options.SampleRateHz, options.Signal, flaggedA, flaggedB, problems.ToList());

    private static MemberSamples Member(RrSeries series, DyadAlignmentOptions options, ProblemCollector problems, out int flagged)
    {
        problems.AddRange(series.Problems);
        ReadOnlySpan<double> nn = series.IntervalsMs;
        flagged = 0;
        if (options.Artifacts is { } artifactOptions && !nn.IsEmpty)
        {
            var artifacts = Artifacts.Process(series, artifactOptions);
            problems.AddRange(artifacts.Problems);
            flagged = artifacts.FlaggedCount;
            nn = artifacts.NnIntervalsMs;
        }

        var times = new double[nn.Length];
        var values = new double[nn.Length];
        var sumMs = 0.0;
        for (var k = 0; k < nn.Length; k++)
        {
            sumMs += nn[k];
            times[k] = series.StartTimeSeconds + (sumMs / 1000.0);
            values[k] = options.Signal == DyadSignal.HeartRateBpm ? 60000.0 / nn[k] : nn[k];
        }

        return new MemberSamples(times, values, nn.ToArray());
    }

    private static void Gaps(MemberSamples member, double t0, double end, double maximumGapSeconds, ProblemCollector problems)
    {
        for (var k = 0; k < member.Times.Length; k++)
        {
            var intervalS = member.IntervalsMs[k] / 1000.0;
            var endS = member.Times[k];
            if (intervalS > maximumGapSeconds && endS > t0 && endS - intervalS < end)
            {
                problems.Warning(
                    "sync.gap",
                    string.Create(CultureInfo.InvariantCulture, $"No beat for {intervalS:0.###} s (from {endS - intervalS:0.###} s to {endS:0.###} s); the grid bridges it by linear interpolation (limit {maximumGapSeconds} s)."),
                    string.Create(CultureInfo.InvariantCulture, $".intervals[{k}]"));
            }
        }
    }

    private static double[] Resample(MemberSamples member, double t0, double rate, int count)
    {
        var spline = LinearSpline.InterpolateSorted(member.Times, member.Values);
        var grid = new double[count];
        for (var j = 0; j < count; j++)
        {
            grid[j] = spline.Interpolate(t0 + (j / rate));
        }

        return grid;
    }

    private readonly record struct MemberSamples(double[] Times, double[] Values, double[] IntervalsMs);
}
