namespace RelationalNeuro.Interventions;

/// <summary>A paced-breathing session with its HRV before and after.</summary>
public sealed record BreathingSessionEntry : PracticeEntry
{
    /// <summary>Id of the <see cref="BreathingPattern"/> followed.</summary>
    public required string BreathingPatternId { get; init; }

    /// <summary>Cycles completed.</summary>
    public int CyclesCompleted { get; init; }

    /// <summary>HRV measured just before, or null.</summary>
    public HrvSnapshot? HrvBefore { get; init; }

    /// <summary>HRV measured just after, or null.</summary>
    public HrvSnapshot? HrvAfter { get; init; }
}
