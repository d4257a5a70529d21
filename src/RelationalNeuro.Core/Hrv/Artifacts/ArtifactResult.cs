namespace RelationalNeuro.Hrv;

/// <summary>
/// The outcome of artifact detection and correction: the NN series, each flagged input index with its reason
/// and what was done, counts, and the problems met.
/// </summary>
/// <remarks>
/// A <see langword="sealed"/> record because it holds collections (the NN series and the flags); equality compares them
/// by reference. Every member is stored data, computed once when the result is built.
/// </remarks>
public sealed record ArtifactResult
{
    /// <summary>Number of <see cref="ArtifactKind"/> values (they run from 0 without gaps).</summary>
    internal const int KindCount = (int)ArtifactKind.Pause + 1;

    private readonly double[] _nnMs;
    private readonly int[] _counts;

    internal ArtifactResult(double[] nnMs, ArtifactFlag[] flags, ProblemList problems, ArtifactOptions options, int inputCount, double inputSumMs, IrregularRhythmSegment[] irregularSegments)
    {
        IrregularSegments = irregularSegments;
        Options = options;
        InputSumMs = inputSumMs;
        _nnMs = nnMs;
        Flags = flags;
        Problems = problems;
        Method = options.Method;
        InputCount = inputCount;
        _counts = new int[KindCount];
        var indices = new int[flags.Length];
        for (var i = 0; i < flags.Length; i++)
        {
            _counts[(int)flags[i].Kind]++;
            indices[i] = flags[i].Index;
        }

        FlaggedIndices = indices;
    }

    /// <summary>The corrected NN intervals in ms (all finite and &gt; 0).</summary>
    public ReadOnlySpan<double> NnIntervalsMs => _nnMs;

    /// <summary>The options the result was computed with.</summary>
    internal ArtifactOptions Options { get; }

    /// <summary>The input intervals' sum in input order (with <see cref="InputCount"/>, how a result is matched to its series).</summary>
    internal double InputSumMs { get; }

    /// <summary>The NN series' own array (never written after construction), for stages that run on other threads.</summary>
    internal double[] NnArray => _nnMs;

    /// <summary>The flagged input indices, in increasing order, one flag per index.</summary>
    public IReadOnlyList<ArtifactFlag> Flags { get; }

    /// <summary>The flagged input indices (0-based, into the input intervals), increasing; the <see cref="ArtifactFlag.Index"/> of each of <see cref="Flags"/>.</summary>
    public IReadOnlyList<int> FlaggedIndices { get; }

    /// <summary>Number of flagged input intervals.</summary>
    public int FlaggedCount => Flags.Count;

    /// <summary>Number of input intervals.</summary>
    public int InputCount { get; }

    /// <summary>The detector that ran.</summary>
    public ArtifactMethod Method { get; }

    /// <summary>Problems: too few intervals to detect anything, flags that could not be corrected, a high artifact rate. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>
    /// Segments of 128 intervals with a sustained irregular rhythm (e.g. atrial fibrillation), in input order; HRV metrics
    /// are not interpretable there and an <c>artifacts.irregular-rhythm</c> warning says so. Found for every method (the
    /// ectopy check runs the sinus-rhythm detector on the side); <see cref="ArtifactMethod.SinusRhythm"/> also flags no
    /// premature beat or pause inside them. Definition: docs/hrv-artifacts.md.
    /// </summary>
    public IReadOnlyList<IrregularRhythmSegment> IrregularSegments { get; }

    /// <summary>How many input intervals were flagged for this reason.</summary>
    /// <param name="kind">The reason.</param>
    /// <returns>The count.</returns>
    public int CountOf(ArtifactKind kind) => (uint)kind < (uint)_counts.Length ? _counts[(int)kind] : 0;
}
