namespace RelationalNeuro.Hrv;

/// <summary>
/// Options of <see cref="HrvAnalysis"/>: each stage's own options and switches to skip the costly stages.
/// Immutable; change with <c>with</c>, e.g. <c>HrvAnalysisOptions.Default with { IncludeEntropy = false }</c>.
/// </summary>
public sealed record HrvAnalysisOptions
{
    /// <summary>The defaults: every stage on, each with its own default options.</summary>
    public static HrvAnalysisOptions Default { get; } = new();

    /// <summary>Artifact detection and correction (default <see cref="ArtifactOptions.Default"/>: Lipponen &amp; Tarvainen, then the absolute range).</summary>
    public ArtifactOptions Artifacts { get; init; } = ArtifactOptions.Default;

    /// <summary>Time-domain definitions (default <see cref="TimeDomainOptions.Default"/>).</summary>
    public TimeDomainOptions TimeDomain { get; init; } = TimeDomainOptions.Default;

    /// <summary>Poincaré definitions (default <see cref="PoincareOptions.Default"/>).</summary>
    public PoincareOptions Poincare { get; init; } = PoincareOptions.Default;

    /// <summary>Spectral method, bands and resampling (default <see cref="FrequencyDomainOptions.Default"/>: Welch).</summary>
    public FrequencyDomainOptions FrequencyDomain { get; init; } = FrequencyDomainOptions.Default;

    /// <summary>Sample- and approximate-entropy parameters (default <see cref="EntropyOptions.Default"/>: m = 2, r = 0.2 × SDNN).</summary>
    public EntropyOptions Entropy { get; init; } = EntropyOptions.Default;

    /// <summary>DFA scale ranges (default <see cref="DfaOptions.Default"/>: α1 4–16, α2 16–64 beats).</summary>
    public DfaOptions Dfa { get; init; } = DfaOptions.Default;

    /// <summary>Stress-index bin width and PNS/SNS normal values (default <see cref="AutonomicOptions.Default"/>).</summary>
    public AutonomicOptions Autonomic { get; init; } = AutonomicOptions.Default;

    /// <summary>Whether to compute the frequency domain (default true).</summary>
    public bool IncludeFrequencyDomain { get; init; } = true;

    /// <summary>
    /// Whether to compute sample and approximate entropy (default true). They are the costly stages: O(N²) in the
    /// worst case, about 0.5 s each on 100,000 beats (docs/performance.md). Skipped stages are null in the report.
    /// </summary>
    public bool IncludeEntropy { get; init; } = true;

    /// <summary>Whether to compute DFA α1 and α2 (default true).</summary>
    public bool IncludeDfa { get; init; } = true;

    /// <summary>Whether to compute Baevsky's stress index and the PNS and SNS indexes (default true).</summary>
    public bool IncludeAutonomic { get; init; } = true;
}
