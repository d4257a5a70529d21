using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>How an RQ category was chosen.</summary>
public enum RqCategorySource
{
    /// <summary>No category (tie between highest ratings, or ratings unavailable).</summary>
    None = 0,

    /// <summary>The respondent's forced choice of the best-fitting paragraph.</summary>
    ForcedChoice = 1,

    /// <summary>The single highest of the four ratings.</summary>
    HighestRating = 2,
}

/// <summary>The Relationship Questionnaire scored: dimensional model scores and the category.</summary>
/// <param name="ModelOfSelf">(Secure + Dismissing) − (Fearful + Preoccupied), −12..+12, or null when a rating is missing or invalid.</param>
/// <param name="ModelOfOther">(Secure + Preoccupied) − (Fearful + Dismissing), −12..+12, or null.</param>
/// <param name="Category">The category, or null when the highest ratings tie (and no forced choice was given).</param>
/// <param name="Source">How the category was chosen.</param>
/// <param name="TiedStyles">The styles sharing the highest rating when they tie; empty otherwise.</param>
/// <param name="Problems">Problems met (invalid ratings, ties).</param>
public sealed record RelationshipQuestionnaireResult(
    double? ModelOfSelf,
    double? ModelOfOther,
    AttachmentStyle? Category,
    RqCategorySource Source,
    ImmutableArray<AttachmentStyle> TiedStyles,
    IReadOnlyList<Problem> Problems);
