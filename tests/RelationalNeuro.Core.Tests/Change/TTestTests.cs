using RelationalNeuro.Change;

namespace RelationalNeuro.Core.Tests.Change;

public class TTestTests
{
    // Student's (1908) sleep data as shipped in R's `datasets::sleep` (extra hours of sleep, drug 1 and drug 2, the same 10
    // patients). The expected values are R's documented example, `example(t.test)` (R 4.2.2 prints the same digits):
    //   t.test(extra ~ group, data = sleep)                  Welch: t = -1.8608, df = 17.776, p-value = 0.07939,
    //                                                        95 percent CI -3.3654832 0.2054832
    //   t.test(extra ~ group, data = sleep, var.equal = TRUE) Student: t = -1.8608, df = 18, p-value = 0.07919,
    //                                                        95 percent CI -3.363874 0.203874
    //   with(sleep, t.test(extra[group == 1], extra[group == 2], paired = TRUE))
    //                                                        t = -4.0621, df = 9, p-value = 0.002833, CI -2.4598858 -0.7001142
    private static readonly double[] Drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] Drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Independent_Welch_MatchesRSleepExample()
    {
        var r = TTest.Independent(Drug1, Drug2);
        Assert.Equal(TTestKind.Welch, r.Kind);
        Assert.Equal(0.75 - 2.33, r.MeanDifference, 12);
        Assert.Equal(-1.8608, r.T!.Value, 4);
        Assert.Equal(17.776, r.DegreesOfFreedom!.Value, 3);
        Assert.Equal(0.07939, r.PValue!.Value, 5);
        Assert.Equal(-3.3654832, r.ConfidenceLower!.Value, 7);
        Assert.Equal(0.2054832, r.ConfidenceUpper!.Value, 7);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Independent_Student_MatchesRSleepExample()
    {
        var r = TTest.Independent(Drug1, Drug2, TTestKind.Student);
        Assert.Equal(-1.8608, r.T!.Value, 4);
        Assert.Equal(18, r.DegreesOfFreedom);
        Assert.Equal(0.07919, r.PValue!.Value, 5);
        Assert.Equal(-3.363874, r.ConfidenceLower!.Value, 6);
        Assert.Equal(0.203874, r.ConfidenceUpper!.Value, 6);
        Assert.Equal(TTest.Quantile(0.975, 18), r.CriticalValue!.Value, 12);
    }

    [Fact]
    public void Paired_MatchesRSleepExample_DifferenceIsPostMinusPre()
    {
        // R's x − y with x = drug 1 is post − pre here with post = drug 1.
        var r = TTest.Paired(pre: Drug2, post: Drug1);
        Assert.Equal(-1.58, r.MeanDifference, 12);
        Assert.Equal(-4.0621, r.T!.Value, 4);
        Assert.Equal(9, r.DegreesOfFreedom);
        Assert.Equal(0.002833, r.PValue!.Value, 6);
        Assert.Equal(-2.4598858, r.ConfidenceLower!.Value, 7);
        Assert.Equal(-0.7001142, r.ConfidenceUpper!.Value, 7);
    }

    // TV13 ✔ SciPy (research file §10): paired t = −6.604194 (= d_z·√8) with df 7.
    [Fact]
    public void Paired_TV13()
    {
        var r = TTest.Paired([28, 24, 31, 22, 26, 30, 25, 27], [22, 21, 24, 20, 23, 24, 22, 21]);
        Assert.Equal(-6.604194, r.T!.Value, 6);
        Assert.Equal(7, r.DegreesOfFreedom);
        Assert.Equal(1.927248 / Math.Sqrt(8), r.StandardError, 6);
    }

    // Summaries give the same test as raw scores; Welch df analytic for equal n and SD: df = 2(n − 1).
    [Fact]
    public void Independent_Summaries_EqualSdAndN_WelchDfIsPooledDf()
    {
        var r = TTest.FromSummaries(20, 5, 30, 15, 5, 30, TTestKind.Welch, 0.95);
        Assert.Equal(58, r.DegreesOfFreedom!.Value, 10);
        Assert.Equal(5 / (5 * Math.Sqrt(2.0 / 30)), r.T!.Value, 12);
    }

    // Printed t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2): t(0.975, 10) = 2.228, t(0.975, 18) = 2.101, t(0.95, 5) = 2.015.
    [Theory]
    [InlineData(0.975, 10, 2.228)]
    [InlineData(0.975, 18, 2.101)]
    [InlineData(0.95, 5, 2.015)]
    public void Quantile_MatchesPrintedTable(double p, double df, double expected) =>
        Assert.Equal(expected, TTest.Quantile(p, df), 3);

    [Fact]
    public void ConstantGroups_ZeroVariance_NullStatisticsWithProblem()
    {
        var r = TTest.Independent([3, 3, 3], [3, 3, 3], TTestKind.Welch);
        Assert.Null(r.T);
        Assert.Null(r.PValue);
        Assert.Null(r.DegreesOfFreedom);
        Assert.Contains(r.Problems, p => p.Code == "change.zero-variance");
        var s = TTest.Independent([3, 3, 3], [3, 3, 3], TTestKind.Student);
        Assert.Null(s.T);
        Assert.Equal(4, s.DegreesOfFreedom);
    }

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("group1", Assert.Throws<ArgumentException>(() => TTest.Independent([1], [1, 2])).ParamName);
        Assert.Equal("post", Assert.Throws<ArgumentException>(() => TTest.Paired([1, 2, 3], [1, 2])).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => TTest.Independent([1, 2], [1, 2], TTestKind.Paired)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => TTest.Quantile(1, 5)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => TTest.Paired([1, 2], [2, 4], double.NaN)).ParamName);
    }
}
