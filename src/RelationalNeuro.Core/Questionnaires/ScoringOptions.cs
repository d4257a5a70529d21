namespace RelationalNeuro.Questionnaires;

/// <summary>Options for an <see cref="InstrumentScorer"/>; immutable, change with <c>with</c>.</summary>
public sealed record ScoringOptions
{
    /// <summary>The defaults: each subscale's own missing-data rule.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>
    /// A missing-data rule applied to every subscale instead of the definition's own rules (null, the default, keeps
    /// the definition's). Custom rules that need every item (the RQ models) still need every item.
    /// </summary>
    public MissingDataRule? MissingDataOverride { get; init; }
}
