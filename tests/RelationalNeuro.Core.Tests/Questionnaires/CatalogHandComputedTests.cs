using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// Hand-computed cases for every built-in instrument: reverse keying, prorating within the missing-data rule, the
/// rule's limit (one more missing item = not scored), and every interpretation band edge. The arithmetic is in the
/// comment of each row; keys are those of the research file (§1, §2). NaN in the expected column = not scored.
/// </summary>
public sealed class CatalogHandComputedTests
{
    private const double NotScored = double.NaN;

    public static TheoryData<string, string, string, double, bool> Cases => new()
    {
        // ECR-R: reverse 9, 11 | 20, 22, 26-31, 33-36; 1..7; means; 18-item subscales allow 3 missing.
        { "ecr-r", "8x4,7,27x4", "anxiety", 69.0 / 18, false },             // item 9 = 7 -> keyed 1; 17 x 4 = 68; 69/18
        { "ecr-r", "8x4,7,27x4", "avoidance", 4.0, false },
        { "ecr-r", "_,35x2", "anxiety", 42.0 / 17, true },                   // items 2..18: 15 x 2 + (9, 11 -> 6) 12 = 42 over 17
        { "ecr-r", "_,35x2", "avoidance", 84.0 / 18, false },                // 6 x 2 + 12 x 6 = 84
        { "ecr-r", "3x_,33x2", "anxiety", 38.0 / 15, true },                 // 3 missing (the limit): items 4..18 = 13 x 2 + (9, 11 -> 6) 12 = 38 over 15
        { "ecr-r", "4x_,32x2", "anxiety", NotScored, false },                // 4 missing > 3 allowed
        // ECR-RS: reverse 1-4; avoidance 1-6 (1 missing allowed), anxiety 7-9 (none).
        { "ecr-rs", "7,8x4", "avoidance", 21.0 / 6, false },                 // item 1 = 7 -> 1; 5 x 4 = 20; 21/6
        { "ecr-rs", "4x6,_,4x6", "avoidance", 14.0 / 5, true },              // items 1-4 -> 2 each = 8, item 6 = 6; 14/5
        { "ecr-rs", "4x6,_,_,3x6", "avoidance", NotScored, false },
        { "ecr-rs", "6x4,_,2x4", "anxiety", NotScored, false },
        // ECR-S: anxiety 2,4,6,8R,10,12; avoidance 1R,3,5R,7,9R,11; 6 items allow 1 missing.
        { "ecr-s", "7x4,1,4x4", "anxiety", 27.0 / 6, false },                // item 8 = 1 -> 7; 5 x 4 + 7 = 27
        { "ecr-s", "11x3,_", "anxiety", 17.0 / 5, true },                    // 2,4,6,10 = 3 each (12) + item 8 -> 5; 17/5
        { "ecr-s", "11x3,_", "avoidance", 4.0, false },                      // 1,5,9 -> 5 each + 3,7,11 = 3 each; 24/6
        { "ecr-s", "9x3,_,3,_", "anxiety", NotScored, false },
        // RQ: self = (A + D) - (B + C), other = (A + C) - (B + D); all four required.
        { "rq", "1,7,1,1", "model-of-self", -6, false },                    // (1 + 1) - (7 + 1)
        { "rq", "1,7,1,1", "model-of-other", -6, false },                   // (1 + 1) - (7 + 1)
        { "rq", "4,4,4,_", "model-of-self", NotScored, false },
        // TEQ: reverse 2,4,7,10,11,12,14,15; 0..4; sum; 16 items allow 3 missing.
        { "teq", "0,4,14x0", "total", 28, false },                          // item 2 = 4 -> 0; other 7 reversed -> 4 each
        { "teq", "_,15x2", "total", 32, true },                             // 15 x 2 = 30; 30/15 x 16
        { "teq", "3x_,13x2", "total", 32, true },
        { "teq", "4x_,12x2", "total", NotScored, false },
        // IRI PT = 3R, 8, 11, 15R, 21, 25, 28; 7 items allow 1 missing.
        { "iri", "2,2,0,25x2", "perspective-taking", 16, false },           // item 3 = 0 -> 4; 6 x 2 = 12
        { "iri", "7x1,_,20x1", "perspective-taking", 10.0 / 6 * 7, true },   // 3, 15 -> 3 each = 6; 11,21,25,28 = 4; 10/6 x 7
        { "iri", "7x1,_,1,1,_,17x1", "perspective-taking", NotScored, false },
        // MAAS: mean of 15, no reverse; 3 missing allowed.
        { "maas", "5x6,10x3", "total", 4.0, false },                        // (30 + 30)/15
        { "maas", "7x5,7x2,_", "total", 3.5, true },                        // (35 + 14)/14
        { "maas", "4x_,11x3", "total", NotScored, false },
        // FFMQ-15: reverse 3,4,7,8,9,13,14; facet sums (3 items, none missing allowed); total allows 3.
        { "ffmq-15", "6x3,5,8x3", "describe", 7, false },                   // item 7 = 5 -> 1; items 2, 12 = 3
        { "ffmq-15", "6x3,5,8x3", "total", 43, false },                     // 14 x 3 + 1
        { "ffmq-15", "_,14x4", "observe", NotScored, false },
        { "ffmq-15", "_,14x4", "total", 45, true },                         // 7 reversed -> 2 (14) + 7 others x 4 (28) = 42; 42/14 x 15
        { "ffmq-15", "4x_,11x4", "total", NotScored, false },
        // DERS-36: awareness 2R, 6R, 8R, 10R, 17R, 34R; clarity 1R, 4, 5, 7R, 9 (1 missing allowed).
        { "ders-36", "1,5,34x1", "awareness", 26, false },                   // item 2 = 5 -> 1; five others 1 -> 5 each
        { "ders-36", "3x3,_,32x3", "clarity", 15, true },                    // 4 answered x 3 = 12; 12/4 x 5
        { "ders-36", "3x3,_,_,31x3", "clarity", NotScored, false },
        { "ders-36", "3x3,_,_,31x3", "total", 108, true },                   // 34 x 3 = 102; 102/34 x 36
        // DERS-16: no reverse keys; clarity 1,2 (none missing allowed); strategies 5,6,12,14,16 (1 allowed).
        { "ders-16", "5,15x2", "clarity", 7, false },
        { "ders-16", "5,15x2", "total", 35, false },                         // 5 + 15 x 2
        { "ders-16", "15x4,_", "strategies", 20, true },                     // 16/4 x 5
        { "ders-16", "15x4,_", "total", 64, true },                          // 60/15 x 16
        { "ders-16", "_,15x3", "clarity", NotScored, false },
        // ERQ: means; reappraisal 6 items (1 missing allowed), suppression 4 (none).
        { "erq", "1,7,8x1", "suppression", 2.5, false },                     // (7 + 1 + 1 + 1)/4
        { "erq", "6,1,6,1,6,1,6,1,1,_", "reappraisal", 5.0, true },          // items 1,3,5,7 = 6, item 8 = 1; 25/5
        { "erq", "8x4,_,4", "suppression", NotScored, false },
        // GQ-6: reverse 3, 6; sum; 1 missing allowed; bands 6-34 / 35-37 / 38-40 / 41-42.
        { "gq-6", "7,7,1,7,7,1", "total", 42, false },                       // 4 x 7 + 2 x (8 - 1)
        { "gq-6", "_,6,6,6,6,6", "total", 26.4, true },                      // 6 + 2 + 6 + 6 + 2 = 22; 22/5 x 6
        { "gq-6", "_,_,6,6,6,6", "total", NotScored, false },
        // BRS: reverse 2, 4, 6; mean; 1 missing allowed.
        { "brs", "5,1,5,1,5,1", "total", 5.0, false },
        { "brs", "1,5,1,5,1,_", "total", 1.0, true },
        { "brs", "1,5,1,5,_,_", "total", NotScored, false },
        // PSS-10: reverse 4, 5, 7, 8; 0..4; total allows 2 missing, helplessness 1, self-efficacy none.
        { "pss-10", "3x0,4,6x0", "total", 12, false },                       // item 4 = 4 -> 0; 5, 7, 8 -> 4 each
        { "pss-10", "3x0,4,6x0", "self-efficacy", 12, false },
        { "pss-10", "_,9x2", "total", 20, true },                            // 18/9 x 10
        { "pss-10", "_,9x2", "helplessness", 12, true },                     // 10/5 x 6
        { "pss-10", "3x_,7x2", "total", NotScored, false },
        // PSS-4: reverse 2, 3; 4 items, none missing allowed.
        { "pss-4", "4,0,0,4", "total", 16, false },
        { "pss-4", "0,4,4,0", "total", 0, false },
        { "pss-4", "_,4,4,0", "total", NotScored, false },
        // WHO-5: raw sum, percentage = raw x 4; 1 missing allowed.
        { "who-5", "2,2,2,2,_", "raw", 10, true },                           // 8/4 x 5
        { "who-5", "2,2,2,2,_", "percentage", 40, true },
        { "who-5", "2,2,2,_,_", "percentage", NotScored, false },
        // SWLS: sum, 1 missing allowed.
        { "swls", "6,6,6,6,_", "total", 30, true },                          // 24/4 x 5
        { "swls", "4,4,4,_,_", "total", NotScored, false },
        { "swls", "5x4", "total", 20, false },
        // UCLA-3: all three required.
        { "ucla-3", "2,2,1", "total", 5, false },
        { "ucla-3", "2,2,_", "total", NotScored, false },
        { "ucla-3", "1,3,2", "total", 6, false },
        // SCS-SF: facets are means of raw responses (2 items, none missing allowed); total reverses 1,4,8,9,11,12.
        { "scs-sf", "5,11x3", "over-identification", 4.0, false },           // raw (5 + 3)/2
        { "scs-sf", "5,11x3", "total", 34.0 / 12, false },                   // item 1 -> 1; 11 x 3 = 33
        { "scs-sf", "4,_,10x4", "self-kindness", NotScored, false },
        { "scs-sf", "4,_,10x4", "total", 32.0 / 11, true },                  // six reversed -> 2 (12) + five others 4 (20)
        { "scs-sf", "3x_,9x4", "total", NotScored, false },
        // WAI-SR: no reverse keys; 4-item subscales (none missing), total allows 2.
        { "wai-sr", "12x3", "total", 36, false },
        { "wai-sr", "_,11x3", "task", NotScored, false },
        { "wai-sr", "_,11x3", "total", 36, true },                           // 33/11 x 12
        { "wai-sr", "3x_,9x3", "total", NotScored, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_HandComputedCase_MatchesExpected(string instrument, string answers, string subscale, double expected, bool prorated)
    {
        var result = InstrumentCatalog.GetScorer(instrument).Score(Answers.Parse(answers));
        var score = result[subscale];

        if (double.IsNaN(expected))
        {
            Assert.Null(score.Score);
            Assert.Contains(result.Problems, p => p.Code == "score.too-many-missing" && p.Location == subscale);
        }
        else
        {
            Assert.NotNull(score.Score);
            Assert.Equal(expected, score.Score!.Value, 1e-12);
            Assert.Equal(prorated, score.Prorated);
        }
    }

    public static TheoryData<string, string, string, double, string> BandEdges => new()
    {
        // GQ-6 benchmarks: items 3 and 6 answered 1 -> keyed 7 each (14); the other four sum to the rest.
        { "gq-6", "5,5,1,5,5,1", "total", 34, "below 25th percentile" },
        { "gq-6", "5,5,1,5,6,1", "total", 35, "25th-50th percentile" },
        { "gq-6", "5,6,1,6,6,1", "total", 37, "25th-50th percentile" },
        { "gq-6", "6,6,1,6,6,1", "total", 38, "50th-75th percentile" },
        { "gq-6", "7,7,1,6,6,1", "total", 40, "50th-75th percentile" },
        { "gq-6", "7,7,1,7,6,1", "total", 41, "above 75th percentile" },
        { "gq-6", "6x1", "total", 18, "below 25th percentile" },
        // BRS: items 1,3,5 as given; 2,4,6 reversed (6 - x).
        { "brs", "2,3,3,3,3,3", "total", 17.0 / 6, "low" },                  // 2 + 5 x 3 = 17
        { "brs", "6x3", "total", 3.0, "normal" },                            // lower edge of normal
        { "brs", "5,2,5,2,3,2", "total", 25.0 / 6, "normal" },               // 5 + 4 + 5 + 4 + 3 + 4 = 25
        { "brs", "5,2,5,2,4,2", "total", 26.0 / 6, "high" },                 // 26/6 = 4.333 > 4.30
        // WHO-5 percentage: 28 / 32 / 48 / 52 around the 28 and 50 edges.
        { "who-5", "1,1,1,2,2", "percentage", 28, "depression likely" },
        { "who-5", "2,2,2,1,1", "percentage", 32, "poor well-being" },
        { "who-5", "3,2,3,2,2", "percentage", 48, "poor well-being" },
        { "who-5", "3,3,3,2,2", "percentage", 52, "adequate well-being" },
        // SWLS: both sides of every published edge.
        { "swls", "1,1,1,3,3", "total", 9, "extremely dissatisfied" },
        { "swls", "5x2", "total", 10, "dissatisfied" },
        { "swls", "4x3,2", "total", 14, "dissatisfied" },
        { "swls", "5x3", "total", 15, "slightly dissatisfied" },
        { "swls", "4x4,3", "total", 19, "slightly dissatisfied" },
        { "swls", "5x4", "total", 20, "neutral" },
        { "swls", "5,4x4", "total", 21, "slightly satisfied" },
        { "swls", "5x5", "total", 25, "slightly satisfied" },
        { "swls", "6,4x5", "total", 26, "satisfied" },
        { "swls", "5x6", "total", 30, "satisfied" },
        { "swls", "7,4x6", "total", 31, "extremely satisfied" },
        // UCLA-3: 3-5 not lonely, 6-9 lonely.
        { "ucla-3", "2,2,1", "total", 5, "not lonely" },
        { "ucla-3", "2,2,2", "total", 6, "lonely" },
        { "ucla-3", "3x1", "total", 3, "not lonely" },
    };

    [Theory]
    [MemberData(nameof(BandEdges))]
    public void Score_BandEdge_ScoreAndBandMatch(string instrument, string answers, string subscale, double expected, string band)
    {
        var result = InstrumentCatalog.GetScorer(instrument).Score(Answers.Parse(answers));

        Assert.Equal(expected, result[subscale].Score!.Value, 1e-12);
        Assert.Equal(band, result[subscale].Band?.Label);
        Assert.DoesNotContain(result.Problems, p => p.Code == "score.no-band");
    }

    [Fact]
    public void Score_Gq6ProratedBetweenIntegerBands_NoBandAndWarning()
    {
        // 22/5 x 6 = 26.4 lies in "below 25th percentile" (6..34); 34.8 = 29/5 x 6 lies between 34 and 35.
        // Items 2..6 = 7, 7, 7, 7, 1 -> 7 + (8 - 7) + 7 + 7 + 7 = 29.
        var result = InstrumentCatalog.GetScorer("gq-6").Score(Answers.Parse("_,7,7,7,7,1"));

        Assert.Equal(34.8, result["total"].Score!.Value, 1e-12);
        Assert.Null(result["total"].Band);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("score.no-band", problem.Code);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Catalog_AllTwentyInstruments_Load()
    {
        string[] expected = ["brs", "ders-16", "ders-36", "ecr-r", "ecr-rs", "ecr-s", "erq", "ffmq-15", "gq-6", "iri", "maas",
            "pss-10", "pss-4", "rq", "scs-sf", "swls", "teq", "ucla-3", "wai-sr", "who-5"];

        Assert.Equal(expected, InstrumentCatalog.Ids);
    }

    [Theory]
    [InlineData("maas", true)]
    [InlineData("who-5", true)]
    [InlineData("scs-sf", true)]
    [InlineData("swls", true)]
    [InlineData("ecr-r", false)]
    [InlineData("pss-10", false)]
    [InlineData("wai-sr", false)]
    public void Catalog_ItemWording_ShippedOnlyWhereLicenceAllows(string id, bool shipped)
    {
        var definition = InstrumentCatalog.Get(id);

        Assert.Equal(shipped, definition.Licence.ShipItemWording);
        Assert.All(definition.Items, item => Assert.Equal(shipped, item.Text is not null));
        if (shipped)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.Licence.Attribution));
        }
    }

    [Fact]
    public void Catalog_EveryInstrument_NoWordingUnlessShippable()
    {
        foreach (var definition in InstrumentCatalog.All)
        {
            if (!definition.Licence.ShipItemWording)
            {
                Assert.All(definition.Items, item => Assert.Null(item.Text));
            }

            Assert.NotEmpty(definition.Notes);
        }
    }
}
