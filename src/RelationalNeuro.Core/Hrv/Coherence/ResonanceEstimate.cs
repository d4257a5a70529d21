namespace RelationalNeuro.Hrv;

/// <summary>The estimated resonance breathing frequency and the measures it was chosen from (<see cref="ResonanceFrequency"/>).</summary>
/// <param name="BreathsPerMinute">Breathing rate of the winning segment, breaths/min; null if no segment could be measured.</param>
/// <param name="BestSegmentIndex">Index of the winning segment in the input list; null with <paramref name="BreathsPerMinute"/>.</param>
/// <param name="Criterion">The measure that was maximised.</param>
/// <param name="Segments">One result per input segment, in input order.</param>
/// <param name="Problems">Segments that could not be measured, and why.</param>
public sealed record ResonanceEstimate(
    double? BreathsPerMinute,
    int? BestSegmentIndex,
    ResonanceCriterion Criterion,
    IReadOnlyList<PacedBreathingResult> Segments,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Segments that could not be measured, and why. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
