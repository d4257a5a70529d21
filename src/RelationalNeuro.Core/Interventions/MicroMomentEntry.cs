using RelationalNeuro.Internal;

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

    /// <summary>A description, and a connection rating 1–7 when given.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        PracticeValidation.RequireText(problems, Description, "description");
        if (ConnectionRating is { } r && r is < 1 or > 7)
        {
            problems.Error("entry.rating-out-of-range", PracticeValidation.Inv($"Connection rating must be in [1, 7]; was {r}."), ".connectionRating");
        }
    }
}
