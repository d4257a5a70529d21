using RelationalNeuro.Change;

namespace RelationalNeuro.Core.Tests.Change;

public class ReliableChangeTests
{
    private const double Tol = 1e-6;

    // TV10 (research file §10, hand-computed from Jacobson & Truax 1991): lower is better; pre 30, post 18, SD 7.5, r 0.88.
    [Fact]
    public void Compute_TV10_ReliableImprovementLowerIsBetter()
    {
        var r = ReliableChange.Compute(30, 18, 0.88, 7.5, ChangeDirection.LowerIsBetter);
        Assert.Equal(-12, r.Change);
        Assert.Equal(2.598076, r.StandardErrorOfMeasurement, Tol);
        Assert.Equal(3.674235, r.StandardErrorOfDifference, Tol);
        Assert.Equal(-3.265986, r.Index, Tol);
        Assert.Equal(7.2015, r.MinimumReliableChange, 4);
        Assert.Equal(ReliableChangeOutcome.ReliableImprovement, r.Outcome);
        Assert.True(r.IsReliable);
    }

    [Fact]
    public void Compute_TV10_SameChangeHigherIsBetter_IsDeterioration() =>
        Assert.Equal(ReliableChangeOutcome.ReliableDeterioration, ReliableChange.Compute(30, 18, 0.88, 7.5, ChangeDirection.HigherIsBetter).Outcome);

    // Peer unit test of R clinicalsignificance: change −8..8, sd_pre 5, reliability 0.80 → s_diff 3.162278,
    // RCI −2.529822, −1.264911, 0, 1.264911, 2.529822.
    [Theory]
    [InlineData(-8, -2.529822, ReliableChangeOutcome.ReliableDeterioration)]
    [InlineData(-4, -1.264911, ReliableChangeOutcome.NoReliableChange)]
    [InlineData(0, 0, ReliableChangeOutcome.NoReliableChange)]
    [InlineData(4, 1.264911, ReliableChangeOutcome.NoReliableChange)]
    [InlineData(8, 2.529822, ReliableChangeOutcome.ReliableImprovement)]
    public void Compute_ClinicalSignificancePackageVectors(double change, double rci, ReliableChangeOutcome outcome)
    {
        var r = ReliableChange.Compute(50, 50 + change, 0.80, 5, ChangeDirection.HigherIsBetter);
        Assert.Equal(3.162278, r.StandardErrorOfDifference, Tol);
        Assert.Equal(rci, r.Index, Tol);
        Assert.Equal(outcome, r.Outcome);
    }

    // |RC| must exceed the critical value (J&T: "larger than 1.96"): a change of exactly 1.96·S_diff is not reliable.
    // With r = 0.5, SD = 1: S_diff = 1 exactly, so a change of 1.96 gives RC = 1.96 exactly.
    [Fact]
    public void Compute_IndexExactlyAtCriticalValue_IsNotReliable()
    {
        var r = ReliableChange.Compute(0, 1.96, 0.5, 1, ChangeDirection.HigherIsBetter);
        Assert.Equal(1.0, r.StandardErrorOfDifference, 12);
        Assert.Equal(1.96, r.Index, 12);
        Assert.False(r.IsReliable);
    }

    [Fact]
    public void Compute_CustomCriticalValue_Used()
    {
        var r = ReliableChange.Compute(0, 1.7, 0.5, 1, ChangeDirection.HigherIsBetter, 1.645);
        Assert.True(r.IsReliable);
        Assert.Equal(1.645, r.MinimumReliableChange, 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Compute_InvalidReliability_ThrowsNamingIt(double reliability) =>
        Assert.Equal("reliability", Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(1, 2, reliability, 5, ChangeDirection.HigherIsBetter)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Compute_NonPositiveNormSd_ThrowsNamingIt(double sd) =>
        Assert.Equal("normStandardDeviation", Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(1, 2, 0.8, sd, ChangeDirection.HigherIsBetter)).ParamName);

    [Fact]
    public void Compute_NaNScore_ThrowsNamingIt() =>
        Assert.Equal("post", Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(1, double.NaN, 0.8, 5, ChangeDirection.HigherIsBetter)).ParamName);
}
