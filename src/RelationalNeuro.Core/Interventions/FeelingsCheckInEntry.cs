using RelationalNeuro.Emotions;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>A feelings check-in: one or more labels from a taxonomy.</summary>
public sealed record FeelingsCheckInEntry : PracticeEntry
{
    /// <summary>Id of the taxonomy the label paths belong to (e.g. <c>relationalneuro</c>).</summary>
    public required string TaxonomyId { get; init; }

    /// <summary>The feelings named, at least one.</summary>
    public required IReadOnlyList<EmotionLabel> Labels { get; init; }

    /// <summary>A known taxonomy and at least one label, each with a path in it and an intensity 0–10.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        var taxonomy = options.FindTaxonomy(TaxonomyId);
        if (taxonomy is null)
        {
            problems.Error("entry.unknown-taxonomy", $"Taxonomy '{TaxonomyId}' is not registered with the store.", ".taxonomyId");
        }

        if (Labels is null || Labels.Count == 0)
        {
            problems.Error("entry.no-labels", "A check-in needs at least one label.", ".labels");
            return;
        }

        for (var i = 0; i < Labels.Count; i++)
        {
            var at = problems.At(PracticeValidation.Index(".labels", i));
            if (Labels[i] is not { } label)
            {
                at.Error("entry.null-label", "A label is null.");
            }
            else if (taxonomy is null)
            {
                label.Validate(at);
            }
            else
            {
                taxonomy.Validate(label, at);
            }
        }
    }
}
