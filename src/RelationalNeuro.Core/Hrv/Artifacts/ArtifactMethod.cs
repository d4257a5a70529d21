namespace RelationalNeuro.Hrv;

/// <summary>Which artifact detector <see cref="Artifacts.Process(ReadOnlySpan{double}, ArtifactOptions?)"/> runs. Definitions and citations: docs/hrv-artifacts.md.</summary>
public enum ArtifactMethod
{
    /// <summary>
    /// The library default: <see cref="LipponenTarvainen"/> (detect and correct), then the absolute range
    /// (<see cref="ArtifactOptions.MinimumMs"/>–<see cref="ArtifactOptions.MaximumMs"/>) on the corrected series:
    /// intervals still outside it are flagged <see cref="ArtifactKind.OutOfRange"/> and interpolated. L&amp;T's
    /// adaptive thresholds miss runs of implausible intervals (they raise the local spread they are measured
    /// against); the fixed range catches what is impossible whatever the neighbours. Where a recording has frequent
    /// ectopy — at least 50 isolated premature beats with a full compensatory pause found by the
    /// <see cref="SinusRhythm"/> detector, three in four at most 0.9 of a sinus cycle after the beat before them — L&amp;T's
    /// thresholds are inflated by the ectopy itself, and the default is the <see cref="SinusRhythm"/> detector instead,
    /// with an <c>artifacts.frequent-ectopy</c> warning (since the twenty-first session; docs/hrv-artifacts.md).
    /// </summary>
    Default = 0,

    /// <summary>Lipponen &amp; Tarvainen (2019): ectopic, missed, extra and long/short beats from dRR and mRR with time-varying thresholds.</summary>
    LipponenTarvainen = 1,

    /// <summary>Absolute range: flags RR &lt; <see cref="ArtifactOptions.MinimumMs"/> or &gt; <see cref="ArtifactOptions.MaximumMs"/> (bounds kept; default 300–2000 ms).</summary>
    AbsoluteRange = 2,

    /// <summary>Malik et al. (1989): flags RR<sub>i</sub> when |RR<sub>i</sub> − RR<sub>i−1</sub>| &gt; 20 % of RR<sub>i−1</sub>; the interval after a flagged one is not tested.</summary>
    Malik = 3,

    /// <summary>Kamath &amp; Fallen (1995): flags RR<sub>i</sub> unless it is at most 32.5 % longer or 24.5 % shorter than RR<sub>i−1</sub>; the interval after a flagged one is not tested.</summary>
    Kamath = 4,

    /// <summary>Karlsson et al. (2012): flags RR<sub>i</sub> when it differs from the mean of RR<sub>i−1</sub> and RR<sub>i+1</sub> by at least 20 % of that mean (first and last never flagged).</summary>
    Karlsson = 5,

    /// <summary>Acar et al. (2000): flags RR<sub>i</sub> (i ≥ 9) when it differs from the mean of the unflagged intervals among the previous 9 by at least 20 % of that mean.</summary>
    Acar = 6,

    /// <summary>
    /// Sinus-rhythm timing (this library): each beat is placed against the grid of a robust local estimate of the
    /// sinus cycle; a beat that comes early is premature and both of its intervals are flagged
    /// (<see cref="ArtifactKind.Premature"/>) — unless it comes much later than the recording's own premature beats
    /// (their coupling interval, learnt from at least 50 of them), intervals far above the cycle are pauses (<see cref="ArtifactKind.Pause"/>),
    /// and the absolute range applies. Built for whole Holter days with bigeminy and runs, where L&amp;T's adaptive
    /// thresholds are inflated by the ectopy itself. Correction replaces each run of flagged intervals by whole
    /// sinus cycles of equal length (duration kept). Definition and accuracy: docs/hrv-artifacts.md.
    /// </summary>
    SinusRhythm = 7,
}
