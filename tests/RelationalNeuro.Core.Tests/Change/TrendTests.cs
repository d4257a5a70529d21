using RelationalNeuro.Change;

namespace RelationalNeuro.Core.Tests.Change;

public class TrendTests
{
    private const double Tol = 1e-6;

    // TV14 ✔ SciPy (research file §10): weeks 0..5, y 22,21,19,18,16,15 (lower is better, e.g. a stress score).
    [Fact]
    public void Fit_TV14_SlopeInterval()
    {
        var r = Trend.Fit([0, 1, 2, 3, 4, 5], [22, 21, 19, 18, 16, 15], ChangeDirection.LowerIsBetter);
        Assert.Equal(-1.457143, r.SlopePerWeek!.Value, Tol);
        Assert.Equal(22.142857, r.Intercept!.Value, Tol);
        Assert.Equal(0.069985, r.StandardError!.Value, Tol);
        Assert.Equal(-1.651454, r.ConfidenceLower!.Value, Tol);
        Assert.Equal(-1.262832, r.ConfidenceUpper!.Value, Tol);
        Assert.Equal(0.990857, r.RSquared!.Value, Tol);
        Assert.Equal(6, r.Count);
        Assert.Equal(TrendOutcome.Improving, r.Outcome);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Fit_TV14_HigherIsBetter_IsWorsening() =>
        Assert.Equal(TrendOutcome.Worsening, Trend.Fit([0, 1, 2, 3, 4, 5], [22, 21, 19, 18, 16, 15], ChangeDirection.HigherIsBetter).Outcome);

    // Analytic: y = 2 + 0.5·t exactly → slope 0.5, SE 0, interval collapses to 0.5, R² 1.
    [Fact]
    public void Fit_ExactLine_ZeroStandardError()
    {
        var r = Trend.Fit([0, 2, 4, 6], [2, 3, 4, 5], ChangeDirection.HigherIsBetter);
        Assert.Equal(0.5, r.SlopePerWeek!.Value, 12);
        Assert.Equal(0, r.StandardError!.Value, 12);
        Assert.Equal(1, r.RSquared!.Value, 12);
        Assert.Equal(TrendOutcome.Improving, r.Outcome);
    }

    // Dated sessions: daily sessions rising by 1 per day → 7 per week.
    [Fact]
    public void Fit_DatedSessions_SlopeIsPerWeek()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] when = [start, start.AddDays(1), start.AddDays(2), start.AddDays(3)];
        var r = Trend.Fit(when, [10, 11, 12, 13], ChangeDirection.HigherIsBetter, 0.95);
        Assert.Equal(7, r.SlopePerWeek!.Value, 9);
    }

    [Fact]
    public void Fit_MissingValue_OmittedWithWarning()
    {
        var r = Trend.Fit([0, 1, 2, 3, 4, 5, 6], [22, 21, double.NaN, 19, 18, 16, 15], ChangeDirection.LowerIsBetter);
        Assert.Equal(6, r.Count);
        Assert.Single(r.Problems, p => p.Code == "trend.missing-value" && p.Location == "[2]" && p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void Fit_TwoObservations_SlopeWithoutInterval()
    {
        var r = Trend.Fit([0, 1], [10, 12], ChangeDirection.HigherIsBetter);
        Assert.Equal(2, r.SlopePerWeek);
        Assert.Null(r.ConfidenceLower);
        Assert.Null(r.Outcome);
        Assert.Contains(r.Problems, p => p.Code == "trend.too-few-observations");
    }

    [Fact]
    public void Fit_OneObservation_NoSlope()
    {
        var r = Trend.Fit([0], [10], ChangeDirection.HigherIsBetter);
        Assert.Null(r.SlopePerWeek);
        Assert.Contains(r.Problems, p => p.Code == "trend.too-few-observations");
    }

    // One usable observation: the NaN is left out (warning), then no slope (error); ToString shows both codes.
    [Fact]
    public void Fit_ToString_ShowsProblemCountAndCodes()
    {
        double[] values = [4, double.NaN];
        var text = Trend.Fit([0, 1], values, ChangeDirection.HigherIsBetter).ToString();
        Assert.Contains("Problems = 2 problems (trend.missing-value, trend.too-few-observations)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SameTime_NoSlope() =>
        Assert.Contains(Trend.Fit([1, 1, 1], [10, 11, 12], ChangeDirection.HigherIsBetter).Problems, p => p.Code == "trend.no-time-spread");

    [Fact]
    public void Fit_NoisyFlat_NoClearTrend() =>
        Assert.Equal(TrendOutcome.NoClearTrend, Trend.Fit([0, 1, 2, 3, 4], [10, 12, 9, 11, 10], ChangeDirection.HigherIsBetter).Outcome);

    [Fact]
    public void Fit_MismatchedLengths_Throws() =>
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Trend.Fit([0, 1, 2], [1, 2], ChangeDirection.HigherIsBetter)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    public void Fit_BadConfidenceLevel_Throws(double level) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => Trend.Fit([0, 1, 2], [1, 2, 3], ChangeDirection.HigherIsBetter, level)).ParamName);
}
