namespace RelationalNeuro.Interventions;

/// <summary>One phase of a breathing cycle.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="DurationSeconds">How long, in seconds (&gt; 0).</param>
public readonly record struct BreathPhase(BreathPhaseKind Kind, double DurationSeconds);
