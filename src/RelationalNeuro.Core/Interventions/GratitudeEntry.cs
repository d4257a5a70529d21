using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>A gratitude exchange: the things the client is grateful for, and whom they thanked.</summary>
public sealed record GratitudeEntry : PracticeEntry
{
    /// <summary>The items (1 to 5 in the Emmons &amp; McCullough protocol; more are accepted).</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Whom the gratitude was expressed to, or null when only written down.</summary>
    public string? ExpressedTo { get; init; }

    /// <summary>At least one item, none blank.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        if (Items is null || Items.Count == 0 || Items.Any(string.IsNullOrWhiteSpace))
        {
            problems.Error("entry.invalid-items", "A gratitude entry needs at least one item, none blank.", ".items");
        }
    }
}
