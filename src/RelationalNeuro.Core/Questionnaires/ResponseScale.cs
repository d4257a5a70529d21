using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>An integer response scale from <see cref="Min"/> to <see cref="Max"/> with optional labelled options.</summary>
/// <remarks>Only whole numbers from <see cref="Min"/> to <see cref="Max"/> inclusive are valid answers.</remarks>
public sealed record ResponseScale
{
    /// <summary>Lowest valid answer.</summary>
    public required int Min { get; init; }

    /// <summary>Highest valid answer.</summary>
    public required int Max { get; init; }

    /// <summary>Labelled answer options (may be empty when only anchors are published).</summary>
    public ImmutableArray<ResponseOption> Options { get; init; } = [];

    /// <summary>Number of valid answers, <c>Max − Min + 1</c>.</summary>
    public int Count => Max - Min + 1;

    /// <summary>The option with the given value, or null.</summary>
    /// <param name="value">An answer value.</param>
    /// <returns>The option, or null when it has no label.</returns>
    public ResponseOption? FindOption(int value)
    {
        foreach (var option in Options)
        {
            if (option.Value == value)
            {
                return option;
            }
        }

        return null;
    }
}

/// <summary>One labelled answer on a <see cref="ResponseScale"/>.</summary>
/// <param name="Value">The answer value as coded on the form.</param>
/// <param name="Label">The anchor label, e.g. "Strongly disagree".</param>
/// <param name="LoincAnswerCode">The LOINC answer code (<c>LA…</c>) where one exists.</param>
public sealed record ResponseOption(int Value, string Label, string? LoincAnswerCode = null);
