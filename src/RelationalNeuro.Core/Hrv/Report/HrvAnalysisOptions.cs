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

    /// <summary>
    /// How many threads one <see cref="HrvAnalysis"/> call may use for the stages that read the corrected NN series
    /// (default 1: every stage on the calling thread, in order). With 2 or more, the calling thread computes sample and
    /// approximate entropy while thread-pool threads compute the other stages (with 3 the frequency domain on its own
    /// thread, with 4 also DFA).
    /// </summary>
    /// <remarks>
    /// The report is the same, member for member and bit for bit, for every value: each stage is a pure function of the
    /// NN series and its options, and the problems are collected in stage order after all stages finished; options out
    /// of range throw the exception the in-order run throws. Artifact correction comes first on the calling thread; with 2
    /// or more its irregular-rhythm screening (which reads only the input intervals) runs on a thread-pool thread at the
    /// same time, except for <see cref="ArtifactMethod.SinusRhythm"/>, whose screening needs its flags. Useful when one recording is analysed while cores are idle (one file from a script; figures in
    /// docs/performance.md); a batch that already runs one recording per core gains nothing, and on cores busy with other
    /// work it can take longer. Values above 4 act as 4; in a browser or under WASI (WebAssembly, where there may be no
    /// second thread to wait for) every value acts as 1. Must be at least 1.
    /// </remarks>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
