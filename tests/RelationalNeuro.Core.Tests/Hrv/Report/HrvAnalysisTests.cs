using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// HrvAnalysis: the oracle is the individual calls (Artifacts.Process, then each HrvMetrics function on the NN series
/// with the same options) on every reference file in ../shared/reference/hrv; plus analytic answers on an alternating
/// 800/900-ms series (RMSSD = |900 − 800| = 100 ms, MeanNN = 850 ms, duration = sum of intervals).
/// </summary>
public sealed class HrvAnalysisTests
{
    /// <summary>The shared empty list: <c>with { Problems = NoProblems }</c> on two results leaves them equal when the rest is.</summary>
    private static readonly IReadOnlyList<Problem> NoProblems = ProblemList.Empty;

    /// <summary>Absolute range only: the analytic series has no artifacts and L&amp;T's adaptive thresholds would be degenerate on a constant |ΔRR|.</summary>
    private static readonly HrvAnalysisOptions RangeOnly = HrvAnalysisOptions.Default with
    {
        Artifacts = ArtifactOptions.Default with { Method = ArtifactMethod.AbsoluteRange },
    };

    /// <summary>
    /// Issue 19: nsr2db nsr001 is a 22.5-h Holter (the reference README's summary); ULF is defined on 24 h, so it is left
    /// empty — but nothing is wrong with the recording, so the problem is Info, not Error.
    /// </summary>
    [Fact]
    public void Analyze_HolterShorterThanADay_UlfLeftOutAsInfoNotError()
    {
        var reference = HrvReference.Get("nsr2db_nsr001_24h");
        var hours = reference.RrMs.Sum() / 3_600_000;
        Assert.InRange(hours, 22, 23); // the premise: a day-long Holter a little short of 24 h

        var report = HrvAnalysis.Analyze(reference.RrMs, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(report.FrequencyDomain!.Value.UlfPowerMs2);
        var ulf = Assert.Single(report.Problems, p => p.Location == "ULF");
        Assert.Equal("hrv.recording-too-short", ulf.Code);
        Assert.Equal(ProblemSeverity.Info, ulf.Severity);
        Assert.NotNull(report.FrequencyDomain.Value.VlfPowerMs2);
        Assert.NotNull(report.TimeDomain!.Value.SdannMs);
    }

    /// <summary>SDANN needs two 300-s segments (Task Force 1996): a 9-min recording leaves it empty, as Info.</summary>
    [Fact]
    public void Analyze_NineMinutes_SdannLeftOutAsInfo()
    {
        var rr = Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? 850.0 : 950.0).ToArray(); // 600 × 900 ms on average = 540 s

        var report = HrvAnalysis.Analyze(rr, RangeOnly, TestContext.Current.CancellationToken);

        var sdann = Assert.Single(report.Problems, p => p.Location == "SDANN");
        Assert.Equal(ProblemSeverity.Info, sdann.Severity);
        Assert.DoesNotContain(report.Problems, p => p.Code == "hrv.recording-too-short" && p.Severity != ProblemSeverity.Info);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void Analyze_ReferenceSeries_EqualsTheIndividualCalls(string id)
    {
        var reference = HrvReference.Get(id);
        var options = HrvAnalysisOptions.Default;

        var report = HrvAnalysis.Analyze(reference.RrMs, options, cancellationToken: TestContext.Current.CancellationToken);

        var artifacts = Artifacts.Process(reference.RrMs, options.Artifacts);
        var nn = artifacts.NnIntervalsMs.ToArray();
        Assert.Equal(reference.RrMs.Length, report.Input.InputCount);
        Assert.Equal(reference.RrMs.Length, report.Input.AcceptedCount);
        Assert.Equal(reference.RrMs.Min(), report.Input.MinRrMs);
        Assert.Equal(reference.RrMs.Max(), report.Input.MaxRrMs);
        Assert.Equal(reference.RrMs.Average(), report.Input.MeanRrMs!.Value, 1e-9);
        Assert.NotNull(report.Artifacts);
        Assert.Equal(artifacts.FlaggedIndices, report.Artifacts.FlaggedIndices);
        Assert.Equal(artifacts.FlaggedCount, report.Artifacts.FlaggedCount);
        foreach (var kind in Enum.GetValues<ArtifactKind>())
        {
            Assert.Equal(artifacts.CountOf(kind), report.Artifacts.CountOf(kind));
        }

        Assert.Equal(nn.Length, report.Artifacts.NnCount);

        var time = HrvMetrics.TimeDomain(nn, options.TimeDomain);
        Assert.Equal(time with { Problems = NoProblems }, report.TimeDomain!.Value with { Problems = NoProblems });
        var poincare = HrvMetrics.Poincare(nn, options.Poincare);
        Assert.Equal(poincare with { Problems = NoProblems }, report.Poincare!.Value with { Problems = NoProblems });
        var frequency = HrvMetrics.FrequencyDomain(nn, options.FrequencyDomain);
        Assert.Equal(frequency with { Problems = NoProblems }, report.FrequencyDomain!.Value with { Problems = NoProblems });
        var sampleEntropy = HrvMetrics.SampleEntropy(nn, options.Entropy);
        Assert.Equal(sampleEntropy with { Problems = NoProblems }, report.SampleEntropy!.Value with { Problems = NoProblems });
        Assert.Equal(sampleEntropy.Problems, report.SampleEntropy.Value.Problems);
        var approximateEntropy = HrvMetrics.ApproximateEntropy(nn, options.Entropy);
        Assert.Equal(approximateEntropy with { Problems = NoProblems }, report.ApproximateEntropy!.Value with { Problems = NoProblems });
        Assert.Equal(approximateEntropy.Problems, report.ApproximateEntropy.Value.Problems);
        var dfa = HrvMetrics.DetrendedFluctuation(nn, options.Dfa);
        Assert.Equal(dfa with { Problems = NoProblems }, report.Dfa!.Value with { Problems = NoProblems });
        var autonomic = HrvMetrics.Autonomic(nn, options.Autonomic);
        Assert.Equal(autonomic with { Problems = NoProblems }, report.Autonomic!.Value with { Problems = NoProblems });

        // Every stage's problems, in stage order (input first), each stage's also on its own member.
        var series = RrSeries.FromIntervalsMs(reference.RrMs);
        Assert.Equal(series.Problems, report.Input.Problems);
        Assert.Equal(artifacts.Problems, report.Artifacts.Problems);
        var expected = series.Problems
            .Concat(artifacts.Problems)
            .Concat(time.Problems)
            .Concat(poincare.Problems)
            .Concat(frequency.Problems)
            .Concat(sampleEntropy.Problems)
            .Concat(approximateEntropy.Problems)
            .Concat(dfa.Problems)
            .Concat(autonomic.Problems);
        Assert.Equal(expected, report.Problems);
    }

    [Fact]
    public void Analyze_Alternating800And900_RmssdIs100()
    {
        var rr = Alternating(301);

        var report = HrvAnalysis.Analyze(rr, RangeOnly, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Artifacts!.FlaggedCount);
        Assert.Equal(100, report.TimeDomain!.Value.RmssdMs!.Value, 1e-9);
        Assert.Equal((151 * 800.0 + 150 * 900.0) / 301, report.TimeDomain.Value.MeanNnMs!.Value, 1e-9);
        Assert.Equal(255.8, report.Input.DurationSeconds, 1e-9);
        Assert.Equal(800, report.Input.MinRrMs);
        Assert.Equal(900, report.Input.MaxRrMs);
        // Poincaré SD1 = SD of (RR_i − RR_i+1)/√2 = ±100/√2 alternating; analytic sample SD of ±a over N−1 = 300 points: a·√(300/299).
        Assert.Equal(100 / Math.Sqrt(2) * Math.Sqrt(300.0 / 299.0), report.Poincare!.Value.Sd1Ms!.Value, 1e-9);
    }

    [Fact]
    public void Analyze_SkippedStages_AreNull()
    {
        var options = RangeOnly with { IncludeEntropy = false, IncludeDfa = false, IncludeFrequencyDomain = false };

        var report = HrvAnalysis.Analyze(Alternating(301), options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(report.TimeDomain);
        Assert.Null(report.FrequencyDomain);
        Assert.Null(report.SampleEntropy);
        Assert.Null(report.ApproximateEntropy);
        Assert.Null(report.Dfa);
    }

    [Fact]
    public void Analyze_RrSeriesOverload_ReportsSeriesProblemsFirstAndInInput()
    {
        var series = RrSeries.FromIntervalsMs([800, double.NaN, 810, -5, 820, 805, 815]);

        var report = HrvAnalysis.Analyze(series, RangeOnly, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, report.Input.AcceptedCount);
        Assert.Equal(2, report.Input.ProblemCount);
        Assert.Equal(["rr.non-finite", "rr.non-positive"], report.Input.Problems.Select(p => p.Code));
        Assert.Equal(series.Problems, report.Problems.Take(2));
    }

    [Fact]
    public void Analyze_AllNaN_GivesProblemsNotAnException()
    {
        var report = HrvAnalysis.Analyze([double.NaN, double.NaN, double.PositiveInfinity], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Input.InputCount);
        Assert.Equal(0, report.Input.AcceptedCount);
        Assert.Null(report.Input.MeanRrMs);
        Assert.Null(report.Artifacts);
        Assert.Null(report.TimeDomain);
        Assert.Equal("hrv.no-intervals", report.Problems[^1].Code);
        Assert.Equal(3, report.Input.Problems.Count);
        Assert.Equal(report.Input.Problems, report.Problems.Take(3));
        Assert.Equal(4, report.Problems.Count);
    }

    [Fact]
    public void ToJson_RoundTrip_KeepsEveryMetricAndProblem()
    {
        var original = HrvAnalysis.Analyze(RealisticSeries(600), HrvAnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken) with { RecordingId = "p01" };

        var copy = HrvReport.FromJson(original.ToJson());

        Assert.Equal(original.RecordingId, copy.RecordingId);
        Assert.Equal(original.Input with { Problems = NoProblems }, copy.Input with { Problems = NoProblems });
        Assert.Equal(original.Input.Problems, copy.Input.Problems);
        Assert.Equal(original.Artifacts!.FlaggedIndices, copy.Artifacts!.FlaggedIndices);
        Assert.Equal(original.Artifacts.FlaggedByKind, copy.Artifacts.FlaggedByKind);
        Assert.Equal(original.TimeDomain!.Value with { Problems = NoProblems }, copy.TimeDomain!.Value with { Problems = NoProblems });
        Assert.Equal(original.TimeDomain.Value.Problems, copy.TimeDomain.Value.Problems);
        Assert.Equal(original.Poincare!.Value with { Problems = NoProblems }, copy.Poincare!.Value with { Problems = NoProblems });
        Assert.Equal(original.FrequencyDomain!.Value with { Problems = NoProblems }, copy.FrequencyDomain!.Value with { Problems = NoProblems });
        Assert.Equal(original.FrequencyDomain.Value.Problems, copy.FrequencyDomain.Value.Problems);
        Assert.Equal(original.SampleEntropy!.Value with { Problems = NoProblems }, copy.SampleEntropy!.Value with { Problems = NoProblems });
        Assert.Equal(original.SampleEntropy.Value.Problems, copy.SampleEntropy.Value.Problems);
        Assert.Equal(original.ApproximateEntropy!.Value with { Problems = NoProblems }, copy.ApproximateEntropy!.Value with { Problems = NoProblems });
        Assert.Equal(original.ApproximateEntropy.Value.Problems, copy.ApproximateEntropy.Value.Problems);
        Assert.Equal(original.Dfa!.Value with { Problems = NoProblems }, copy.Dfa!.Value with { Problems = NoProblems });
        Assert.Equal(original.Problems, copy.Problems);
        Assert.Equal(original.ToCsvRow(), copy.ToCsvRow());
    }

    [Fact]
    public void ToJson_FieldNames_MatchTheSnapshot()
    {
        var report = HrvAnalysis.Analyze(RealisticSeries(600), HrvAnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken) with { RecordingId = "p01" };

        using var document = JsonDocument.Parse(report.ToJson());
        var root = document.RootElement;

        Assert.Equal(
            ["recordingId", "input", "artifacts", "timeDomain", "poincare", "frequencyDomain", "sampleEntropy", "approximateEntropy", "dfa", "problems", "autonomic"],
            Names(root));
        Assert.Equal(
            ["inputCount", "acceptedCount", "durationSeconds", "minRrMs", "maxRrMs", "meanRrMs", "problemCount", "problems"],
            Names(root.GetProperty("input")));
        Assert.Equal(
            ["method", "correction", "flaggedCount", "flaggedByKind", "flaggedIndices", "nnCount", "nnDurationSeconds", "problems", "irregularSegments"],
            Names(root.GetProperty("artifacts")));
        Assert.Equal(["kind", "count"], Names(root.GetProperty("artifacts").GetProperty("flaggedByKind")[0]));
        Assert.Equal("Ectopic", root.GetProperty("artifacts").GetProperty("flaggedByKind")[0].GetProperty("kind").GetString());
        Assert.Equal(
            ["value", "toleranceMs", "embeddingDimension", "templateCount", "matchingPairsM", "matchingPairsMPlusOne", "problems"],
            Names(root.GetProperty("sampleEntropy")));
        Assert.Equal(["alpha1", "alpha2", "problems"], Names(root.GetProperty("dfa")));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("timeDomain").GetProperty("rmssdMs").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("poincare").GetProperty("sd1Ms").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("frequencyDomain").GetProperty("hfPowerMs2").ValueKind);
        Assert.Equal("Welch", root.GetProperty("frequencyDomain").GetProperty("method").GetString());
        var problem = root.GetProperty("problems")[0];
        Assert.Equal(["code", "message", "severity", "location"], Names(problem));
        Assert.Equal(JsonValueKind.String, problem.GetProperty("severity").ValueKind);
    }

    [Fact]
    public void CsvRow_HasAsManyColumnsAsTheHeader()
    {
        var report = HrvAnalysis.Analyze(RealisticSeries(600), HrvAnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken) with { RecordingId = "p01" };

        var header = HrvReport.CsvHeader.Split(',');
        var row = report.ToCsvRow().Split(',');

        Assert.Equal(header.Length, row.Length);
        Assert.Equal(HrvReport.CsvColumns, header);
        Assert.Equal(header.Length, header.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("p01", row[0]);
    }

    [Fact]
    public void CsvRow_IrregularRhythm_CountsTheSegmentsAndTheTimeTheyCover()
    {
        // 512 regular intervals, 1,024 drawn uniformly from 450–1,050 ms (seed 3), 512 regular: segments of 128 intervals
        // start at multiples of 128, so the irregular ones can only be among segments 4–11, whose durations are sums of
        // the input's own intervals.
        var random = new Random(3);
        var rr = Enumerable.Range(0, 2048).Select(i => i is >= 512 and < 1536 ? 450 + (600 * random.NextDouble()) : 800 + ((i % 7) - 3) * 5.0).ToArray();
        var report = HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken);
        var segments = report.Artifacts!.IrregularSegments;
        Assert.InRange(segments.Count, 6, 8); // most of the eight wholly irregular segments (Dash et al.'s tests are statistical)
        Assert.All(segments, s => Assert.InRange(s.StartIndex / 128, 4, 11));

        var cells = Cells(report);

        Assert.Equal(segments.Count.ToString(CultureInfo.InvariantCulture), cells["irregular_segment_count"]);
        var expected = segments.Sum(s => rr.AsSpan(s.StartIndex, s.Count).ToArray().Sum()) / 1000;
        Assert.Equal(expected, double.Parse(cells["irregular_duration_s"], CultureInfo.InvariantCulture), 1e-9);

        var regular = Cells(HrvAnalysis.Analyze(Alternating(2048), HrvAnalysisOptions.Default, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(("0", "0"), (regular["irregular_segment_count"], regular["irregular_duration_s"]));
    }

    [Fact]
    public void CsvRow_UnderGermanCulture_UsesInvariantNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var report = HrvAnalysis.Analyze(Alternating(301), RangeOnly, cancellationToken: TestContext.Current.CancellationToken);

            var cells = Cells(report);

            Assert.Equal("255.8", cells["input_duration_s"]);
            Assert.Equal("100", cells["rmssd_ms"]);
            Assert.Equal(HrvReport.CsvColumns.Count, report.ToCsvRow().Split(',').Length);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void CsvRow_NullMetrics_AreEmptyCells()
    {
        // 301 beats ≈ 256 s: no complete pair of 5-min segments, so SDANN is null; entropy skipped.
        var report = HrvAnalysis.Analyze(Alternating(301), RangeOnly with { IncludeEntropy = false }, cancellationToken: TestContext.Current.CancellationToken);

        var cells = Cells(report);

        Assert.Null(report.TimeDomain!.Value.SdannMs);
        Assert.Equal(string.Empty, cells["sdann_ms"]);
        Assert.Equal(string.Empty, cells["sample_entropy"]);
        Assert.Equal(string.Empty, cells["approximate_entropy"]);
        Assert.Equal(string.Empty, cells["recording_id"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ToJsonAndCsv_TooShortSeries_RoundTripWithNullMetrics(int count)
    {
        // Fewer than 3 intervals: SD1 (minimum 3) is null, as are the entropies and DFA.
        var report = HrvAnalysis.Analyze(Alternating(count), RangeOnly, cancellationToken: TestContext.Current.CancellationToken);

        var copy = HrvReport.FromJson(report.ToJson());

        Assert.Equal(report.Problems, copy.Problems);
        Assert.Equal(report.ToCsvRow(), copy.ToCsvRow());
        Assert.Equal(HrvReport.CsvColumns.Count, report.ToCsvRow().Split(',').Length);
        Assert.Equal(string.Empty, Cells(report)["sd1_ms"]);
        Assert.NotEmpty(report.Problems);
    }

    [Fact]
    public void ToCsv_Reports_HeaderThenOneLinePerReport()
    {
        HrvReport[] reports =
        [
            HrvAnalysis.Analyze(Alternating(301), RangeOnly, cancellationToken: TestContext.Current.CancellationToken) with { RecordingId = "a" },
            HrvAnalysis.Analyze([double.NaN], cancellationToken: TestContext.Current.CancellationToken) with { RecordingId = "b,c" },
        ];

        var lines = HrvReport.ToCsv(reports).Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.Equal(HrvReport.CsvHeader, lines[0]);
        Assert.Equal(reports[0].ToCsvRow(), lines[1]);
        Assert.StartsWith("\"b,c\",1,0,", lines[2], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public async Task AnalyzeManyAsync_ReportsProgressForEachAndKeepsInputOrder()
    {
        var recordings = Enumerable.Range(0, 8)
            .Select(i => ($"r{i}", i == 3 ? [double.NaN, double.NaN] : RealisticSeries(300 + (i * 50), seed: i)))
            .ToArray();
        var progress = new CollectingProgress();

        var reports = await HrvAnalysis.AnalyzeManyAsync(recordings, RangeOnly, progress, TestContext.Current.CancellationToken);

        Assert.Equal(recordings.Select(r => r.Item1), reports.Select(r => r.RecordingId));
        Assert.Equal(Enumerable.Range(0, 8), progress.Items.Select(p => p.Index).Order());
        Assert.Equal(Enumerable.Range(1, 8), progress.Items.Select(p => p.Completed).Order());
        Assert.All(progress.Items, p => Assert.Equal(8, p.Total));
        Assert.All(progress.Items, p => Assert.Equal($"r{p.Index}", p.Id));
        for (var i = 0; i < recordings.Length; i++)
        {
            Assert.Equal(recordings[i].Item2.Length, reports[i].Input.InputCount);
        }

        Assert.Contains(reports[3].Problems, p => p.Code == "hrv.no-intervals");
        Assert.NotNull(reports[4].TimeDomain);
    }

    [Fact]
    public async Task AnalyzeManyAsync_NullArray_GivesAReportWithAProblem()
    {
        (string, double[])[] recordings = [("ok", RealisticSeries(300)), ("missing", null!)];

        var reports = await HrvAnalysis.AnalyzeManyAsync(recordings, RangeOnly, null, TestContext.Current.CancellationToken);

        Assert.NotNull(reports[0].TimeDomain);
        Assert.Equal("missing", reports[1].RecordingId);
        Assert.Contains(reports[1].Problems, p => p.Code == "hrv.no-data");
    }

    [Fact]
    public async Task AnalyzeManyAsync_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        (string, double[])[] recordings = [("a", RealisticSeries(300))];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HrvAnalysis.AnalyzeManyAsync(recordings, RangeOnly, null, cts.Token));
    }

    [Fact]
    public async Task AnalyzeManyAsync_CancelledDuringTheBatch_ThrowsOperationCanceled()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var recordings = Enumerable.Range(0, 200).Select(i => ($"r{i}", RealisticSeries(2000, seed: i))).ToArray();
        var progress = new CollectingProgress(onReport: cts.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HrvAnalysis.AnalyzeManyAsync(recordings, HrvAnalysisOptions.Default, progress, cts.Token));
        Assert.True(progress.Items.Count < recordings.Length);
    }

    private static double[] Alternating(int count) => Enumerable.Range(0, count).Select(i => i % 2 == 0 ? 800.0 : 900.0).ToArray();

    /// <summary>Seeded RR around 800 ms with 0.1- and 0.25-Hz modulation and noise (no artifacts).</summary>
    private static double[] RealisticSeries(int count, int seed = 7)
    {
        var random = new Random(seed);
        var rr = new double[count];
        var t = 0.0;
        for (var i = 0; i < count; i++)
        {
            rr[i] = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (25 * Math.Sin(2 * Math.PI * 0.25 * t)) + (20 * (random.NextDouble() - 0.5));
            t += rr[i] / 1000;
        }

        return rr;
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static Dictionary<string, string> Cells(HrvReport report) =>
        HrvReport.CsvColumns.Zip(report.ToCsvRow().Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    private sealed class CollectingProgress(Action? onReport = null) : IProgress<HrvBatchProgress>
    {
        private readonly ConcurrentQueue<HrvBatchProgress> _items = new();

        public IReadOnlyList<HrvBatchProgress> Items => _items.ToArray();

        public void Report(HrvBatchProgress value)
        {
            _items.Enqueue(value);
            onReport?.Invoke();
        }
    }
}
