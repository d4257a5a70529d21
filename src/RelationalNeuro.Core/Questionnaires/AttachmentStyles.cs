using System.Collections.Immutable;
using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// Attachment categories: ECR-family anxiety and avoidance split into Bartholomew's four styles, and the
/// Relationship Questionnaire's own categories. Results always carry the dimensional scores.
/// </summary>
/// <remarks>
/// Four-category model (Bartholomew &amp; Horowitz 1991): Secure = low anxiety and low avoidance; Preoccupied = high
/// anxiety, low avoidance; Dismissing = low anxiety, high avoidance; Fearful = high both. "High" is strictly above
/// the split of <see cref="AttachmentClassificationOptions"/>; a score exactly at the split is low.
/// </remarks>
public static class AttachmentStyles
{
    /// <summary>Classifies anxiety and avoidance scores.</summary>
    /// <param name="anxiety">Anxiety (item mean, scale points).</param>
    /// <param name="avoidance">Avoidance (item mean, scale points).</param>
    /// <param name="options">Splits, or null for the scale midpoint 4 on both.</param>
    /// <returns>The style with the scores and splits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score or split is not finite.</exception>
    public static AttachmentClassification Classify(double anxiety, double avoidance, AttachmentClassificationOptions? options = null)
    {
        Guard.Finite(anxiety);
        Guard.Finite(avoidance);
        options ??= AttachmentClassificationOptions.Default;
        Guard.Finite(options.AnxietySplit);
        Guard.Finite(options.AvoidanceSplit);
        var highAnxiety = anxiety > options.AnxietySplit;
        var highAvoidance = avoidance > options.AvoidanceSplit;
        var style = (highAnxiety, highAvoidance) switch
        {
            (false, false) => AttachmentStyle.Secure,
            (true, false) => AttachmentStyle.Preoccupied,
            (false, true) => AttachmentStyle.Dismissing,
            _ => AttachmentStyle.Fearful,
        };
        return new AttachmentClassification(style, anxiety, avoidance, options.AnxietySplit, options.AvoidanceSplit);
    }

    /// <summary>
    /// Classifies a scored ECR-family response (any result with <c>anxiety</c> and <c>avoidance</c> subscales:
    /// ECR-R, ECR-S, ECR-RS).
    /// </summary>
    /// <param name="scores">The scored response.</param>
    /// <param name="options">Splits, or null for the defaults.</param>
    /// <param name="problem">Why no classification was possible, or null.</param>
    /// <returns>The classification, or null when a dimension is unavailable (see <paramref name="problem"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    public static AttachmentClassification? ClassifyScores(ScoreResult scores, AttachmentClassificationOptions? options, out Problem? problem)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var (anxiety, avoidance) = Dimensions(scores);

        if (anxiety is null || avoidance is null)
        {
            problem = new Problem(
                "attachment.unavailable",
                $"No attachment style: the {(anxiety is null ? "anxiety" : "avoidance")} score of {scores.InstrumentId} is unavailable.",
                ProblemSeverity.Error,
                anxiety is null ? "anxiety" : "avoidance");
            return null;
        }

