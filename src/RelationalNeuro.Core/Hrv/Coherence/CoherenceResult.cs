namespace RelationalNeuro.Hrv;

/// <summary>The library's heart-rhythm coherence ratio over a recording (<see cref="HeartRhythmCoherence"/>).</summary>
/// <param name="Epochs">One entry per window, in time order.</param>
/// <param name="MeanRatio">Mean of the available epoch ratios; null when none is available.</param>
/// <param name="Problems">Why epochs or the mean are unavailable; empty otherwise.</param>
public sealed record CoherenceResult(IReadOnlyList<CoherenceEpoch> Epochs, double? MeanRatio, IReadOnlyList<Problem> Problems)
{
    /// <summary>Why epochs or the mean are unavailable; empty otherwise. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
