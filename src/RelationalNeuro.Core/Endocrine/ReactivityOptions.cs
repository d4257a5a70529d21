namespace RelationalNeuro.Endocrine;

/// <summary>Options of <see cref="StressReactivity.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, ReactivityOptions?)"/>. Change with <c>with</c>.</summary>
/// <remarks>
/// Responder thresholds from Miller, Plessow, Kirschbaum &amp; Stalder (2013), Psychosomatic Medicine 75(9):832–840:
/// 1.5 nmol/L or 15.5 % baseline-to-peak increase (recommended), 2.5 nmol/L (the older, "overly conservative" rule).
/// </remarks>
public sealed record ReactivityOptions
{
    /// <summary>The defaults.</summary>
    public static ReactivityOptions Default { get; } = new();

    /// <summary>First time (minutes, inclusive) that counts as post-stressor; default 0 (BioPsyKit: t &lt; 0 pre-stressor, t = 0 right after the stressor).</summary>
    public double PostStressorFromMinutes { get; init; }

    /// <summary>The baseline (default <see cref="ReactivityBaseline.LastPreStressor"/>).</summary>
    public ReactivityBaseline Baseline { get; init; } = ReactivityBaseline.LastPreStressor;

    /// <summary>Absolute responder threshold in nmol/L (default 1.5, Miller et al. 2013).</summary>
    public double AbsoluteThresholdNmolPerL { get; init; } = 1.5;

    /// <summary>Relative responder threshold in percent of baseline (default 15.5, Miller et al. 2013).</summary>
    public double PercentThreshold { get; init; } = 15.5;

    /// <summary>The conventional, conservative absolute threshold in nmol/L (default 2.5), reported as its own flag.</summary>
    public double ConservativeThresholdNmolPerL { get; init; } = 2.5;

    /// <summary>Whether an increase exactly at a threshold counts as a response (≥, default true) or must exceed it (&gt;).</summary>
    public bool InclusiveThresholds { get; init; } = true;

    /// <summary>What to do with missing or invalid values (default <see cref="MissingValuePolicy.Reject"/>).</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Reject;
}
