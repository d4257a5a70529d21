namespace RelationalNeuro.Questionnaires;

/// <summary>The score of one subscale (or total) for one respondent.</summary>
/// <remarks>
/// <see cref="RawSum"/> is the sum of the answered items after reverse keying (or of raw responses for subscales
/// scored on raw responses), never prorated. <see cref="Score"/> is the subscale's published metric: the sum
/// (prorated as mean × item count when items are missing within the rule), the mean of answered items, or a custom
/// rule; null when the subscale could not be scored, with the reason in <see cref="ScoreResult.Problems"/>.
/// </remarks>
/// <param name="SubscaleId">The subscale's id.</param>
/// <param name="Score">The score in the subscale's unit (sum, mean or rule), or null when unavailable.</param>
/// <param name="RawSum">Sum of the answered keyed item values (points), not prorated; null when no item of the subscale has a valid answer (nothing to sum — not 0).</param>
/// <param name="Mean">Mean of the answered keyed item values (points per item), or null when no valid item was answered.</param>
/// <param name="ItemsAnswered">Items with a valid answer.</param>
/// <param name="ItemCount">Items in the subscale.</param>
/// <param name="Prorated">True when the score was computed with missing items (within the missing-data rule).</param>
/// <param name="Band">The interpretation band containing the score, or null (no bands, no score, or a gap between bands).</param>
public readonly record struct SubscaleScore(
    string SubscaleId,
    double? Score,
    double? RawSum,
    double? Mean,
    int ItemsAnswered,
    int ItemCount,
    bool Prorated,
    InterpretationBand? Band)
{
    /// <summary>
    /// The keyed sum prorated to the whole subscale: mean of the answered keyed values × item count (equal to <see cref="RawSum"/>
    /// when every item is answered), for subscales whose published metric is a mean but which are also reported as sums
    /// (ERQ: Gross &amp; John 2003 use means, BioPsyKit reports sums). Null when the subscale is not scored (too many missing items
    /// under its rule, or an invalid answer), so a prorated sum is never shown for a score the rule rejects.
    /// </summary>
    public double? ProratedSum { get; init; }
}
