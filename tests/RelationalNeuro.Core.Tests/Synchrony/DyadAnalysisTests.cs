using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Synchrony;

/// <summary>The one-call dyad report: stages, verdict, JSON round trip and CSV shape.</summary>
public sealed class DyadAnalysisTests
{
    private static DyadReport Report(string id, DyadAnalysisOptions? options = null)
    {
        var reference = SynchronyReference.Get(id);
        return DyadAnalysis.Analyze(
            SynchronyReference.Series(reference.RrA, reference.FirstBeatA),
            SynchronyReference.Series(reference.RrB, reference.FirstBeatB),
            options ?? DyadAnalysisOptions.Default with { Alignment = DyadAlignmentOptions.Reference, NameA = "the therapist", NameB = "the client" });
    }

    [Fact]
    public void Analyze_BFollowsABy2s_VerdictNamesTheFollowerAndTheLag()
    {
        var report = Report("syn_lag_p2s");

        Assert.Equal(DyadLeader.A, report.Verdict.Leader);
        Assert.Equal(2.0, report.Verdict.LeadSeconds!.Value, 1e-9);
        Assert.Contains("the client followed the therapist by about 2 s", report.Verdict.Text, StringComparison.Ordinal);
        Assert.True(report.Verdict.PercentSegmentsAboveChance > 50);
        Assert.NotNull(report.HrvA?.TimeDomain);
        Assert.Equal(38, report.Windowed.WindowCount);
        Assert.Equal(41, report.LagProfile.Count);
    }

    [Fact]
    public void Analyze_BLeadsBy3s_LeaderIsB()
    {
        var report = Report("syn_lag_m3s");

        Assert.Equal(DyadLeader.B, report.Verdict.Leader);
        Assert.Equal(3.0, report.Verdict.LeadSeconds!.Value, 1e-9);
    }

    [Fact]
    public void Analyze_MatchesTheStagesCalledDirectly()
    {
        var reference = SynchronyReference.Get("syn_lag_p2s");
        var report = Report("syn_lag_p2s");
        var direct = WindowedCrossCorrelation.Compute(reference.Grid);

        // The report's alignment reproduces the reference grid, so its statistics are rMEA's and SUSY's.
        Assert.Equal(direct.GrandAverage!.Value, report.Windowed.GrandAverage!.Value, 1e-9);
        Assert.Equal(
            SynchronyReference.Number(reference.Root.GetProperty("susy").GetProperty("runs").GetProperty("seg30_lag3").GetProperty("as_data_frame").GetProperty("Z")),
            report.Surrogate.Z!.Value,
            1e-9);
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var report = Report("syn_constant_stretch_a") with { DyadId = "d1" };

        var back = DyadReport.FromJson(report.ToJson());

        Assert.Equal(report.ToJson(), back.ToJson());
        Assert.Equal(report.Verdict, back.Verdict);
        Assert.Contains(back.Problems, p => p.Code == "sync.constant-segment");
    }

    [Fact]
    public void ToCsv_HeaderAndRowHaveTheSameColumns()
    {
        var report = Report("real_pair_pyhrvshort_nkresting") with { DyadId = "pair, 1" };

        var csv = DyadReport.ToCsv([report]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(DyadReport.CsvHeader, lines[0]);
        Assert.StartsWith("\"pair, 1\",", lines[1], StringComparison.Ordinal);
        Assert.Equal(DyadReport.CsvColumns.Count, CountFields(lines[1]));
    }

    [Fact]
    public void Analyze_NoOverlap_GivesProblemsNotAThrow()
    {
        var report = DyadAnalysis.Analyze([800.0, 810.0], [790.0]);

        Assert.Equal(0, report.Alignment.SampleCount);
        Assert.Contains(report.Problems, p => p.Code == "sync.too-little-overlap");
        Assert.StartsWith("Synchrony could not be assessed", report.Verdict.Text, StringComparison.Ordinal);
    }

    private static int CountFields(string row)
    {
        var count = 1;
        var quoted = false;
        foreach (var c in row)
        {
            quoted ^= c == '"';
            count += !quoted && c == ',' ? 1 : 0;
        }

        return count;
    }
}
