using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// Every worked scoring case of ../shared/research/questionnaires.md §5 (hand-computed there; the ✔ rows match
/// BioPsyKit's own test data), scored through the built-in catalog. Expected values are copied from the research
/// file, which gives four decimals, hence the 1e-4 tolerance.
/// </summary>
public sealed class CatalogWorkedCasesTests
{
    public static TheoryData<string, string, string, double> Cases => new()
    {
        { "ecr-r", "36x1", "anxiety", 1.6667 }, { "ecr-r", "36x1", "avoidance", 5.0 },
        { "ecr-r", "36x7", "anxiety", 6.3333 }, { "ecr-r", "36x7", "avoidance", 3.0 },
        { "ecr-r", "5,6,4,5,6,3,4,5,2,6,3,5,4,5,6,4,3,5,2,6,3,2,3,6,2,3,5,6,5,6,3,5,6,5,6,6", "anxiety", 4.8333 },
        { "ecr-r", "5,6,4,5,6,3,4,5,2,6,3,5,4,5,6,4,3,5,2,6,3,2,3,6,2,3,5,6,5,6,3,5,6,5,6,6", "avoidance", 3.2222 },
        { "ecr-rs", "9x1", "avoidance", 5.0 }, { "ecr-rs", "9x1", "anxiety", 1.0 },
        { "ecr-rs", "9x7", "avoidance", 3.0 }, { "ecr-rs", "9x7", "anxiety", 7.0 },
        { "ecr-rs", "6,5,6,5,2,3,5,6,4", "avoidance", 2.5 }, { "ecr-rs", "6,5,6,5,2,3,5,6,4", "anxiety", 5.0 },
        { "ecr-s", "12x1", "anxiety", 2.0 }, { "ecr-s", "12x1", "avoidance", 4.0 },
        { "ecr-s", "12x7", "anxiety", 6.0 }, { "ecr-s", "12x7", "avoidance", 4.0 },
        { "ecr-s", "6,5,2,4,6,3,2,3,5,6,1,6", "anxiety", 4.8333 }, { "ecr-s", "6,5,2,4,6,3,2,3,5,6,1,6", "avoidance", 2.0 },
        { "rq", "7,1,1,1", "model-of-self", 6 }, { "rq", "7,1,1,1", "model-of-other", 6 },
        { "rq", "2,6,3,5", "model-of-self", -2 }, { "rq", "2,6,3,5", "model-of-other", -6 },
        { "rq", "5,2,6,3", "model-of-self", 0 }, { "rq", "5,2,6,3", "model-of-other", 6 },
        { "teq", "16x0", "total", 32 }, { "teq", "16x4", "total", 32 },
        { "teq", "4,1,3,0,4,3,1,4,3,1,0,1,3,0,1,4", "total", 55 },
        { "iri", "28x0", "perspective-taking", 8 }, { "iri", "28x0", "fantasy", 8 },
        { "iri", "28x0", "empathic-concern", 12 }, { "iri", "28x0", "personal-distress", 8 },
        { "iri", "28x4", "perspective-taking", 20 }, { "iri", "28x4", "fantasy", 20 },
        { "iri", "28x4", "empathic-concern", 16 }, { "iri", "28x4", "personal-distress", 20 },
        { "iri", "3,4,1,1,3,2,1,3,4,2,4,0,1,0,1,3,2,0,3,4,4,3,2,1,3,2,1,4", "perspective-taking", 24 },
        { "iri", "3,4,1,1,3,2,1,3,4,2,4,0,1,0,1,3,2,0,3,4,4,3,2,1,3,2,1,4", "fantasy", 20 },
        { "iri", "3,4,1,1,3,2,1,3,4,2,4,0,1,0,1,3,2,0,3,4,4,3,2,1,3,2,1,4", "empathic-concern", 26 },
        { "iri", "3,4,1,1,3,2,1,3,4,2,4,0,1,0,1,3,2,0,3,4,4,3,2,1,3,2,1,4", "personal-distress", 12 },
        { "maas", "15x1", "total", 1.0 }, { "maas", "15x6", "total", 6.0 },
        { "maas", "4,5,3,4,2,5,4,3,4,5,3,4,2,5,4", "total", 3.8 },
        { "ffmq-15", "15x1", "observe", 3 }, { "ffmq-15", "15x1", "describe", 7 }, { "ffmq-15", "15x1", "act-aware", 15 },
        { "ffmq-15", "15x1", "nonjudge", 15 }, { "ffmq-15", "15x1", "nonreact", 3 }, { "ffmq-15", "15x1", "total", 43 },
        { "ffmq-15", "15x5", "observe", 15 }, { "ffmq-15", "15x5", "describe", 11 }, { "ffmq-15", "15x5", "act-aware", 3 },
        { "ffmq-15", "15x5", "nonjudge", 3 }, { "ffmq-15", "15x5", "nonreact", 15 }, { "ffmq-15", "15x5", "total", 47 },
        { "ffmq-15", "4,4,2,2,3,3,2,2,1,4,5,4,3,2,3", "observe", 12 }, { "ffmq-15", "4,4,2,2,3,3,2,2,1,4,5,4,3,2,3", "describe", 12 },
        { "ffmq-15", "4,4,2,2,3,3,2,2,1,4,5,4,3,2,3", "act-aware", 11 }, { "ffmq-15", "4,4,2,2,3,3,2,2,1,4,5,4,3,2,3", "nonjudge", 13 },
        { "ffmq-15", "4,4,2,2,3,3,2,2,1,4,5,4,3,2,3", "nonreact", 10 }, { "ffmq-15", "4,4,2,2,3,3,2,2,1,4,5,4,3,2,3", "total", 58 },
        { "ders-36", "36x1", "nonacceptance", 6 }, { "ders-36", "36x1", "goals", 9 }, { "ders-36", "36x1", "impulse", 10 },
        { "ders-36", "36x1", "awareness", 30 }, { "ders-36", "36x1", "strategies", 12 }, { "ders-36", "36x1", "clarity", 13 },
        { "ders-36", "36x1", "total", 80 },
        { "ders-36", "36x5", "nonacceptance", 30 }, { "ders-36", "36x5", "goals", 21 }, { "ders-36", "36x5", "impulse", 26 },
        { "ders-36", "36x5", "awareness", 6 }, { "ders-36", "36x5", "strategies", 36 }, { "ders-36", "36x5", "clarity", 17 },
        { "ders-36", "36x5", "total", 136 },
        { "ders-36", Ders36Case, "nonacceptance", 15 }, { "ders-36", Ders36Case, "goals", 14 }, { "ders-36", Ders36Case, "impulse", 11 },
        { "ders-36", Ders36Case, "awareness", 13 }, { "ders-36", Ders36Case, "strategies", 16 }, { "ders-36", Ders36Case, "clarity", 9 },
        { "ders-36", Ders36Case, "total", 78 },
        { "ders-16", "16x1", "total", 16 }, { "ders-16", "16x5", "total", 80 },
        { "ders-16", "16x1", "clarity", 2 }, { "ders-16", "16x1", "goals", 3 }, { "ders-16", "16x1", "impulse", 3 },
        { "ders-16", "16x1", "strategies", 5 }, { "ders-16", "16x1", "nonacceptance", 3 },
        { "ders-16", "16x5", "clarity", 10 }, { "ders-16", "16x5", "goals", 15 }, { "ders-16", "16x5", "impulse", 15 },
        { "ders-16", "16x5", "strategies", 25 }, { "ders-16", "16x5", "nonacceptance", 15 },
        { "ders-16", "2,1,4,3,2,3,4,2,3,2,1,2,3,2,4,2", "clarity", 3 }, { "ders-16", "2,1,4,3,2,3,4,2,3,2,1,2,3,2,4,2", "goals", 12 },
        { "ders-16", "2,1,4,3,2,3,4,2,3,2,1,2,3,2,4,2", "impulse", 6 }, { "ders-16", "2,1,4,3,2,3,4,2,3,2,1,2,3,2,4,2", "strategies", 11 },
        { "ders-16", "2,1,4,3,2,3,4,2,3,2,1,2,3,2,4,2", "nonacceptance", 8 }, { "ders-16", "2,1,4,3,2,3,4,2,3,2,1,2,3,2,4,2", "total", 40 },
        { "erq", "10x1", "reappraisal", 1.0 }, { "erq", "10x1", "suppression", 1.0 },
        { "erq", "10x7", "reappraisal", 7.0 }, { "erq", "10x7", "suppression", 7.0 },
        { "erq", "4,2,4,1,4,1,4,1,1,4", "reappraisal", 3.5 }, { "erq", "4,2,4,1,4,1,4,1,1,4", "suppression", 1.25 },
        { "gq-6", "6x1", "total", 18 }, { "gq-6", "6x7", "total", 30 }, { "gq-6", "7,6,2,6,5,3", "total", 35 },
        { "brs", "6x1", "total", 3.0 }, { "brs", "6x5", "total", 3.0 }, { "brs", "4,2,4,2,3,3", "total", 3.6667 },
        { "pss-10", "10x0", "total", 16 }, { "pss-10", "10x4", "total", 24 },
        { "pss-10", "2,1,2,3,3,1,3,3,2,1", "total", 13 }, { "pss-10", "2,1,2,3,3,1,3,3,2,1", "helplessness", 9 },
        { "pss-10", "2,1,2,3,3,1,3,3,2,1", "self-efficacy", 4 },
        { "pss-4", "4x0", "total", 8 }, { "pss-4", "4x4", "total", 8 }, { "pss-4", "1,3,2,2", "total", 6 },
        { "who-5", "5x0", "raw", 0 }, { "who-5", "5x0", "percentage", 0 },
        { "who-5", "5x5", "raw", 25 }, { "who-5", "5x5", "percentage", 100 },
        { "who-5", "3,2,3,2,2", "raw", 12 }, { "who-5", "3,2,3,2,2", "percentage", 48 },
        { "swls", "5x1", "total", 5 }, { "swls", "5x7", "total", 35 }, { "swls", "7,7,7,7,5", "total", 33 },
        { "ucla-3", "1,1,1", "total", 3 }, { "ucla-3", "3,3,3", "total", 9 }, { "ucla-3", "2,2,3", "total", 7 },
        { "scs-sf", "12x1", "self-kindness", 1 }, { "scs-sf", "12x1", "self-judgment", 1 }, { "scs-sf", "12x1", "common-humanity", 1 },
        { "scs-sf", "12x1", "isolation", 1 }, { "scs-sf", "12x1", "mindfulness", 1 }, { "scs-sf", "12x1", "over-identification", 1 },
        { "scs-sf", "12x1", "total", 3.0 },
        { "scs-sf", "12x5", "self-kindness", 5 }, { "scs-sf", "12x5", "over-identification", 5 }, { "scs-sf", "12x5", "total", 3.0 },
        { "scs-sf", ScsCase, "self-kindness", 4.0 }, { "scs-sf", ScsCase, "self-judgment", 4.0 }, { "scs-sf", ScsCase, "common-humanity", 3.0 },
        { "scs-sf", ScsCase, "isolation", 3.0 }, { "scs-sf", ScsCase, "mindfulness", 3.0 }, { "scs-sf", ScsCase, "over-identification", 4.0 },
        { "scs-sf", ScsCase, "total", 2.8333 },
        { "wai-sr", "12x1", "task", 4 }, { "wai-sr", "12x1", "bond", 4 }, { "wai-sr", "12x1", "goal", 4 }, { "wai-sr", "12x1", "total", 12 },
        { "wai-sr", "12x5", "task", 20 }, { "wai-sr", "12x5", "bond", 20 }, { "wai-sr", "12x5", "goal", 20 }, { "wai-sr", "12x5", "total", 60 },
        { "wai-sr", "4,4,5,3,4,4,5,3,4,3,4,4", "task", 15 }, { "wai-sr", "4,4,5,3,4,4,5,3,4,3,4,4", "bond", 18 },
        { "wai-sr", "4,4,5,3,4,4,5,3,4,3,4,4", "goal", 14 }, { "wai-sr", "4,4,5,3,4,4,5,3,4,3,4,4", "total", 47 },
    };

