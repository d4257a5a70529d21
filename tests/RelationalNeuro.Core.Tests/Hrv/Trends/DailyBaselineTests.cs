using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv.Trends;

public class DailyBaselineTests
{
    private const double Tol = 1e-9;

    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    // Small windows so the example can be worked by hand: 3-day baseline (≥ 2 values), 5-day range (≥ 4 values), k = 1.
    private static readonly DailyBaselineOptions Small = new()
    {
        BaselineDays = 3,
        MinimumBaselineDays = 2,
        NormalRangeDays = 5,
        MinimumNormalRangeDays = 4,
        WidthStandardDeviations = 1,
    };

    // Jan 1: 3.9 and 4.1 (averaged to 4.0, a warning); Jan 2: 4.2; Jan 3: absent; Jan 4: 3.8; Jan 5: 4.4;
    // Jan 6: NaN (missing, a warning); Jan 7: 3.0; Jan 8: 2.6. Given out of order on purpose.
    private static DailyValue[] Example() =>
    [
        new(Jan1.AddDays(4), 4.4),
        new(Jan1, 3.9),
        new(Jan1.AddDays(1), 4.2),
        new(Jan1.AddDays(3), 3.8),
        new(Jan1, 4.1),
        new(Jan1.AddDays(5), double.NaN),
        new(Jan1.AddDays(6), 3.0),
        new(Jan1.AddDays(7), 2.6),
    ];

    // Worked by hand:
    // day  value  baseline window → baseline   range window (≥ 4)          mean  SD (n−1)                      range
    // 1    4.0    {4.0}       → — (1 < 2)      {4.0}                  → —
    // 2    4.2    {4.0,4.2}   → 4.1            2 values               → —
    // 3    —      {4.0,4.2}   → 4.1            2 values               → —
    // 4    3.8    {4.2,3.8}   → 4.0            3 values               → —
    // 5    4.4    {3.8,4.4}   → 4.1            {4.0,4.2,3.8,4.4}       4.1   √(0.2/3)  = 0.258198890     [3.841801110, 4.358198890]
    // 6    —      {3.8,4.4}   → 4.1            3 values               → —
    // 7    3.0    {4.4,3.0}   → 3.7            3 values               → —
    // 8    2.6    {3.0,2.6}   → 2.8            {3.8,4.4,3.0,2.6}       3.45  √(1.95/3) = 0.806225775     [2.643774225, 4.256225775]
    // Day 5: baseline 4.1 within, value 4.4 above. Day 8: baseline 2.8 within, value 2.6 below.
    [Fact]
    public void Compute_WorkedExample_MatchesHandComputation()
    {
        var r = DailyBaseline.Compute(Example(), Small);

        Assert.Equal(8, r.Days.Count);
        Assert.Equal(Jan1, r.Days[0].Date);
        Assert.Equal(Jan1.AddDays(7), r.Days[7].Date);

        double?[] values = [4.0, 4.2, null, 3.8, 4.4, null, 3.0, 2.6];
        double?[] baselines = [null, 4.1, 4.1, 4.0, 4.1, 4.1, 3.7, 2.8];
        int[] baselineCounts = [1, 2, 2, 2, 2, 2, 2, 2];
        int[] normalCounts = [1, 2, 2, 3, 4, 3, 3, 4];
        for (var d = 0; d < 8; d++)
        {
            AssertClose(values[d], r.Days[d].Value);
            AssertClose(baselines[d], r.Days[d].Baseline);
            Assert.Equal(baselineCounts[d], r.Days[d].BaselineCount);
            Assert.Equal(normalCounts[d], r.Days[d].NormalCount);
        }

        var day5 = r.Days[4];
        Assert.Equal(4.1, day5.NormalMean!.Value, Tol);
        Assert.Equal(4.1 - Math.Sqrt(0.2 / 3), day5.NormalLower!.Value, Tol);
        Assert.Equal(4.1 + Math.Sqrt(0.2 / 3), day5.NormalUpper!.Value, Tol);
        Assert.Equal(UsualRange.Within, day5.BaselineStatus);
        Assert.Equal(UsualRange.Above, day5.ValueStatus);

        var day8 = r.Days[7];
        Assert.Equal(3.45, day8.NormalMean!.Value, Tol);
        Assert.Equal(2.643774225, day8.NormalLower!.Value, 1e-8);
        Assert.Equal(4.256225775, day8.NormalUpper!.Value, 1e-8);
        Assert.Equal(UsualRange.Within, day8.BaselineStatus);
        Assert.Equal(UsualRange.Below, day8.ValueStatus);
        Assert.Equal(day8, r.Latest);

        foreach (var i in new[] { 0, 1, 2, 3, 5, 6 })
        {
            Assert.Null(r.Days[i].NormalMean);
            Assert.Null(r.Days[i].NormalLower);
            Assert.Null(r.Days[i].BaselineStatus);
            Assert.Null(r.Days[i].ValueStatus);
        }

        Assert.Collection(
            r.Problems,
            p => Assert.Equal(("baseline.duplicate-day", ProblemSeverity.Warning, "[4]"), (p.Code, p.Severity, p.Location)),
            p => Assert.Equal(("baseline.missing-value", ProblemSeverity.Warning, "[5]"), (p.Code, p.Severity, p.Location)));
    }

