using RelationalNeuro.Change;
using RelationalNeuro.Core.Tests.Support;

namespace RelationalNeuro.Core.Tests.Change;

public class ChangeDocTests
{
    [Fact]
    public void DocsExample_CompilesRunsAndIsInThePage()
    {
        // doc:begin change
        // A stress score (lower is better): reliability 0.88, norm SD 7.5 (from the instrument's definition).
        ReliableChangeResult rc = ReliableChange.Compute(pre: 30, post: 18, reliability: 0.88,
            normStandardDeviation: 7.5, ChangeDirection.LowerIsBetter);
        // rc.Index = -3.27, rc.Outcome = ReliableImprovement, rc.MinimumReliableChange = 7.2 points

        // The weekly trend ("neuroplasticity rate") over six sessions, with its 95 % confidence interval.
        TrendResult trend = Trend.Fit(weeks: [0, 1, 2, 3, 4, 5], values: [22, 21, 19, 18, 16, 15],
            ChangeDirection.LowerIsBetter);
        // trend.SlopePerWeek = -1.457, CI [-1.651, -1.263], trend.Outcome = Improving
        // doc:end change

        Assert.Equal(-3.265986, rc.Index, 6);
        Assert.Equal(ReliableChangeOutcome.ReliableImprovement, rc.Outcome);
        Assert.Equal(7.2015, rc.MinimumReliableChange, 4);
        Assert.Equal(-1.457143, trend.SlopePerWeek!.Value, 6);
        Assert.Equal(-1.651454, trend.ConfidenceLower!.Value, 6);
        Assert.Equal(-1.262832, trend.ConfidenceUpper!.Value, 6);
        Assert.Equal(TrendOutcome.Improving, trend.Outcome);
        DocSnippet.AssertDocContains("change.md", "change");
    }
}
