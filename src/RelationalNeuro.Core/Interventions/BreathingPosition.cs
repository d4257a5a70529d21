namespace RelationalNeuro.Interventions;

/// <summary>Where a breathing session is at a moment (what a pacer shows); from <see cref="BreathingPattern.Locate"/>.</summary>
/// <param name="Cycle">0-based cycle index.</param>
/// <param name="PhaseIndex">0-based index into <see cref="BreathingPattern.Phases"/>.</param>
/// <param name="Phase">The current phase.</param>
/// <param name="SecondsIntoPhase">Seconds since the phase started.</param>
/// <param name="SecondsLeftInPhase">Seconds until the next phase.</param>
/// <param name="IsComplete">True once the session's cycles are all done (the other members then describe the last instant).</param>
public readonly record struct BreathingPosition(
    int Cycle,
    int PhaseIndex,
    BreathPhase Phase,
    double SecondsIntoPhase,
    double SecondsLeftInPhase,
    bool IsComplete);