    private const string Ders36Case = "4,4,2,2,1,4,4,3,2,4,3,2,3,2,2,2,4,3,2,3,2,4,2,4,3,2,2,2,3,2,2,1,3,4,2,2";
    private const string ScsCase = "4,4,3,4,3,4,3,2,4,3,4,4";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_ResearchFileWorkedCase_MatchesExpected(string instrument, string answers, string subscale, double expected)
    {
        var result = InstrumentCatalog.GetScorer(instrument).Score(Answers.Parse(answers));

        Assert.Empty(result.Problems);
        var score = result[subscale];
        Assert.NotNull(score.Score);
        Assert.Equal(expected, score.Score!.Value, 1e-4);
        Assert.False(score.Prorated);
    }

    [Fact]
    public void Score_ErqBioPsyKitRow_RawSumsMatchBioPsyKitSums()
    {
        // BioPsyKit erq test row [4,2,4,1,4,1,4,1,1,4] -> Reapp 21, Suppr 5 (sums; research file §1.11).
        var result = InstrumentCatalog.GetScorer("erq").Score(Answers.Parse("4,2,4,1,4,1,4,1,1,4"));

        Assert.Equal(21, result["reappraisal"].RawSum);
        Assert.Equal(5, result["suppression"].RawSum);
    }

