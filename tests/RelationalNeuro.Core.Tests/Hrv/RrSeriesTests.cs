using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

public class RrSeriesTests
{
    [Fact]
    public void FromIntervalsMs_ValidValues_KeepsThemWithDurationAndBeatTimes()
    {
        var series = RrSeries.FromIntervalsMs([800, 1000, 1200]);
        Assert.Equal([800, 1000, 1200], series.IntervalsMs.ToArray());
        Assert.Equal(3.0, series.DurationSeconds, 12);
        Assert.Equal([0, 0.8, 1.8, 3.0], series.GetBeatTimesSeconds(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Empty(series.Problems);
        Assert.False(series.HasErrors);
    }

    [Fact]
    public void WithStartTimeSeconds_KeepsEveryIntervalAndProblem_BeatTimesStartThere()
    {
        var series = RrSeries.FromIntervalsMs([800, double.NaN, 1000, 1200]);

        var later = series.WithStartTimeSeconds(1.993851);

        Assert.Equal(series.IntervalsMs.ToArray(), later.IntervalsMs.ToArray());
        Assert.Equal(series.Problems, later.Problems);
        Assert.Equal((series.ProblemCount, series.HasErrors, series.DurationSeconds), (later.ProblemCount, later.HasErrors, later.DurationSeconds));
        Assert.Equal(1.993851, later.StartTimeSeconds);
        // t_k = start + (Σ RR)/1000, the reference dyads' construction.
        Assert.Equal([1.993851, 1.993851 + 0.8, 1.993851 + 1.8, 1.993851 + 3.0], later.GetBeatTimesSeconds());
        Assert.Equal(0, series.StartTimeSeconds);
        Assert.Equal(-30, later.WithStartTimeSeconds(-30).StartTimeSeconds);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e308)]
    [InlineData(-1.0000001e9)]
    public void WithStartTimeSeconds_NotFiniteOrBeyondABillionSeconds_ThrowsNamingTheArgumentAndValue(double start)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RrSeries.FromIntervalsMs([800, 900]).WithStartTimeSeconds(start));
        Assert.Equal("startTimeSeconds", ex.ParamName);
        Assert.Equal(start, ex.ActualValue);
    }

    [Fact]
    public void FromIntervalsMs_BadValues_RefusesNonFiniteAndNonPositiveKeepsImplausible_EachNamedByIndex()
    {
        var series = RrSeries.FromIntervalsMs([800, double.NaN, 0, -5, double.PositiveInfinity, 150, 3500, 900]);

        Assert.Equal([800, 150, 3500, 900], series.IntervalsMs.ToArray());
        Assert.True(series.HasErrors);
        Assert.Equal(
            [("rr.non-finite", "index 1"), ("rr.non-positive", "index 2"), ("rr.non-positive", "index 3"), ("rr.non-finite", "index 4"), ("rr.outside-physiology", "index 5"), ("rr.outside-physiology", "index 6")],
            series.Problems.Select(p => (p.Code, p.Location!)).ToArray());
        Assert.Equal(ProblemSeverity.Warning, series.Problems[^1].Severity);
        Assert.Contains("3500", series.Problems[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromIntervalsSeconds_MultipliesBy1000()
    {
        var series = RrSeries.FromIntervalsSeconds([0.8, 1.25]);
        Assert.Equal([800, 1250], series.IntervalsMs.ToArray());
    }

    [Fact]
    public void FromBeatTimesSeconds_IntervalsAreDifferencesAndStartIsTheFirstBeat()
    {
        var series = RrSeries.FromBeatTimesSeconds([10.0, 10.5, 11.25, 12.0]);
        Assert.Equal([500, 750, 750], series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(10.0, series.StartTimeSeconds);
        Assert.Equal(12.0, series.GetBeatTimesSeconds()[^1], 9);
    }

    [Fact]
    public void FromBeatTimesSeconds_Duplicate_IsDroppedWithAWarning()
    {
        var series = RrSeries.FromBeatTimesSeconds([0.0, 0.8, 0.8, 1.6]);
        Assert.Equal([800, 800], series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        var problem = Assert.Single(series.Problems);
        Assert.Equal(("rr.duplicate-beat-time", "beat 2", ProblemSeverity.Warning), (problem.Code, problem.Location, problem.Severity));
    }

    [Fact]
    public void FromBeatTimesSeconds_Unsorted_RefusesTheWholeSeries()
    {
        var series = RrSeries.FromBeatTimesSeconds([0.0, 1.0, 0.9, 1.8]);
        Assert.Equal(0, series.Count);
        Assert.True(series.HasErrors);
        var problem = Assert.Single(series.Problems);
        Assert.Equal(("rr.beat-times-unsorted", "beat 2"), (problem.Code, problem.Location));
    }

    [Fact]
    public void FromBeatTimesSeconds_NonFiniteTime_IsRefusedAndTheNeighboursMerge()
    {
        var series = RrSeries.FromBeatTimesSeconds([0.0, double.NaN, 1.6]);
        Assert.Equal([1600], series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal("rr.non-finite-beat-time", Assert.Single(series.Problems).Code);
    }

    [Fact]
    public void FromIntervalsMs_ManyProblems_ListsTheFirst100AndCountsAll()
    {
        var values = Enumerable.Repeat(-1.0, 250).Append(800).ToArray();
        var series = RrSeries.FromIntervalsMs(values);
        Assert.Equal(250, series.ProblemCount);
        Assert.Equal(RrSeries.MaxListedProblems + 1, series.Problems.Count);
        Assert.Equal("rr.more-problems", series.Problems[^1].Code);
        Assert.Equal([800], series.IntervalsMs.ToArray());
    }

    [Fact]
    public void Empty_HasNoIntervalsAndNoProblems()
    {
        Assert.Equal(0, RrSeries.FromIntervalsMs([]).Count);
        Assert.Equal(0, RrSeries.Empty.DurationSeconds);
        Assert.Single(RrSeries.Empty.GetBeatTimesSeconds());
    }
}
