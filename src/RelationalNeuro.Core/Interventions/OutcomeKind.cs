namespace RelationalNeuro.Interventions;

/// <summary>What kind of measure a <see cref="TargetedOutcome"/> is.</summary>
public enum OutcomeKind
{
    /// <summary>A questionnaire total or subscale (e.g. DERS Clarity).</summary>
    Questionnaire = 0,

    /// <summary>A physiological metric (e.g. HRV RMSSD).</summary>
    Physiological = 1,

    /// <summary>A single self-report rating (e.g. felt-understood 1–7, intensity before/after).</summary>
    SelfReport = 2,

    /// <summary>A count of behaviour (e.g. pauses taken).</summary>
    Behavioural = 3,
}