    [Fact]
    public void Score_WaiSrWorkedCase_TotalMeanIs3Point9167()
    {
        var result = InstrumentCatalog.GetScorer("wai-sr").Score(Answers.Parse("4,4,5,3,4,4,5,3,4,3,4,4"));

        Assert.Equal(3.9167, result["total"].Mean!.Value, 1e-4);
    }

    [Theory]
    [InlineData("gq-6", "7,6,2,6,5,3", "total", "25th-50th percentile")]
    [InlineData("brs", "6x1", "total", "normal")]
    [InlineData("brs", "4,2,4,2,3,3", "total", "normal")]
    [InlineData("who-5", "3,2,3,2,2", "percentage", "poor well-being")]
    [InlineData("swls", "5x1", "total", "extremely dissatisfied")]
    [InlineData("swls", "5x7", "total", "extremely satisfied")]
    [InlineData("swls", "7,7,7,7,5", "total", "extremely satisfied")]
    public void Score_ResearchFileWorkedCase_BandMatches(string instrument, string answers, string subscale, string band)
    {
        var result = InstrumentCatalog.GetScorer(instrument).Score(Answers.Parse(answers));

        Assert.Equal(band, result[subscale].Band?.Label);
    }

    [Fact]
    public void Score_Pss10OneMissing_ProratedTotalIs13Point3333()
    {
        // Research file §5 missing-data test: 9 answered (90 %), keyed sum of 9 = 12, prorated 12/9*10.
        var result = InstrumentCatalog.GetScorer("pss-10").Score(Answers.Parse("2,1,2,3,3,1,3,3,2,_"));

        var total = result["total"];
        Assert.Equal(13.3333, total.Score!.Value, 1e-4);
        Assert.Equal(12, total.RawSum);
        Assert.Equal(9, total.ItemsAnswered);
        Assert.True(total.Prorated);
    }

    [Fact]
    public void Score_Who5TwoMissing_NotScored()
    {
        var result = InstrumentCatalog.GetScorer("who-5").Score(Answers.Parse("3,2,3,_,_"));

        Assert.Null(result["raw"].Score);
        Assert.Null(result["percentage"].Score);
        Assert.Contains(result.Problems, p => p.Code == "score.too-many-missing" && p.Location == "percentage");
        Assert.False(result.IsComplete);
    }

    [Theory]
    [InlineData("7,1,1,1", AttachmentStyle.Secure)]
    [InlineData("2,6,3,5", AttachmentStyle.Fearful)]
    [InlineData("5,2,6,3", AttachmentStyle.Preoccupied)]
    public void ClassifyRelationshipQuestionnaire_ResearchFileCase_CategoryIsHighestRating(string ratings, AttachmentStyle expected)
    {
        var result = AttachmentStyles.ClassifyRelationshipQuestionnaire(Answers.Parse(ratings));

        Assert.Equal(expected, result.Category);
        Assert.Equal(RqCategorySource.HighestRating, result.Source);
    }
}
