namespace RelationalNeuro.Synchrony;

/// <summary>
/// The live synchrony of <see cref="RollingSynchrony"/> after a beat: Pearson r over the trailing window at every lag from
/// −L to +L (positive = B follows A), summarised. Values are null until the window is full or where a block is constant.
/// </summary>
/// <param name="BeatsA">Beats received from A.</param>
/// <param name="BeatsB">Beats received from B.</param>
/// <param name="PairedSamples">Grid samples where both members have a value.</param>
/// <param name="IsReady">True once the window plus lag headroom is filled.</param>
/// <param name="LagZeroR">r at lag 0.</param>
/// <param name="PeakR">The largest r over lags (rMEA's global maximum of the plain-r row).</param>
/// <param name="PeakLagSeconds">The lag of <paramref name="PeakR"/> in s; positive = B follows A.</param>
/// <param name="MeanAbsR">Mean |r| over the lags that could be computed.</param>
/// <param name="Problems">Empty on the hot path; <c>sync.samples-dropped</c> when one member ran too far ahead. A <see cref="ProblemList"/>, never null.</param>
public readonly record struct RollingSynchronySnapshot(
    long BeatsA,
    long BeatsB,
    long PairedSamples,
    bool IsReady,
    double? LagZeroR,
    double? PeakR,
    double? PeakLagSeconds,
    double? MeanAbsR,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Empty on the hot path; see the type's <c>Problems</c> parameter. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
