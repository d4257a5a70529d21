using System.Collections.Immutable;
using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The WHO-5 Well-Being Index scored with its item-level screen beside the percentage bands: besides a percentage of 50 or
/// less (raw score below 13), "any item scored 0 or 1" is a reason to screen further for depression.
/// </summary>
/// <remarks>
/// Scoring (catalog instrument <c>who-5</c>): raw = sum of the five 0–5 items, percentage = raw × 4, bands ≤ 28 % (depression
/// likely), 29–50 % (poor well-being), ≥ 51 %. Item screen: WHO Regional Office for Europe (1998) scoring note as reproduced by
/// medicalalgorithms.com and the research file (questionnaires.md §1.15); Topp, Østergaard, Søndergaard &amp; Bech (2015),
/// Psychotherapy and Psychosomatics 84:167–176, review the index.
/// </remarks>
public static class Who5Screen
{
    /// <summary>Scores one WHO-5 response and applies the item-level screen.</summary>
    /// <param name="answers">The five answers in item order, 0 (at no time) … 5 (all of the time); null = not answered.</param>
    /// <returns>The scores (raw, percentage, band) and the item screen.</returns>
    /// <exception cref="ArgumentException"><paramref name="answers"/> does not hold five entries.</exception>
    public static Who5ScreenResult Evaluate(ReadOnlySpan<double?> answers)
    {
        if (answers.Length != 5)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The WHO-5 has five items; got {answers.Length} answers."), nameof(answers));
        }

        var scores = InstrumentCatalog.GetScorer("who-5").Score(answers);
        var low = ImmutableArray.CreateBuilder<int>();
        var valid = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i] is { } a && a is >= 0 and <= 5 && Math.Floor(a) == a)
            {
                valid++;
                if (a <= 1)
                {
                    low.Add(i + 1);
                }
            }
        }

        bool? anyLow = low.Count > 0 ? true : valid == answers.Length ? false : null;
        var problems = new ProblemCollector();
        problems.AddRange(scores.Problems);
        if (anyLow is null)
        {
            problems.Warning(
                "who5.item-screen-incomplete",
                string.Create(CultureInfo.InvariantCulture, $"{answers.Length - valid} item(s) without a valid answer and none of the others scored 0 or 1: the item screen cannot rule out a low item."),
                "LowItemScreen");
        }

        var percentage = scores["percentage"];
        return new Who5ScreenResult(scores, scores["raw"].Score, percentage.Score, percentage.Band, anyLow, low.ToImmutable(), problems.ToList());
    }
}
