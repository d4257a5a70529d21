using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>A narrative reflection: the prompt answered, the text, and the rupture and repair named.</summary>
public sealed record NarrativeReflectionEntry : PracticeEntry
{
    /// <summary>The prompt the client answered.</summary>
    public required string Prompt { get; init; }

    /// <summary>What they wrote.</summary>
    public required string Text { get; init; }

    /// <summary>The moment connection broke, or null.</summary>
    public string? Rupture { get; init; }

    /// <summary>What was (or could be) done to reconnect, or null.</summary>
    public string? Repair { get; init; }

    /// <summary>A prompt and a text.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        PracticeValidation.RequireText(problems, Prompt, "prompt");
        PracticeValidation.RequireText(problems, Text, "text");
    }
}
