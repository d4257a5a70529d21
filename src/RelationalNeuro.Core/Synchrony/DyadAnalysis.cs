using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// One-call dyad analysis: two RR recordings in, one <see cref="DyadReport"/> out. Stages in order: <see cref="DyadAlignment"/>,
/// each member's <see cref="HrvAnalysis"/>, <see cref="WindowedCrossCorrelation"/>, <see cref="SurrogateSynchrony"/>, the verdict.
/// See docs/synchrony.md.
/// </summary>
/// <remarks>
/// The verdict: "above chance" is the library's per-segment test — a segment's mean |z| over lags above the
/// <see cref="SurrogateSynchronyOptions.ChanceQuantile"/> quantile of all mismatched segment pairs of the same dyad
/// (<see cref="SurrogateSynchronyResult.PercentSegmentsAboveChance"/>). The leader comes from the median of the windows' best
/// lags (<see cref="WindowedCrossCorrelationResult.MedianBestLagSeconds"/>): positive = B followed A; below
/// <see cref="DyadAnalysisOptions.LeaderThresholdSeconds"/> in magnitude no leader is named.
/// </remarks>
public static class DyadAnalysis
{
    /// <summary>Analyses a dyad given as two RR interval arrays in ms, both starting at time 0.</summary>
    /// <param name="rrMsA">Member A's RR intervals in ms.</param>
    /// <param name="rrMsB">Member B's RR intervals in ms.</param>
    /// <param name="options">Null for <see cref="DyadAnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed between stages, inside the members' HRV and in the surrogate test's segment loop.</param>
    /// <returns>The report; data problems never throw.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The span and RrSeries overloads differ in their first parameters' types; no call is ambiguous.")]
    public static DyadReport Analyze(ReadOnlySpan<double> rrMsA, ReadOnlySpan<double> rrMsB, DyadAnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        Analyze(RrSeries.FromIntervalsMs(rrMsA), RrSeries.FromIntervalsMs(rrMsB), options, cancellationToken);

    /// <summary>Analyses a dyad given as two RR series on a common clock.</summary>
    /// <param name="seriesA">Member A.</param>
    /// <param name="seriesB">Member B.</param>
    /// <param name="options">Null for <see cref="DyadAnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">
    /// Observed between stages, inside the members' HRV and in the surrogate test's segment loop (the part that grows with
    /// the square of the length: about 5 s for two 22-h recordings, docs/performance.md).
    /// </param>
    /// <returns>The report (<see cref="DyadReport.DyadId"/> null).</returns>
    /// <exception cref="ArgumentNullException">A series is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The span and RrSeries overloads differ in their first parameters' types; no call is ambiguous.")]
    public static DyadReport Analyze(RrSeries seriesA, RrSeries seriesB, DyadAnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(seriesA);
        ArgumentNullException.ThrowIfNull(seriesB);
        options ??= DyadAnalysisOptions.Default;
        Guard.NonNegative(options.LeaderThresholdSeconds);
        var problems = new ProblemCollector();
        var dyad = DyadAlignment.Align(seriesA, seriesB, options.Alignment);
        problems.AddRange(dyad.Problems);
        cancellationToken.ThrowIfCancellationRequested();
        var alignment = new DyadAlignmentSummary(
            dyad.SampleRateHz, dyad.Signal, dyad.StartTimeSeconds, dyad.DurationSeconds, dyad.Count, dyad.ArtifactsFlaggedA, dyad.ArtifactsFlaggedB, dyad.Problems);

        HrvReport? hrvA = null, hrvB = null;
        if (options.Hrv is { } hrvOptions)
        {
            hrvA = HrvAnalysis.Analyze(seriesA, hrvOptions, cancellationToken);
            hrvB = HrvAnalysis.Analyze(seriesB, hrvOptions, cancellationToken);
            problems.At("$.hrvA").AddRange(hrvA.Problems);
            problems.At("$.hrvB").AddRange(hrvB.Problems);
        }

        var windowed = WindowedCrossCorrelation.Compute(dyad, options.Windowed);
        problems.AddRange(windowed.Problems);
        cancellationToken.ThrowIfCancellationRequested();
        var surrogate = SurrogateSynchrony.ComputeCancellable(dyad.SeriesA, dyad.SeriesB, dyad.SampleRateHz, options.Surrogate, cancellationToken);
        problems.AddRange(surrogate.Problems);

        var summary = new WindowedSynchronySummary(
            windowed.WindowCount,
            windowed.ComputedCellCount,
            windowed.GrandAverage,
            windowed.MeanALead,
            windowed.MeanBLead,
            windowed.MeanLagZero,
            windowed.MedianBestLagSeconds,
            windowed.MeanBestLagSeconds,
            windowed.SdBestLagSeconds,
            windowed.MeanBestValue,
            windowed.Problems);
        var profile = new DyadLagPoint[windowed.WindowCount == 0 ? 0 : windowed.LagCount];
        for (var i = 0; i < profile.Length; i++)
        {
            profile[i] = new DyadLagPoint(windowed.LagsSeconds[i], windowed.LagProfile[i]);
        }

        var verdict = Verdict(windowed, surrogate, options);
        return new DyadReport(null, options.NameA, options.NameB, alignment, hrvA, hrvB, summary, profile, surrogate, verdict, problems.ToList());
    }

    private static DyadVerdict Verdict(WindowedCrossCorrelationResult windowed, SurrogateSynchronyResult surrogate, DyadAnalysisOptions options)
    {
        var leader = DyadLeader.None;
        double? lead = null;
        if (windowed.MedianBestLagSeconds is { } median && Math.Abs(median) >= options.LeaderThresholdSeconds && Math.Abs(median) > 0)
        {
            leader = median > 0 ? DyadLeader.A : DyadLeader.B;
            lead = Math.Abs(median);
        }

        if (surrogate.PercentSegmentsAboveChance is not { } percent)
        {
            return new DyadVerdict(null, 0, surrogate.SegmentCount, leader, lead, "Synchrony could not be assessed: the recordings do not overlap long enough for two segments.");
        }

        var above = (int)Math.Round(percent * surrogate.SegmentCount / 100.0);
        var segSeconds = surrogate.SegmentSamples / surrogate.SampleRateHz;
        var first = percent > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Heart rhythms moved together above chance in {percent:0} % of the session ({above} of {surrogate.SegmentCount} segments of {segSeconds:0.##} s)")
            : string.Create(CultureInfo.InvariantCulture, $"Heart rhythms did not move together above chance in any of the {surrogate.SegmentCount} segments of {segSeconds:0.##} s");
        var second = leader switch
        {
            DyadLeader.A => string.Create(CultureInfo.InvariantCulture, $"{options.NameB} followed {options.NameA} by about {lead:0.#} s"),
            DyadLeader.B => string.Create(CultureInfo.InvariantCulture, $"{options.NameA} followed {options.NameB} by about {lead:0.#} s"),
            _ => "neither clearly led",
        };
        return new DyadVerdict(percent, above, surrogate.SegmentCount, leader, lead, first + "; " + second + ".");
    }
}
