using System.Globalization;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

public sealed class InstrumentScorerTests
{
    private static InstrumentScorer Pss10 => InstrumentCatalog.GetScorer("pss-10");

    [Fact]
    public void Score_ReverseKeying_UsesDeclaredScaleNotObservedRange()
    {
        // psych::scoreItems with min = max = NULL would reverse with the observed range 1..3 (x' = 4 - x);
        // the PSS scale is 0..4, so x' = 4 - x: items 4, 5, 7, 8 answered 1 -> 3 each. Total = 6 x 2 + 4 x 3 = 24.
        var result = Pss10.Score(Answers.Parse("2,2,2,1,1,2,1,1,2,2"));

        Assert.Equal(24, result["total"].Score);
    }

    [Theory]
    [InlineData(5.0, "answer.out-of-range")]
    [InlineData(-1.0, "answer.out-of-range")]
    [InlineData(2.5, "answer.out-of-range")]
    [InlineData(double.NaN, "answer.non-numeric")]
    [InlineData(double.PositiveInfinity, "answer.non-numeric")]
    public void Score_BadAnswer_ReportedAndSubscaleNotScored(double bad, string code)
    {
        var answers = Answers.Parse("10x2");
        answers[3] = bad;

        var result = Pss10.Score(answers);

        Assert.Contains(result.Problems, p => p.Code == code && p.Location == "pss-10-04");
        Assert.Null(result["total"].Score);
        Assert.Null(result["self-efficacy"].Score);
        Assert.Equal(12, result["helplessness"].Score);
        Assert.Contains(result.Problems, p => p.Code == "score.invalid-answers" && p.Location == "total");
        Assert.Equal(9, result.ItemsAnswered);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Score_WrongAnswerCount_ThrowsNamingCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pss10.Score(Answers.Parse("9x2")));

