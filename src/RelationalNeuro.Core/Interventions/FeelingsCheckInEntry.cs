using RelationalNeuro.Emotions;

namespace RelationalNeuro.Interventions;

/// <summary>A feelings check-in: one or more labels from a taxonomy.</summary>
public sealed record FeelingsCheckInEntry : PracticeEntry
{
    /// <summary>Id of the taxonomy the label paths belong to (e.g. <c>relationalneuro</c>).</summary>
    public required string TaxonomyId { get; init; }

    /// <summary>The feelings named, at least one.</summary>
    public required IReadOnlyList<EmotionLabel> Labels { get; init; }
}
