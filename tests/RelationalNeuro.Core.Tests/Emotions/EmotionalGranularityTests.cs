using RelationalNeuro.Emotions;

namespace RelationalNeuro.Tests.Emotions;

// Expected values are analytic: Shannon entropy of known frequency vectors (natural log).
public sealed class EmotionalGranularityTests
{
    private static EmotionLabel L(string path, int intensity = 5) => new() { Path = path, Intensity = intensity };

    [Fact]
    public void Measure_FourPathsEquallyOften_EntropyIsLn4AndEvennessOne()
    {
        var labels = new[] { "sad/hurt/rejected", "sad/lonely", "calm", "afraid/anxious/worried" }.SelectMany(p => new[] { L(p), L(p) });

        var r = EmotionalGranularity.Measure(labels, FeelingWheels.RelationalNeuro);

        Assert.Equal(8, r.LabelCount);
        Assert.Equal(4, r.DistinctLabels);
        Assert.Equal(3, r.DistinctCores);
        Assert.Equal(Math.Log(4), r.EmodiversityNats!.Value, 12);
        Assert.Equal(1.0, r.Evenness!.Value, 12);
        Assert.Equal((3 + 2 + 1 + 3) / 4.0, r.MeanDepth!.Value, 12);
        Assert.Equal(3, r.MaxDepthUsed);
        Assert.Equal(2.25 / 3, r.DepthRatio!.Value, 12);
        // Cores: sad 4, calm 2, afraid 2 of 8 → H = −(½ ln ½ + 2·¼ ln ¼).
        Assert.Equal(-((0.5 * Math.Log(0.5)) + (2 * 0.25 * Math.Log(0.25))), r.CoreEmodiversityNats!.Value, 12);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Measure_UnevenUse_EntropyMatchesFormula()
    {
        // Counts 3 and 1: H = −(¾ ln ¾ + ¼ ln ¼) ≈ 0.5623 nats; J = H / ln 2.
        var labels = new[] { L("calm"), L("calm"), L("calm"), L("calm/peaceful") };

        var r = EmotionalGranularity.Measure(labels);

        var h = -((0.75 * Math.Log(0.75)) + (0.25 * Math.Log(0.25)));
        Assert.Equal(h, r.EmodiversityNats!.Value, 12);
        Assert.Equal(h / Math.Log(2), r.Evenness!.Value, 12);
        Assert.Equal(0.0, r.CoreEmodiversityNats!.Value, 12);
        Assert.Null(r.DepthRatio);
    }

    [Fact]
    public void Measure_SameWordUnderTwoParents_CountsAsTwoLabels()
    {
        var r = EmotionalGranularity.Measure([L("afraid/threatened/exposed"), L("ashamed/embarrassed/exposed")], FeelingWheels.RelationalNeuro);

        Assert.Equal(2, r.DistinctLabels);
        Assert.Equal(Math.Log(2), r.EmodiversityNats!.Value, 12);
    }

    [Fact]
    public void Measure_OneDistinctLabel_EvennessNullWithProblem()
    {
        var r = EmotionalGranularity.Measure([L("calm"), L("calm")]);

        Assert.Equal(0.0, r.EmodiversityNats);
        Assert.Null(r.Evenness);
        Assert.Contains(r.Problems, p => p.Code == "granularity.single-label");
    }

    [Fact]
    public void Measure_NoLabels_NullMetricsWithProblem()
    {
        var r = EmotionalGranularity.Measure([]);

        Assert.Equal((0, 0), (r.LabelCount, r.DistinctLabels));
        Assert.Null(r.EmodiversityNats);
        Assert.Null(r.MeanDepth);
        Assert.Contains(r.Problems, p => p.Code == "granularity.no-labels");
    }

    [Fact]
    public void Measure_InvalidLabels_SkippedEachWithLocatedWarning()
    {
        var r = EmotionalGranularity.Measure([L("calm"), L("calm/nowhere"), L("sad", 11)], FeelingWheels.RelationalNeuro);

        Assert.Equal(1, r.LabelCount);
        Assert.Contains(r.Problems, p => p.Code == "emotion.unknown-path" && p.Location == "[1].path" && p.Severity == ProblemSeverity.Warning);
        Assert.Contains(r.Problems, p => p.Code == "emotion.intensity-out-of-range" && p.Location == "[2].intensity");
    }
}