        problem = null;
        return Classify(anxiety.Value, avoidance.Value, options);
    }

    /// <summary>
    /// Reports each dimension of a scored ECR-family response that is available (ECR-R, ECR-S, ECR-RS: subscales <c>anxiety</c>
    /// and <c>avoidance</c>): the score and whether it is high, and the four-category style when both are scored. Unlike
    /// <see cref="ClassifyScores"/>, a response whose avoidance items are too incomplete still reports high (or low) anxiety.
    /// </summary>
    /// <param name="scores">The scored response.</param>
    /// <param name="options">Splits, or null for the scale midpoint 4 on both ("high" is strictly above the split).</param>
    /// <returns>The dimensions, the style when both are scored, and a warning per missing dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A split is not finite.</exception>
    public static AttachmentDimensions ClassifyDimensions(ScoreResult scores, AttachmentClassificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        options ??= AttachmentClassificationOptions.Default;
        Guard.Finite(options.AnxietySplit);
        Guard.Finite(options.AvoidanceSplit);
        var (anxiety, avoidance) = Dimensions(scores);
        var problems = new ProblemCollector();
        foreach (var (name, value) in (ReadOnlySpan<(string, double?)>)[("anxiety", anxiety), ("avoidance", avoidance)])
        {
            if (value is null)
            {
                problems.Warning("attachment.unavailable", $"The {name} score of {scores.InstrumentId} is unavailable; only the other dimension is reported and no style is derived.", name);
            }
        }

        bool? highAnxiety = anxiety is { } ax ? ax > options.AnxietySplit : null;
        bool? highAvoidance = avoidance is { } av ? av > options.AvoidanceSplit : null;
        AttachmentStyle? style = anxiety is { } a && avoidance is { } v ? Classify(a, v, options).Style : null;
        return new AttachmentDimensions(anxiety, avoidance, highAnxiety, highAvoidance, style, options.AnxietySplit, options.AvoidanceSplit, problems.ToList());
    }

    private static (double? Anxiety, double? Avoidance) Dimensions(ScoreResult scores)
    {
        double? anxiety = null, avoidance = null;
        foreach (var s in scores.Subscales)
        {
            if (s.SubscaleId == "anxiety")
            {
                anxiety = s.Score;
            }
            else if (s.SubscaleId == "avoidance")
            {
                avoidance = s.Score;
            }
        }

        return (anxiety, avoidance);
    }

    /// <summary>
    /// Scores the Relationship Questionnaire: model of self and of other from the four 1–7 ratings, and the category
    /// (the forced choice when given, else the single highest rating; a tie is flagged, never broken).
    /// </summary>
    /// <param name="ratings">The ratings of paragraphs A Secure, B Fearful, C Preoccupied, D Dismissing (null = missing).</param>
    /// <param name="forcedChoice">The paragraph the respondent chose as fitting best, or null.</param>
    /// <returns>The dimensional scores, the category and any problems.</returns>
    /// <exception cref="ArgumentException"><paramref name="ratings"/> does not hold four entries.</exception>
    public static RelationshipQuestionnaireResult ClassifyRelationshipQuestionnaire(ReadOnlySpan<double?> ratings, AttachmentStyle? forcedChoice = null)
    {
        if (ratings.Length != 4)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The RQ has four ratings (A Secure, B Fearful, C Preoccupied, D Dismissing); got {ratings.Length}."),
                nameof(ratings));
        }

        var scores = InstrumentCatalog.GetScorer("rq").Score(ratings);
        var problems = new ProblemCollector();
        problems.AddRange(scores.Problems);
        var self = scores["model-of-self"].Score;
        var other = scores["model-of-other"].Score;
        if (forcedChoice is AttachmentStyle chosen)
        {
            return new(self, other, chosen, RqCategorySource.ForcedChoice, [], problems.ToList());
        }

        if (self is null)
        {
            return new(self, other, null, RqCategorySource.None, [], problems.ToList());
        }

        ReadOnlySpan<AttachmentStyle> order = [AttachmentStyle.Secure, AttachmentStyle.Fearful, AttachmentStyle.Preoccupied, AttachmentStyle.Dismissing];
        var max = double.MinValue;
        for (var i = 0; i < 4; i++)
        {
            max = Math.Max(max, ratings[i]!.Value);
        }

        var tied = ImmutableArray.CreateBuilder<AttachmentStyle>();
        for (var i = 0; i < 4; i++)
        {
            if (ratings[i]!.Value == max)
            {
                tied.Add(order[i]);
            }
        }

        if (tied.Count == 1)
        {
            return new(self, other, tied[0], RqCategorySource.HighestRating, [], problems.ToList());
        }

        problems.Add(new Problem(
            "rq.tie",
            string.Create(CultureInfo.InvariantCulture, $"The highest rating {max} is shared by {string.Join(", ", tied)}; no category without a forced choice."),
            ProblemSeverity.Warning));
        return new(self, other, null, RqCategorySource.None, tied.ToImmutable(), problems.ToList());
    }
}