        Assert.Equal("answers", ex.ParamName);
        Assert.Contains("Expected 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ManyUnknownKeys_ListTheFirst20ThenTheCount_AndStillScore()
    {
        // All ten PSS-10 answers (2 each) plus 25 columns that are not items, as a wide export would have.
        var answers = Enumerable.Range(1, 10).Select(i => KeyValuePair.Create(i.ToString(CultureInfo.InvariantCulture), (string?)"2"))
            .Concat(Enumerable.Range(0, 25).Select(k => KeyValuePair.Create($"extra{k}", (string?)"1")))
            .ToList();

        var result = Pss10.Score(answers);

        var unknown = result.Problems.Where(p => p.Code == "answer.unknown-item").ToList();
        Assert.Equal(InstrumentScorer.MaxListedUnknownItems + 1, unknown.Count);
        Assert.Equal("extra19", unknown[19].Location);
        Assert.Null(unknown[^1].Location);
        Assert.StartsWith("5 more keys are not items of pss-10 (25 in all; the first 20 are listed)", unknown[^1].Message, StringComparison.Ordinal);
        Assert.Equal(20, result["total"].Score); // 10 × 2, items 4, 5, 7, 8 reversed: 4 − 2 = 2 — every item still counts 2

        var byNumber = Pss10.Score(Enumerable.Range(1, 40).Select(i => KeyValuePair.Create(i, (double?)2)));
        Assert.Equal(21, byNumber.Problems.Count(p => p.Code == "answer.unknown-item")); // 30 unknown numbers: 20 listed + 1
        Assert.Equal(20, byNumber["total"].Score);
    }

    [Fact]
    public void Score_ByItemNumber_UnknownAndDuplicateReported()
    {
        var answers = Enumerable.Range(1, 10).Select(i => KeyValuePair.Create(i, (double?)2)).ToList();
        answers.Add(KeyValuePair.Create(11, (double?)3));
        answers.Add(KeyValuePair.Create(1, (double?)3));

        var result = Pss10.Score(answers);

        Assert.Contains(result.Problems, p => p.Code == "answer.unknown-item" && p.Location == "11");
        Assert.Contains(result.Problems, p => p.Code == "answer.duplicate" && p.Location == "pss-10-01");
        Assert.Null(result["total"].Score);
        Assert.Null(result["helplessness"].Score);
        Assert.Equal(8, result["self-efficacy"].Score);
    }

    [Fact]
    public void Score_TextAnswersUnderGermanCulture_ParsedInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var answers = Enumerable.Range(1, 10).Select(i => KeyValuePair.Create($"pss-10-{i:D2}", (string?)"2")).ToList();
            answers[0] = KeyValuePair.Create("pss-10-01", (string?)"2.0");
            answers[1] = KeyValuePair.Create("2", (string?)"3,0");

            var result = Pss10.Score(answers);

            Assert.Contains(result.Problems, p => p.Code == "answer.non-numeric" && p.Location == "pss-10-02" && p.Message.Contains("'3,0'", StringComparison.Ordinal));
            Assert.Null(result["total"].Score);
            Assert.Equal(8, result["self-efficacy"].Score);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Score_TextAnswers_BlankIsMissingWordIsNonNumericUnknownKeyReported()
    {
        var answers = new Dictionary<string, string?>
        {
            ["1"] = "1", ["2"] = "2", ["3"] = "", ["4"] = "often", ["5"] = null, ["who-5-99"] = "3",
        };

        var result = InstrumentCatalog.GetScorer("who-5").Score(answers);

        Assert.Contains(result.Problems, p => p.Code == "answer.non-numeric" && p.Location == "who-5-04");
        Assert.Contains(result.Problems, p => p.Code == "answer.unknown-item" && p.Location == "who-5-99");
        Assert.Equal(2, result.ItemsAnswered);
    }

    [Fact]
    public void Score_MissingDataOverride_RequireAllRefusesProrating()
    {
        var scorer = new InstrumentScorer(InstrumentCatalog.Get("pss-10"), new ScoringOptions { MissingDataOverride = MissingDataRule.RequireAll });

        var result = scorer.Score(Answers.Parse("2,1,2,3,3,1,3,3,2,_"));

        Assert.Null(result["total"].Score);
        Assert.Equal(12, result["total"].RawSum);
        Assert.Contains("all items required", result.Problems.First(p => p.Location == "total").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ManyThreads_SameResults()
    {
        var scorer = InstrumentCatalog.GetScorer("ecr-r");
        var answers = Answers.Parse("5,6,4,5,6,3,4,5,2,6,3,5,4,5,6,4,3,5,2,6,3,2,3,6,2,3,5,6,5,6,3,5,6,5,6,6");
        var results = new double[64];

        Parallel.For(0, results.Length, i =>
        {
            for (var k = 0; k < 1000; k++)
            {
                results[i] = scorer.Score(answers)["anxiety"].Score!.Value;
            }
        });

        Assert.All(results, r => Assert.Equal(87.0 / 18, r, 1e-12));
    }

    [Fact]
    public void Score_RandomValidResponses_MeanSubscalesStayOnScale()
    {
        var scorer = InstrumentCatalog.GetScorer("ecr-r");
        var gen = FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(1, 7), 36);
        var property = FsCheck.Fluent.Prop.ForAll(FsCheck.Fluent.Arb.From(gen), values =>
        {
            var result = scorer.Score(values.Select(v => (double?)v).ToArray());
            return result.IsComplete
                && result.Subscales.All(s => s.Score >= 1 && s.Score <= 7 && s.ItemsAnswered == 18);
        });
        FsCheck.Check.One(FsCheck.Config.QuickThrowOnFailure, property);
    }

    [Fact]
    public void Constructor_NullDefinition_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new InstrumentScorer(null!));
    }

    [Fact]
    public void Indexer_UnknownSubscale_ThrowsNamingIt()
    {
        var result = Pss10.Score(Answers.Parse("10x2"));

        var ex = Assert.Throws<KeyNotFoundException>(() => result["anxiety"]);
        Assert.Contains("anxiety", ex.Message, StringComparison.Ordinal);
    }
}
