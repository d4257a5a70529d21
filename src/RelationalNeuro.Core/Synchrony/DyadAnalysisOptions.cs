using RelationalNeuro.Hrv;

namespace RelationalNeuro.Synchrony;

/// <summary>Stage options of <see cref="DyadAnalysis.Analyze(RrSeries, RrSeries, DyadAnalysisOptions?, CancellationToken)"/>. Immutable; change with <c>with</c>.</summary>
public sealed record DyadAnalysisOptions
{
    /// <summary>The defaults of every stage.</summary>
    public static DyadAnalysisOptions Default { get; } = new();

    /// <summary>How the two recordings are put on one grid.</summary>
    public DyadAlignmentOptions Alignment { get; init; } = DyadAlignmentOptions.Default;

    /// <summary>Each member's HRV analysis (<see cref="HrvAnalysis"/>); null skips it.</summary>
    public HrvAnalysisOptions? Hrv { get; init; } = HrvAnalysisOptions.Default;

    /// <summary>The windowed lagged cross-correlation (default rMEA's: ±5 s, 30-s windows, 15-s step, |Fisher z|).</summary>
    public WindowedCrossCorrelationOptions Windowed { get; init; } = WindowedCrossCorrelationOptions.Rmea;

    /// <summary>Surrogate synchrony (default SUSY's: 30-s segments, ±3 s).</summary>
    public SurrogateSynchronyOptions Surrogate { get; init; } = SurrogateSynchronyOptions.Susy;

    /// <summary>What the verdict calls member A (default "A"; e.g. "the therapist").</summary>
    public string NameA { get; init; } = "A";

    /// <summary>What the verdict calls member B (default "B"; e.g. "the client").</summary>
    public string NameB { get; init; } = "B";

    /// <summary>A median best lag smaller than this in magnitude (s, default 0.5) names no leader in the verdict.</summary>
    public double LeaderThresholdSeconds { get; init; } = 0.5;
}
