using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// Two people's signals on one even time grid: sample j of <see cref="SeriesA"/> and of <see cref="SeriesB"/> both belong
/// to time <see cref="StartTimeSeconds"/> + j / <see cref="SampleRateHz"/>. Built by <see cref="DyadAlignment.Align(Hrv.RrSeries, Hrv.RrSeries, DyadAlignmentOptions?)"/>
/// from RR intervals, or by <see cref="FromGrid"/> from signals already on a common grid.
/// </summary>
/// <remarks>A <see langword="sealed"/> record (it holds the two series); equality compares the arrays by reference.</remarks>
public sealed record DyadSeries
{
    private readonly double[] _a;
    private readonly double[] _b;

    internal DyadSeries(double[] a, double[] b, double startTimeSeconds, double sampleRateHz, DyadSignal signal, int flaggedA, int flaggedB, ProblemList problems)
    {
        _a = a;
        _b = b;
        StartTimeSeconds = startTimeSeconds;
        SampleRateHz = sampleRateHz;
        Signal = signal;
        ArtifactsFlaggedA = flaggedA;
        ArtifactsFlaggedB = flaggedB;
        Problems = problems;
    }

    /// <summary>Member A's samples (ms for <see cref="DyadSignal.InterBeatIntervalMs"/>, bpm for <see cref="DyadSignal.HeartRateBpm"/>); all finite.</summary>
    public ReadOnlySpan<double> SeriesA => _a;

    /// <summary>Member B's samples, same grid and unit as <see cref="SeriesA"/>.</summary>
    public ReadOnlySpan<double> SeriesB => _b;

    /// <summary>Number of grid samples (the same for both members); 0 when alignment failed (see <see cref="Problems"/>).</summary>
    public int Count => _a.Length;

    /// <summary>Time of the first grid sample in s, on the members' common clock (the later of the two first IBI samples).</summary>
    public double StartTimeSeconds { get; }

    /// <summary>Grid rate in Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>Grid length in s: <see cref="Count"/> / <see cref="SampleRateHz"/>.</summary>
    public double DurationSeconds => Count / SampleRateHz;

    /// <summary>The signal on the grid.</summary>
    public DyadSignal Signal { get; }

    /// <summary>How many of A's RR intervals the artifact step flagged (0 when it did not run).</summary>
    public int ArtifactsFlaggedA { get; }

    /// <summary>How many of B's RR intervals the artifact step flagged (0 when it did not run).</summary>
    public int ArtifactsFlaggedB { get; }

    /// <summary>Problems met while aligning: each member's input and artifact problems (locations prefixed <c>$.a</c> / <c>$.b</c>), <c>sync.too-little-overlap</c>, <c>sync.gap</c>. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Wraps two signals that already share a grid (e.g. the reference CSVs, or electrodermal activity sampled together).</summary>
    /// <param name="seriesA">Member A's samples; must be finite.</param>
    /// <param name="seriesB">Member B's samples; same length as <paramref name="seriesA"/>, finite.</param>
    /// <param name="sampleRateHz">Grid rate in Hz, finite and &gt; 0.</param>
    /// <param name="startTimeSeconds">Time of the first sample in s (default 0).</param>
    /// <param name="signal">What the samples are (default inter-beat interval in ms).</param>
    /// <returns>The dyad (copies of the spans, no problems).</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a value is not finite (a grid with holes is the aligner's job).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not finite and positive.</exception>
    public static DyadSeries FromGrid(ReadOnlySpan<double> seriesA, ReadOnlySpan<double> seriesB, double sampleRateHz, double startTimeSeconds = 0, DyadSignal signal = DyadSignal.InterBeatIntervalMs)
    {
        Guard.SameLength(seriesA, seriesB);
        Guard.Positive(sampleRateHz);
        Guard.Finite(startTimeSeconds);
        SynchronyGuard.AllFinite(seriesA);
        SynchronyGuard.AllFinite(seriesB);
        return new DyadSeries(seriesA.ToArray(), seriesB.ToArray(), startTimeSeconds, sampleRateHz, signal, 0, 0, ProblemList.Empty);
    }

    /// <summary>The first <paramref name="count"/> samples of each member (rMEA's shuffle cuts pseudo-dyads so).</summary>
    internal DyadSeries Take(int count) => count >= Count ? this : new DyadSeries(_a[..count], _b[..count], StartTimeSeconds, SampleRateHz, Signal, ArtifactsFlaggedA, ArtifactsFlaggedB, ProblemList.Empty);

    internal double[] RawA => _a;

    internal double[] RawB => _b;
}
