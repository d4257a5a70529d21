namespace RelationalNeuro.Interventions;

/// <summary>What the breather does during a <see cref="BreathPhase"/>.</summary>
public enum BreathPhaseKind
{
    /// <summary>Breathe in.</summary>
    Inhale = 0,

    /// <summary>A second, short top-up breath in on full lungs (the double inhale of the cyclic sigh).</summary>
    InhaleTopUp = 1,

    /// <summary>Hold with full lungs.</summary>
    Hold = 2,

    /// <summary>Breathe out.</summary>
    Exhale = 3,

    /// <summary>Hold with empty lungs.</summary>
    HoldEmpty = 4,
}
