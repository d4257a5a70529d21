using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

public sealed class AttachmentStylesTests
{
    [Theory]
    [InlineData(2.0, 2.0, AttachmentStyle.Secure)]
    [InlineData(5.0, 2.0, AttachmentStyle.Preoccupied)]
    [InlineData(2.0, 5.0, AttachmentStyle.Dismissing)]
    [InlineData(5.0, 5.0, AttachmentStyle.Fearful)]
    [InlineData(4.0, 4.0, AttachmentStyle.Secure)] // exactly at the split is "low": high means strictly greater
    [InlineData(4.0000001, 4.0, AttachmentStyle.Preoccupied)]
    public void Classify_MidpointSplit_FourCategories(double anxiety, double avoidance, AttachmentStyle expected)
    {
        var result = AttachmentStyles.Classify(anxiety, avoidance);

        Assert.Equal(expected, result.Style);
        Assert.Equal(anxiety, result.Anxiety);
        Assert.Equal(avoidance, result.Avoidance);
        Assert.Equal(4.0, result.AnxietySplit);
    }

    [Fact]
    public void Classify_SampleMedianSplits_UsesThem()
    {
        var options = AttachmentClassificationOptions.Default with { AnxietySplit = 3.2, AvoidanceSplit = 2.5 };

        var result = AttachmentStyles.Classify(3.5, 2.5, options);

        Assert.Equal(AttachmentStyle.Preoccupied, result.Style);
        Assert.Equal(2.5, result.AvoidanceSplit);
    }

    [Fact]
    public void Classify_NaNScore_ThrowsNamingArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AttachmentStyles.Classify(double.NaN, 2));

        Assert.Equal("anxiety", ex.ParamName);
    }

    [Fact]
    public void Classify_EcrRWorkedCase_FromScoreResult()
    {
        // Research file §5: anxiety 4.8333, avoidance 3.2222 -> high anxiety, low avoidance at the midpoint split.
        var scores = InstrumentCatalog.GetScorer("ecr-r").Score(Answers.Parse("5,6,4,5,6,3,4,5,2,6,3,5,4,5,6,4,3,5,2,6,3,2,3,6,2,3,5,6,5,6,3,5,6,5,6,6"));

        var result = AttachmentStyles.ClassifyScores(scores, null, out var problem);

        Assert.Null(problem);
        Assert.Equal(AttachmentStyle.Preoccupied, result!.Value.Style);
        Assert.Equal(4.8333, result.Value.Anxiety, 1e-4);
        Assert.Equal(3.2222, result.Value.Avoidance, 1e-4);
    }

    [Fact]
    public void Classify_AvoidanceUnavailable_ProblemNotGuess()
    {
        var scores = InstrumentCatalog.GetScorer("ecr-s").Score(Answers.Parse("_,4,_,4,_,4,4,4,4,4,4,4"));

        var result = AttachmentStyles.ClassifyScores(scores, null, out var problem);

        Assert.Null(result);
        Assert.Equal("attachment.unavailable", problem!.Code);
        Assert.Equal("avoidance", problem.Location);
    }

    [Fact]
    public void ClassifyRelationshipQuestionnaire_Tie_FlaggedNotBroken()
    {
        var result = AttachmentStyles.ClassifyRelationshipQuestionnaire(Answers.Parse("6,2,6,3"));

        Assert.Null(result.Category);
        Assert.Equal([AttachmentStyle.Secure, AttachmentStyle.Preoccupied], result.TiedStyles);
        Assert.Contains(result.Problems, p => p.Code == "rq.tie");
        Assert.Equal(1, result.ModelOfSelf); // (A + D) - (B + C) = (6 + 3) - (2 + 6)
        Assert.Equal(7, result.ModelOfOther); // (A + C) - (B + D) = (6 + 6) - (2 + 3)
    }

    [Fact]
    public void ClassifyRelationshipQuestionnaire_ForcedChoice_WinsOverRatings()
    {
        var result = AttachmentStyles.ClassifyRelationshipQuestionnaire(Answers.Parse("7,1,1,1"), AttachmentStyle.Dismissing);

        Assert.Equal(AttachmentStyle.Dismissing, result.Category);
        Assert.Equal(RqCategorySource.ForcedChoice, result.Source);
        Assert.Equal(6, result.ModelOfSelf);
    }

    [Fact]
    public void ClassifyRelationshipQuestionnaire_MissingRating_NoScoresNoCategory()
    {
        var result = AttachmentStyles.ClassifyRelationshipQuestionnaire(Answers.Parse("7,1,_,1"));

        Assert.Null(result.ModelOfSelf);
        Assert.Null(result.Category);
        Assert.Contains(result.Problems, p => p.Code == "score.too-many-missing");
    }

    [Fact]
    public void ClassifyRelationshipQuestionnaire_ThreeRatings_ThrowsNamingRatings()
    {
        var ex = Assert.Throws<ArgumentException>(() => AttachmentStyles.ClassifyRelationshipQuestionnaire(Answers.Parse("7,1,1")));

        Assert.Equal("ratings", ex.ParamName);
    }
}
