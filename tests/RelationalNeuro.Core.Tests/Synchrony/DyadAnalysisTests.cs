using RelationalNeuro.Hrv;
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
    public void Analyze_CancelledBeforeTheCall_ThrowsOperationCanceled_NotCancelled_TheSameReport()
    {
        var reference = SynchronyReference.Get("syn_lag_p2s");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var uncancelled = DyadAnalysis.Analyze(reference.RrA, reference.RrB, null, cts.Token);
        Assert.Equal(DyadAnalysis.Analyze(reference.RrA, reference.RrB, null, TestContext.Current.CancellationToken).ToJson(), uncancelled.ToJson());

        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DyadAnalysis.Analyze(reference.RrA, reference.RrB, null, cts.Token));
    }

    [Fact]
    public void Analyze_CancelledWhileItRuns_ThrowsOperationCanceled()
    {
        // Two 12-hour rhythms: the surrogate test's 1,440 segments make 2 million pairs (seconds of work), observed once
        // per segment; a dedicated thread cancels 5 ms after the call started, so the cancellation lands inside it even
        // when a loaded machine runs the canceller late.
        static double[] Rhythm(double shiftS)
        {
            var rr = new List<double>();
            for (var t = 0.0; t < 12 * 3600;)
            {
                var v = 800 + (40 * Math.Sin(2 * Math.PI * (t - shiftS) / 10)) + (15 * Math.Sin(2 * Math.PI * t / 37));
                rr.Add(v);
                t += v / 1000;
            }

            return [.. rr];
        }

        var a = Rhythm(0);
        var b = Rhythm(2);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var started = new ManualResetEventSlim();
        var canceller = new Thread(() =>
        {
            started.Wait(TestContext.Current.CancellationToken);
            Thread.Sleep(5);
            cts.Cancel();
        });
        canceller.Start();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            started.Set();
            return DyadAnalysis.Analyze(a, b, DyadAnalysisOptions.Default with { Hrv = null }, cts.Token);
        });
        canceller.Join();
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
    public void ToCsvRow_EachMembersIrregularRhythm_IsTheTimeItsSegmentsCover()
    {
        // A: 512 regular intervals, 1,024 drawn uniformly from 450–1,050 ms (seed 3), 512 regular; B: regular throughout.
        var random = new Random(3);
        var a = Enumerable.Range(0, 2048).Select(i => i is >= 512 and < 1536 ? 450 + (600 * random.NextDouble()) : 800 + ((i % 7) - 3) * 5.0).ToArray();
        var b = Enumerable.Range(0, 2048).Select(i => 800 + ((i % 5) - 2) * 8.0).ToArray();
        var report = DyadAnalysis.Analyze(RrSeries.FromIntervalsMs(a), RrSeries.FromIntervalsMs(b), cancellationToken: TestContext.Current.CancellationToken);
        var cells = SplitRow(report.ToCsvRow());
        string Cell(string name) => cells[DyadReport.CsvColumns.ToList().IndexOf(name)];

        var segments = report.HrvA!.Artifacts!.IrregularSegments;
        Assert.NotEmpty(segments);
        var expected = segments.Sum(s => a.AsSpan(s.StartIndex, s.Count).ToArray().Sum()) / 1000;
        Assert.Equal(expected, double.Parse(Cell("a_irregular_duration_s"), System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal("0", Cell("b_irregular_duration_s"));

        var skipped = DyadAnalysis.Analyze(RrSeries.FromIntervalsMs(a), RrSeries.FromIntervalsMs(b), DyadAnalysisOptions.Default with { Hrv = null }, TestContext.Current.CancellationToken);
        Assert.Equal("", SplitRow(skipped.ToCsvRow())[DyadReport.CsvColumns.ToList().IndexOf("a_irregular_duration_s")]);
    }

    [Fact]
    public void ToCsvRow_TheScalarsAddedForStudyTablesEqualTheirMembers()
    {
        // syn_constant_stretch_a: every column below has a value (and the constant segment adds a problem).
        var report = Report("syn_constant_stretch_a");
        var cells = SplitRow(report.ToCsvRow());
        double? Cell(string name) => cells[DyadReport.CsvColumns.ToList().IndexOf(name)] is { Length: > 0 } c ? double.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : null;

        (string Column, double? Member)[] expected =
        [
            ("wlcc_computed_cells", report.Windowed.ComputedCellCount), ("wlcc_mean_best_lag_s", report.Windowed.MeanBestLagSeconds),
            ("wlcc_sd_best_lag_s", report.Windowed.SdBestLagSeconds), ("wlcc_mean_best_value", report.Windowed.MeanBestValue),
            ("susy_sd_z", report.Surrogate.SdZ), ("susy_sd_z_pseudo", report.Surrogate.SdZPseudo),
            ("susy_above_pseudo_percent", report.Surrogate.PercentAbovePseudo), ("susy_es_a_lead", report.Surrogate.EsALead),
            ("susy_es_b_lead", report.Surrogate.EsBLead), ("susy_mean_z_in_phase", report.Surrogate.MeanZInPhase),
            ("susy_mean_z_anti_phase", report.Surrogate.MeanZAntiPhase), ("susy_in_phase_lags", report.Surrogate.CountInPhase),
            ("susy_anti_phase_lags", report.Surrogate.CountAntiPhase), ("susy_z_pseudo_no_abs", report.Surrogate.ZPseudoNoAbs),
            ("susy_above_pseudo_no_abs_percent", report.Surrogate.PercentAbovePseudoNoAbs), ("susy_es_no_abs", report.Surrogate.EsNoAbs),
            ("surrogate_pair_z_mean", report.Surrogate.SurrogatePairZMean), ("surrogate_pair_z_sd", report.Surrogate.SurrogatePairZSd),
            ("segments_above_chance", report.Verdict.SegmentsAboveChance), ("problem_count", report.Problems.Count),
        ];
        foreach (var (column, member) in expected)
        {
            Assert.True(member is not null, column);
            Assert.Equal(member, Cell(column));
        }

        Assert.Equal(DyadReport.CsvColumns.Count, DyadReport.CsvColumns.Distinct().Count());
    }

    [Fact]
    public void Analyze_AMembersHrvProblem_IsLocatedAtTheMemberThenTheMetric()
    {
        // A 10-min dyad is too short for the ULF band: each member's HRV report says so, at its metric's name.
        var report = Report("syn_lag_p2s");

        var locations = report.Problems.Where(p => p.Code == "hrv.recording-too-short").Select(p => p.Location).ToList();
        Assert.Equal(["$.hrvA.ULF", "$.hrvB.ULF"], locations);
    }

    [Fact]
    public void Analyze_NoOverlap_GivesProblemsNotAThrow()
    {
        var report = DyadAnalysis.Analyze([800.0, 810.0], [790.0], null, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Alignment.SampleCount);
        Assert.Contains(report.Problems, p => p.Code == "sync.too-little-overlap");
        Assert.StartsWith("Synchrony could not be assessed", report.Verdict.Text, StringComparison.Ordinal);
    }

    /// <summary>The fields of one RFC 4180 row (quoted fields unquoted).</summary>
    private static List<string> SplitRow(string row)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (c == '"' && quoted && i + 1 < row.Length && row[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
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
