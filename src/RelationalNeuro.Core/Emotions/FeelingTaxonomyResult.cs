using System.Diagnostics.CodeAnalysis;

namespace RelationalNeuro.Emotions;

/// <summary>
/// The outcome of building or loading a <see cref="FeelingTaxonomy"/>: the taxonomy when the input is valid,
/// and every problem found, each located by its JSON path (e.g. <c>$.feelings[2].children[0].id</c>).
/// </summary>
/// <param name="Taxonomy">The taxonomy, or null when any problem has <see cref="ProblemSeverity.Error"/> severity.</param>
/// <param name="Problems">All problems found, in document order; empty for a clean input.</param>
public sealed record FeelingTaxonomyResult(FeelingTaxonomy? Taxonomy, IReadOnlyList<Problem> Problems)
{
    /// <summary>True when a taxonomy was built (there may still be warnings).</summary>
    [MemberNotNullWhen(true, nameof(Taxonomy))]
    public bool Succeeded => Taxonomy is not null;
}
