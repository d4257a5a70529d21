using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>A subscale (or total) of an instrument: which items, how they are combined, and how to read the score.</summary>
public sealed record SubscaleDefinition
{
    /// <summary>Identifier unique within the instrument, e.g. <c>"anxiety"</c> or <c>"total"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// Other ids the subscale is known by in the instrument's literature (e.g. ERQ <c>"reappraisal"</c> is also
    /// <c>"cognitive-reappraisal"</c>, Gross &amp; John 2003). <see cref="ScoreResult"/>'s indexer and
    /// <see cref="InstrumentDefinition.FindSubscale"/> accept them; results always carry <see cref="Id"/>. Unique within the
    /// instrument across ids and aliases (JSON <c>"aliases"</c>, optional).
    /// </summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Item numbers in this subscale.</summary>
    public required ImmutableArray<int> Items { get; init; }

    /// <summary>How keyed item values are combined.</summary>
    public ScoringMethod Method { get; init; } = ScoringMethod.Sum;

    /// <summary>The rule name when <see cref="Method"/> is <see cref="ScoringMethod.Custom"/>; else null.</summary>
    public string? CustomRule { get; init; }

    /// <summary>
    /// True when this subscale is scored on raw responses, ignoring the instrument's reverse keys (SCS-SF facets are
    /// means of raw responses while its total reverses the negative items).
    /// </summary>
    public bool RawResponses { get; init; }

    /// <summary>When a subscale with missing items is still scored.</summary>
    public MissingDataRule MissingData { get; init; } = MissingDataRule.Default;

    /// <summary>Interpretation bands on the score, non-overlapping (may be empty).</summary>
    public ImmutableArray<InterpretationBand> Bands { get; init; } = [];

    /// <summary>Published norms (may be empty).</summary>
    public ImmutableArray<NormativeData> Norms { get; init; } = [];

    /// <summary>Published reliability, or null.</summary>
    public ReliabilityEstimate? Reliability { get; init; }

    /// <summary>LOINC code of the score, where one exists (PSS-10 total <c>106860-0</c>).</summary>
    public string? LoincCode { get; init; }

    /// <summary>The band containing <paramref name="score"/>, or null when none does.</summary>
    /// <param name="score">A score in this subscale's unit.</param>
    /// <returns>The band, or null.</returns>
    public InterpretationBand? FindBand(double score)
    {
        foreach (var band in Bands)
        {
            if (band.Contains(score))
            {
                return band;
            }
        }

        return null;
    }
}
