namespace RelationalNeuro.Interventions;

/// <summary>A micro-moment of shared positivity.</summary>
public sealed record MicroMomentEntry : PracticeEntry
{
    /// <summary>What happened.</summary>
    public required string Description { get; init; }

    /// <summary>Who it was shared with, or null.</summary>
    public string? SharedWith { get; init; }

    /// <summary>How connected the client felt, 1–7, or null.</summary>
    public int? ConnectionRating { get; init; }
}
