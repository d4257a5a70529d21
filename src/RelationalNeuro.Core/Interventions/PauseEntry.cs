using RelationalNeuro.Emotions;
using RelationalNeuro.Internal;

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

    /// <summary>A trigger and a choice; a named feeling needs its taxonomy; a breathing pattern must be registered.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        PracticeValidation.RequireText(problems, Trigger, "trigger");
        PracticeValidation.RequireText(problems, Choice, "choice");
        if (Feeling is not null)
        {
            var taxonomy = options.FindTaxonomy(TaxonomyId);
            if (taxonomy is null)
            {
                problems.Error("entry.unknown-taxonomy", $"Taxonomy '{TaxonomyId}' is not registered with the store.", ".taxonomyId");
                Feeling.Validate(problems.At(".feeling"));
            }
            else
            {
                taxonomy.Validate(Feeling, problems.At(".feeling"));
            }
        }

        if (BreathingPatternId is not null && options.FindBreathingPattern(BreathingPatternId) is null)
        {
            problems.Error("entry.unknown-pattern", $"Breathing pattern '{BreathingPatternId}' is not registered.", ".breathingPatternId");
        }
    }
}
