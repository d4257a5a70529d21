namespace RelationalNeuro.Hrv;

/// <summary>
/// Options for <see cref="Artifacts"/>. Immutable; change with <c>with</c>. Defaults are the published values of
/// each method (Lipponen &amp; Tarvainen 2019; Malik et al. 1989; Karlsson et al. 2012; Acar et al. 2000) and
/// those of hrv-analysis 1.0.5 for the absolute range.
/// </summary>
public sealed record ArtifactOptions
{
    /// <summary>The default options: <see cref="ArtifactMethod.Default"/>, <see cref="ArtifactCorrection.Correct"/>, one pass.</summary>
    public static ArtifactOptions Default { get; } = new();

    /// <summary>The detector (default <see cref="ArtifactMethod.Default"/>).</summary>
    public ArtifactMethod Method { get; init; } = ArtifactMethod.Default;

    /// <summary>What to do with flagged intervals (default <see cref="ArtifactCorrection.Correct"/>).</summary>
    public ArtifactCorrection Correction { get; init; } = ArtifactCorrection.Correct;

    /// <summary>
    /// L&amp;T only: after correcting, detect again on the corrected series and correct, while the number of
    /// artifacts keeps decreasing (as NeuroKit2's <c>iterative=True</c>). Default false (one pass, flags on input indices).
    /// </summary>
    public bool Iterative { get; init; }

    /// <summary>
    /// Whether to screen for sustained irregular rhythm (Dash et al. 2009's three tests on segments of 128 intervals, plus
    /// this library's ectopy check; docs/hrv-artifacts.md, "Irregular rhythm") and report it in
    /// <see cref="ArtifactResult.IrregularSegments"/> and an <c>artifacts.irregular-rhythm</c> warning. Default true.
    /// False runs the detector alone — e.g. to reproduce NeuroKit2's <c>signal_fixpeaks(method="Kubios")</c>, which does
    /// no such screening, or when the rhythm was screened elsewhere — and then <see cref="ArtifactResult.IrregularSegments"/>
    /// is empty: an atrial-fibrillation episode goes unreported. Flags and NN intervals are the same either way for every
    /// method but <see cref="ArtifactMethod.SinusRhythm"/>, whose definition includes the screening (no premature-beat or
    /// pause flags inside irregular segments), so that method screens whatever this says.
    /// </summary>
    public bool ScreenIrregularRhythm { get; init; } = true;

    /// <summary>Absolute range lower bound in ms; intervals below it are flagged (default 300 ms = 200 bpm).</summary>
    public double MinimumMs { get; init; } = 300;

    /// <summary>Absolute range upper bound in ms; intervals above it are flagged (default 2000 ms = 30 bpm).</summary>
    public double MaximumMs { get; init; } = 2000;

    /// <summary>Malik: the fraction of the previous interval a successive difference may reach (default 0.2, flagged when strictly greater).</summary>
    public double MalikFraction { get; init; } = 0.2;

    /// <summary>Karlsson: fraction of the neighbours' mean (default 0.2, flagged when the difference is at least this).</summary>
    public double KarlssonFraction { get; init; } = 0.2;

    /// <summary>Acar: fraction of the previous intervals' mean (default 0.2, flagged when the difference is at least this).</summary>
    public double AcarFraction { get; init; } = 0.2;

    /// <summary>Acar: how many previous intervals form the reference mean (default 9).</summary>
    public int AcarWindow { get; init; } = 9;

    /// <summary>L&amp;T: threshold multiplier α applied to the quartile deviation (default 5.2).</summary>
    public double Alpha { get; init; } = 5.2;

    /// <summary>L&amp;T: slope c1 of the ectopic decision boundary in subspace S1 (default 0.13).</summary>
    public double C1 { get; init; } = 0.13;

    /// <summary>L&amp;T: offset c2 of the ectopic decision boundary in subspace S1 (default 0.17).</summary>
    public double C2 { get; init; } = 0.17;

    /// <summary>L&amp;T: beats in the centred window of the quartile-deviation thresholds (odd; default 91).</summary>
    public int ThresholdWindow { get; init; } = 91;

    /// <summary>L&amp;T: beats in the centred median filter of mRR (odd; default 11).</summary>
    public int MedianWindow { get; init; } = 11;
}