    // A baseline below the range, with the defaults (7-day baseline, 60-day range ≥ 14 values, k = 0.5): 14 days
    // alternating 4.0, 4.2 (index 0 → 4.0), then 3 days at 3.5. On the last day (index 16) the 60-day window holds all 17.
    [Fact]
    public void Compute_DropAfterStablePeriod_BaselineBelow()
    {
        var input = new List<DailyValue>();
        for (var d = 0; d < 14; d++)
        {
            input.Add(new(Jan1.AddDays(d), d % 2 == 0 ? 4.0 : 4.2));
        }

        for (var d = 14; d < 17; d++)
        {
            input.Add(new(Jan1.AddDays(d), 3.5));
        }

        var r = DailyBaseline.Compute(input);
        var last = r.Latest!.Value;

        // Baseline window, indices 10..16: 4.0, 4.2, 4.0, 4.2, 3.5, 3.5, 3.5 → sum 26.9, mean 26.9/7 = 3.842857.
        Assert.Equal(26.9 / 7, last.Baseline!.Value, Tol);
        // Range: 7 × 4.0 + 7 × 4.2 + 3 × 3.5 = 67.9, mean 67.9/17 = 3.994118, SD (n − 1) = √(1.029412/16) = 0.253649, lower = 3.867293.
        var mean = 67.9 / 17;
        var ss = (7 * Math.Pow(4.0 - mean, 2)) + (7 * Math.Pow(4.2 - mean, 2)) + (3 * Math.Pow(3.5 - mean, 2));
        var sd = Math.Sqrt(ss / 16);
        Assert.Equal(mean, last.NormalMean!.Value, Tol);
        Assert.Equal(mean - (0.5 * sd), last.NormalLower!.Value, Tol);
        Assert.Equal(3.867293, last.NormalLower!.Value, 1e-6);
        Assert.Equal(UsualRange.Below, last.BaselineStatus);
        Assert.Equal(UsualRange.Below, last.ValueStatus);
        Assert.Empty(r.Problems);

        // Day 14 (index 13) is the first day with 14 values in its window; day 13 has none.
        Assert.Null(r.Days[12].NormalMean);
        Assert.NotNull(r.Days[13].NormalMean);
    }

    [Fact]
    public void Compute_TooFewDays_ReportsAndNeverNaN()
    {
        var r = DailyBaseline.Compute([new(Jan1, 4.0), new(Jan1.AddDays(1), 4.1), new(Jan1.AddDays(2), 4.2)]);
        Assert.Equal(3, r.Days.Count);
        Assert.Equal(4.1, r.Days[2].Baseline!.Value, Tol);
        Assert.Null(r.Days[1].Baseline);
        Assert.All(r.Days, d => Assert.Null(d.NormalMean));
        var problem = Assert.Single(r.Problems);
        Assert.Equal(("baseline.too-few-days", ProblemSeverity.Error, "NormalRange"), (problem.Code, problem.Severity, problem.Location));
    }

