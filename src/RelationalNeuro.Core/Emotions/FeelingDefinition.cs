namespace RelationalNeuro.Emotions;

/// <summary>
/// One feeling as written in a taxonomy file (the documented JSON format, see <c>docs/emotions.md</c>): the
/// unvalidated input from which <see cref="FeelingTaxonomy.Create"/> builds a <see cref="FeelingNode"/>.
/// Every member is optional here so that a missing one is reported as a <see cref="Problem"/> with its JSON
/// path instead of failing the whole load.
/// </summary>
public sealed record FeelingDefinition
{
    /// <summary>
    /// The path segment: lower-case ASCII letters and digits separated by single hyphens (<c>let-down</c>).
    /// Unique among siblings; the node's stable id is the <c>/</c>-joined segments from its core.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Display label per culture name (<c>"en"</c>, <c>"de"</c>, <c>"en-GB"</c>).</summary>
    public IReadOnlyDictionary<string, string>? Label { get; init; }

    /// <summary>Optional pleasantness in [-1, 1] (-1 most unpleasant), as on the circumplex x axis.</summary>
    public double? Valence { get; init; }

    /// <summary>Optional activation in [-1, 1] (-1 lowest energy), as on the circumplex y axis.</summary>
    public double? Arousal { get; init; }

    /// <summary>Optional colour token (same syntax as <see cref="Id"/>); widgets map it to a CSS custom property.</summary>
    public string? Color { get; init; }

    /// <summary>The more specific feelings under this one (any depth).</summary>
    public IReadOnlyList<FeelingDefinition>? Children { get; init; }
}
