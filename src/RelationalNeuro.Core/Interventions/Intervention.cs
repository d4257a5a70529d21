namespace RelationalNeuro.Interventions;

/// <summary>
/// A relational practice as data: what it is, the evidence behind it, the steps a person follows, the default
/// dose and the outcomes it should move. The built-in ones are in <see cref="InterventionCatalog"/>; your own are
/// plain instances (or JSON through <see cref="PracticeJson"/>).
/// </summary>
public sealed record Intervention
{
    /// <summary>Stable id (lower-case, hyphenated), stored in plans and entries.</summary>
    public required string Id { get; init; }

    /// <summary>Display name in English.</summary>
    public required string Name { get; init; }

    /// <summary>The idea in two or three sentences.</summary>
    public required string Concept { get; init; }

    /// <summary>Steps or prompts in order.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>The sources; empty only when <see cref="EvidenceNote"/> says why.</summary>
    public required IReadOnlyList<Citation> Evidence { get; init; }

    /// <summary>What is and is not established (e.g. "no trial of this exact protocol"), or null.</summary>
    public string? EvidenceNote { get; init; }

    /// <summary>The default dose.</summary>
    public required Dose DefaultDose { get; init; }

    /// <summary>Measures expected to move.</summary>
    public required IReadOnlyList<TargetedOutcome> Outcomes { get; init; }

    /// <summary>Ids of the <see cref="BreathingPattern"/>s this practice uses (empty when none).</summary>
    public IReadOnlyList<string> BreathingPatternIds { get; init => field = value ?? []; } = [];
}