    [Fact]
    public void Compute_NoFiniteValue_EmptyWithError()
    {
        var r = DailyBaseline.Compute([new(Jan1, double.NaN), new(Jan1.AddDays(1), double.PositiveInfinity)]);
        Assert.Empty(r.Days);
        Assert.Null(r.Latest);
        Assert.Contains(r.Problems, p => p.Code == "baseline.too-few-days" && p.Severity == ProblemSeverity.Error);
        Assert.Equal(2, r.Problems.Count(p => p.Code == "baseline.missing-value"));
    }

    [Fact]
    public void Compute_Empty_EmptyWithError()
    {
        var r = DailyBaseline.Compute([]);
        Assert.Empty(r.Days);
        Assert.Equal("baseline.too-few-days", Assert.Single(r.Problems).Code);
    }

    [Fact]
    public void Compute_SpanOfMillionsOfDays_RefusedNotAllocated()
    {
        var r = DailyBaseline.Compute([new(DateOnly.MinValue, 4.0), new(DateOnly.MaxValue, 4.0)]);
        Assert.Empty(r.Days);
        Assert.Equal("baseline.span-too-long", Assert.Single(r.Problems).Code);
    }

    // Constant values: SD 0, so the range collapses to the mean; a baseline equal to a limit is within.
    [Fact]
    public void Compute_ConstantValues_WithinAtTheLimit()
    {
        var input = Enumerable.Range(0, 20).Select(d => new DailyValue(Jan1.AddDays(d), 4.0)).ToArray();
        var last = DailyBaseline.Compute(input).Latest!.Value;
        Assert.Equal(4.0, last.NormalLower!.Value, Tol);
        Assert.Equal(4.0, last.NormalUpper!.Value, Tol);
        Assert.Equal(UsualRange.Within, last.BaselineStatus);
    }

    [Theory]
    [InlineData(1.0, UsualRange.Below)]
    [InlineData(2.0, UsualRange.Within)]
    [InlineData(2.5, UsualRange.Within)]
    [InlineData(3.0, UsualRange.Within)]
    [InlineData(3.0000001, UsualRange.Above)]
    public void Classify_LimitsInclusive(double value, UsualRange expected) =>
        Assert.Equal(expected, DailyBaseline.Classify(value, 2.0, 3.0));

    [Fact]
    public void Classify_MissingPart_Null()
    {
        Assert.Null(DailyBaseline.Classify(null, 2.0, 3.0));
        Assert.Null(DailyBaseline.Classify(2.5, null, 3.0));
        Assert.Null(DailyBaseline.Classify(2.5, 2.0, null));
    }

    [Fact]
    public void Compute_RandomWithGaps_NoNonFiniteMember()
    {
        var random = new Random(18);
        var input = new List<DailyValue>();
        for (var d = 0; d < 400; d++)
        {
            if (random.NextDouble() < 0.3)
            {
                continue;
            }

            input.Add(new(Jan1.AddDays(d), random.NextDouble() < 0.05 ? double.NaN : Math.Log(20 + (80 * random.NextDouble()))));
        }

        var r = DailyBaseline.Compute(input);
        Assert.All(r.Days, day =>
        {
            foreach (var v in new[] { day.Value, day.Baseline, day.NormalMean, day.NormalLower, day.NormalUpper })
            {
                Assert.True(v is null || double.IsFinite(v.Value));
            }

            Assert.True(day.NormalLower is null || day.NormalLower <= day.NormalUpper);
        });
    }

    [Fact]
    public void Compute_BadOptions_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => DailyBaseline.Compute(null!));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DailyBaseline.Compute([], Small with { MinimumBaselineDays = 4 }));
        Assert.Contains("MinimumBaselineDays", ex.ParamName, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyBaseline.Compute([], Small with { WidthStandardDeviations = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyBaseline.Compute([], Small with { NormalRangeDays = 1, MinimumNormalRangeDays = 1 }));
    }

    private static void AssertClose(double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Equal(expected.Value, actual!.Value, Tol);
        }
    }
}
