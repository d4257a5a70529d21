namespace RelationalNeuro.Hrv;

/// <summary>
/// The outcome of artifact detection and correction: the NN series, each flagged input index with its reason
/// and what was done, counts, and the problems met.
/// </summary>
public sealed class ArtifactResult
{
    private readonly double[] _nnMs;
    private readonly ArtifactFlag[] _flags;
    private readonly int[] _counts;

    internal ArtifactResult(double[] nnMs, ArtifactFlag[] flags, Problem[] problems, ArtifactMethod method, int inputCount)
    {
        _nnMs = nnMs;
        _flags = flags;
        Problems = problems;
        Method = method;
        InputCount = inputCount;
        _counts = new int[(int)ArtifactKind.Acar + 1];
        foreach (var flag in flags)
        {
            _counts[(int)flag.Kind]++;
        }
    }

    /// <summary>The corrected NN intervals in ms (all finite and &gt; 0).</summary>
    public ReadOnlySpan<double> NnIntervalsMs => _nnMs;

    /// <summary>The flagged input indices, in increasing order, one flag per index.</summary>
    public IReadOnlyList<ArtifactFlag> Flags => _flags;

    /// <summary>Number of flagged input intervals.</summary>
    public int FlaggedCount => _flags.Length;

    /// <summary>Number of input intervals.</summary>
    public int InputCount { get; }

    /// <summary>The detector that ran.</summary>
    public ArtifactMethod Method { get; }

    /// <summary>Problems: too few intervals to detect anything, flags that could not be corrected, a high artifact rate.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>How many input intervals were flagged for this reason.</summary>
    /// <param name="kind">The reason.</param>
    /// <returns>The count.</returns>
    public int CountOf(ArtifactKind kind) => (uint)kind < (uint)_counts.Length ? _counts[(int)kind] : 0;

    /// <summary>The flagged input indices (a new array, increasing).</summary>
    /// <returns>The indices.</returns>
    public int[] FlaggedIndices()
    {
        var indices = new int[_flags.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = _flags[i].Index;
        }

        return indices;
    }
}
