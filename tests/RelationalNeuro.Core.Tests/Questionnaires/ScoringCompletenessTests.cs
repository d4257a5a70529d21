using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// What a study team used to compute by hand around a score: a raw sum that is absent (not 0) when nothing was answered,
/// the prorated sum of mean-scored scales, one ECR dimension when the other is not scored, the WHO-5 item screen, and
/// subscale ids under their literature names. Expected values are hand-computed from each instrument's key
/// (research file questionnaires.md) or BioPsyKit's test row.
/// </summary>
public sealed class ScoringCompletenessTests
{
    // ECR-R with only the anxiety items answered: avoidance has no answered item, so its raw sum is null, not 0.
    // Anxiety: items 1–18 answered 6, reverse items 9 and 11 answered 2 (→ 8 − 2 = 6): mean 6 > 4, high anxiety.
    private static readonly double?[] AnxietyOnly = Answers.Parse("8x6,2,6,2,7x6,18x_");

    [Fact]
    public void Score_SubscaleWithNoAnsweredItem_RawSumAndMeanAreNull()
    {
        var result = InstrumentCatalog.GetScorer("ecr-r").Score(AnxietyOnly);
        var avoidance = result["avoidance"];
        Assert.Null(avoidance.RawSum);
        Assert.Null(avoidance.Mean);
        Assert.Null(avoidance.Score);
        Assert.Null(avoidance.ProratedSum);
        Assert.Equal(0, avoidance.ItemsAnswered);
        Assert.Equal(108, result["anxiety"].RawSum);
    }

    [Fact]
    public void ClassifyDimensions_AvoidanceNotScored_ReportsHighAnxiety()
    {
        var scores = InstrumentCatalog.GetScorer("ecr-r").Score(AnxietyOnly);
        var d = AttachmentStyles.ClassifyDimensions(scores);
        Assert.Equal(6, d.Anxiety);
        Assert.True(d.HighAnxiety);
        Assert.Null(d.Avoidance);
        Assert.Null(d.HighAvoidance);
        Assert.Null(d.Style);
        var problem = Assert.Single(d.Problems);
        Assert.Equal("attachment.unavailable", problem.Code);
        Assert.Equal("avoidance", problem.Location);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);

