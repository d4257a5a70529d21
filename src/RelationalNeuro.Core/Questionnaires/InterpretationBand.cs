namespace RelationalNeuro.Questionnaires;

/// <summary>A labelled score range, closed at both ends: <c>Min ≤ score ≤ Max</c>.</summary>
/// <remarks>
/// Bands of one subscale must not overlap (a definition where they do is rejected). Published bands on whole-number
/// scores can leave gaps (SWLS 20 "neutral", 21–25 "slightly satisfied"); a prorated score in a gap gets no band and a
/// <c>score.no-band</c> warning rather than a guessed label.
/// </remarks>
/// <param name="Label">Short label, e.g. "low".</param>
/// <param name="Min">Lowest score in the band (inclusive), in the subscale's score unit.</param>
/// <param name="Max">Highest score in the band (inclusive).</param>
/// <param name="Description">A longer interpretation, or null.</param>
/// <param name="Source">Where the band comes from.</param>
public sealed record InterpretationBand(string Label, double Min, double Max, string? Description = null, string? Source = null)
{
    /// <summary>Whether <paramref name="score"/> lies in this band (both ends inclusive).</summary>
    /// <param name="score">A subscale score.</param>
    /// <returns>True when <c>Min ≤ score ≤ Max</c>.</returns>
    public bool Contains(double score) => score >= Min && score <= Max;
}
