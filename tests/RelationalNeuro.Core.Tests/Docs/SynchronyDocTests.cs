using RelationalNeuro.Core.Tests.Synchrony;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Tests.Docs;

public sealed class SynchronyDocTests
{
    [Fact]
    public void SynchronyDoc_DyadExample_CompilesRunsAndIsInTheDoc()
    {
        var reference = SynchronyReference.Get("syn_lag_p2s");
        var therapistRrMs = reference.RrA;
        var clientRrMs = reference.RrB;

#pragma warning disable xUnit1051 // the doc's example as a reader writes it (the token is optional)
        // doc:synchrony
        var report = DyadAnalysis.Analyze(therapistRrMs, clientRrMs, DyadAnalysisOptions.Default with
        {
            NameA = "the therapist",
            NameB = "the client",
        });
        var verdict = report.Verdict.Text;
        // "Heart rhythms moved together above chance in 84 % of the session (16 of 19 segments of 30 s);
        //  the client followed the therapist by about 2 s."
        var json = report.ToJson();
        var csv = DyadReport.ToCsv([report]);

        var dyad = DyadAlignment.Align(therapistRrMs, clientRrMs);     // 4 Hz IBI grid from the later start, no extrapolation
        var wlcc = WindowedCrossCorrelation.Compute(dyad, WindowedCrossCorrelationOptions.Rmea);
        var susy = SurrogateSynchrony.Compute(dyad, SurrogateSynchronyOptions.Susy);
        // end-doc:synchrony
#pragma warning restore xUnit1051

        Assert.Equal(
            "Heart rhythms moved together above chance in 84 % of the session (16 of 19 segments of 30 s); the client followed the therapist by about 2 s.",
            verdict);
        Assert.Contains("\"verdict\"", json, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(38, wlcc.WindowCount);
        Assert.Equal(19, susy.SegmentCount);
        DocExample.AssertDocContains("docs/synchrony.md", "synchrony");
    }
}
