using RelationalNeuro.Emotions;

namespace RelationalNeuro.Interventions;

/// <summary>A pause taken (Pause, Breathe, Choose): the trigger, the feeling named and the response chosen.</summary>
public sealed record PauseEntry : PracticeEntry
{
    /// <summary>What set it off.</summary>
    public required string Trigger { get; init; }

    /// <summary>The taxonomy of <see cref="Feeling"/>, or null when no feeling was named.</summary>
    public string? TaxonomyId { get; init; }

    /// <summary>The feeling named, or null.</summary>
    public EmotionLabel? Feeling { get; init; }

    /// <summary>The response chosen.</summary>
    public required string Choice { get; init; }

    /// <summary>The breathing pattern used during the pause, or null.</summary>
    public string? BreathingPatternId { get; init; }
}