        // The all-or-nothing classification still declines, as before.
        Assert.Null(AttachmentStyles.ClassifyScores(scores, null, out _));
    }

    // Both dimensions scored: the style equals Classify's (anxiety 6 high; avoidance items 19–36 answered 2, reverse items
    // 20, 22, 26–31, 33–36 → 6, so avoidance = (6·2 + 12·6)/18 = 84/18 = 4.667 > 4: Fearful).
    [Fact]
    public void ClassifyDimensions_BothScored_StyleAsClassify()
    {
        var scores = InstrumentCatalog.GetScorer("ecr-r").Score(Answers.Parse("8x6,2,6,2,7x6,18x2"));
        var d = AttachmentStyles.ClassifyDimensions(scores);
        Assert.Equal(84.0 / 18, d.Avoidance!.Value, 12);
        Assert.Equal(AttachmentStyle.Fearful, d.Style);
        Assert.Empty(d.Problems);
    }

    // ERQ BioPsyKit row 4,2,4,1,4,1,4,1,1,4: reappraisal (items 1,3,5,7,8,10) sum 21, suppression (2,4,6,9) sum 5. Without
    // item 1, reappraisal keeps 5 of 6 items (⌈0.8·6⌉ = 5): raw sum 17, mean 3.4, prorated sum 3.4·6 = 20.4. Without item 2,
    // suppression (4 items, none may be missing) is not scored, so its prorated sum is null while its raw sum is 3.
    [Fact]
    public void Score_Erq_ProratedSumBesideTheMean()
    {
        var scorer = InstrumentCatalog.GetScorer("erq");
        var complete = scorer.Score(Answers.Parse("4,2,4,1,4,1,4,1,1,4"));
        Assert.Equal(21, complete["reappraisal"].ProratedSum);
        Assert.Equal(5, complete["suppression"].ProratedSum);

        var gaps = scorer.Score(Answers.Parse("_,_,4,1,4,1,4,1,1,4"));
        var reappraisal = gaps["reappraisal"];
        Assert.Equal(17, reappraisal.RawSum);
        Assert.Equal(3.4, reappraisal.Score!.Value, 12);
        Assert.Equal(20.4, reappraisal.ProratedSum!.Value, 12);
        var suppression = gaps["suppression"];
        Assert.Null(suppression.Score);
        Assert.Null(suppression.ProratedSum);
        Assert.Equal(3, suppression.RawSum);
    }

    // WHO-5 (research file §1.15 worked case): 3,2,3,2,2 → raw 12, 48 % "poor well-being", no item at 0 or 1.
    [Fact]
    public void Who5_WorkedCase_BandAndNoLowItem()
    {
        var r = Who5Screen.Evaluate(Answers.Parse("3,2,3,2,2"));
        Assert.Equal(12, r.RawScore);
        Assert.Equal(48, r.Percentage);
        Assert.Equal("poor well-being", r.Band!.Label);
        Assert.False(r.LowItemScreen);
        Assert.Empty(r.LowItems);
    }

    // 5,5,5,5,1 → raw 21, 84 % (adequate band) but item 5 is scored 1: the item screen says screen further.
    [Fact]
    public void Who5_HighPercentageWithALowItem_ItemScreenPositive()
    {
        var r = Who5Screen.Evaluate(Answers.Parse("5,5,5,5,1"));
        Assert.Equal(84, r.Percentage);
        Assert.Equal("adequate well-being", r.Band!.Label);
        Assert.True(r.LowItemScreen);
        Assert.Equal([5], r.LowItems);
    }

    // 4,4,4,4,_ → prorated raw 20 (80 %); the missing item could have been 0 or 1, so the screen is open (null) with a warning.
    [Fact]
    public void Who5_MissingItem_ItemScreenOpen()
    {
        var r = Who5Screen.Evaluate(Answers.Parse("4,4,4,4,_"));
        Assert.Equal(80, r.Percentage);
        Assert.Null(r.LowItemScreen);
        Assert.Contains(r.Problems, p => p.Code == "who5.item-screen-incomplete");
        Assert.Throws<ArgumentException>(() => Who5Screen.Evaluate(Answers.Parse("4,4,4,4")));
    }

    [Theory]
    [InlineData("erq", "cognitive-reappraisal", "reappraisal")]
    [InlineData("erq", "expressive-suppression", "suppression")]
    [InlineData("ffmq-15", "acting-with-awareness", "act-aware")]
    [InlineData("ffmq-15", "nonjudging", "nonjudge")]
    [InlineData("ffmq-15", "nonreactivity", "nonreact")]
    [InlineData("pss-10", "perceived-helplessness", "helplessness")]
    [InlineData("scs-sf", "over-identified", "over-identification")]
    public void SubscaleAliases_LiteratureNamesFindTheSubscale(string instrument, string alias, string id)
    {
        var definition = InstrumentCatalog.Get(instrument);
        Assert.Equal(id, definition.FindSubscale(alias)!.Id);
        var scorer = InstrumentCatalog.GetScorer(instrument);
        var answers = new double?[definition.Items.Length];
        Array.Fill(answers, definition.Scale.Min);
        var result = scorer.Score(answers);
        Assert.Equal(result[id], result[alias]);
        Assert.Equal(id, result[alias].SubscaleId);
    }

    [Fact]
    public void Loader_AliasRepeatingAnId_IsRejectedWithPath()
    {
        const string json = """
            {
              "id": "demo", "name": "Demo", "version": "1", "citation": "Test 2026.",
              "licence": { "statement": "Written for the tests.", "shipItemWording": true },
              "scale": { "min": 1, "max": 5, "options": [] },
              "items": [ { "number": 1 }, { "number": 2 } ],
              "subscales": [
                { "id": "total", "aliases": ["sum"], "name": "Total", "items": [1, 2] },
                { "id": "first", "aliases": ["total"], "name": "First", "items": [1] }
              ]
            }
            """;
        var result = InstrumentLoader.Load(json);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == "definition.duplicate-id" && p.Location == "$.subscales[1].aliases[0]");
    }
}
