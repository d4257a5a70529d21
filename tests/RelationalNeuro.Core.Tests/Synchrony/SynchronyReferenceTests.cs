using System.Text.Json;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Synchrony;

/// <summary>
/// Every dyad of ../shared/reference/synchrony against what rMEA 1.2.2 (<c>MEAccf</c>) and SUSY 0.1.0 (<c>susy()</c>,
/// all pairs) returned on the same grid, to the README's tolerance 1e-9 + 1e-9·|expected|, with exact NaN patterns and
/// best lags; and the aligner against the reference grid CSVs to 1e-8 ms.
/// </summary>
public sealed class SynchronyReferenceTests
{
    public static TheoryData<string> Ids() => SynchronyReference.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Align_ReferenceRrFiles_ReproducesTheGridCsvTo1e8Ms(string id)
    {
        var reference = SynchronyReference.Get(id);
        var dyad = DyadAlignment.Align(
            SynchronyReference.Series(reference.RrA, reference.FirstBeatA),
            SynchronyReference.Series(reference.RrB, reference.FirstBeatB),
            DyadAlignmentOptions.Reference with { MinimumOverlapSeconds = 0 });

        Assert.Equal(reference.GridA.Length, dyad.Count);
        Assert.True(Math.Abs(dyad.StartTimeSeconds - reference.GridT[0]) <= 1e-9, $"T0 {dyad.StartTimeSeconds} vs {reference.GridT[0]}");
        for (var j = 0; j < dyad.Count; j++)
        {
            Assert.True(Math.Abs(dyad.SeriesA[j] - reference.GridA[j]) <= 1e-8, $"{id} A[{j}]: {dyad.SeriesA[j]:R} vs {reference.GridA[j]:R}");
            Assert.True(Math.Abs(dyad.SeriesB[j] - reference.GridB[j]) <= 1e-8, $"{id} B[{j}]: {dyad.SeriesB[j]:R} vs {reference.GridB[j]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void WindowedCrossCorrelation_EveryRmeaRun_MatchesRmeaCellByCell(string id)
    {
        var reference = SynchronyReference.Get(id);
        var runs = reference.Root.GetProperty("rmea").GetProperty("runs");
        foreach (var run in runs.EnumerateObject())
        {
            var p = run.Value.GetProperty("params");
            var options = new WindowedCrossCorrelationOptions
            {
                MaxLagSeconds = p.GetProperty("lagSec").GetDouble(),
                WindowSeconds = p.GetProperty("winSec").GetDouble(),
                IncrementSeconds = p.GetProperty("incSec").GetDouble(),
                FisherZ = p.GetProperty("r2Z").GetBoolean(),
                AbsoluteValues = p.GetProperty("ABS").GetBoolean(),
            };
            var result = WindowedCrossCorrelation.Compute(reference.Grid, options);
            var what = $"{id}/{run.Name}";
            Assert.Empty(result.Problems);
            Assert.Equal(run.Value.GetProperty("n_windows").GetInt32(), result.WindowCount);
            Assert.Equal(SynchronyReference.Numbers(run.Value.GetProperty("lags_s")), result.LagsSeconds);

            var ccf = run.Value.GetProperty("ccf");
            var w = 0;
            foreach (var row in ccf.EnumerateArray())
            {
                var l = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    SynchronyReference.Close(SynchronyReference.Number(cell), result.Cell(w, l), $"{what} ccf[{w},{l}]");
                    l++;
                }

                w++;
            }

            var perWindow = run.Value.GetProperty("per_window");
            var hasLeads = options.MaxLagSeconds > 0;
            for (w = 0; w < result.WindowCount; w++)
            {
                var window = result.Windows[w];
                Check(perWindow, "all_lags", w, window.AllLags, what);
                Check(perWindow, "lag_zero", w, window.LagZero, what);
                Check(perWindow, "bestLag_s", w, window.BestLagSeconds, what);
                Check(perWindow, "max_value", w, window.BestValue, what);
                Assert.Equal(run.Value.GetProperty("window_start_sample")[w].GetInt32() / 4.0, window.StartSeconds);
                if (hasLeads)
                {
                    Check(perWindow, "s1_lead", w, window.ALead, what);
                    Check(perWindow, "s2_lead", w, window.BLead, what);
                    Check(perWindow, "s1_lead_0", w, window.ALeadWithZero, what);
                    Check(perWindow, "s2_lead_0", w, window.BLeadWithZero, what);
                }
                else
                {
                    Assert.Null(window.ALead);
                    Assert.Null(window.BLeadWithZero);
                }
            }

            SynchronyReference.Close(SynchronyReference.Number(run.Value.GetProperty("grandAver")), result.GrandAverage, $"{what} grandAver");
            var summary = run.Value.GetProperty("summary_MEAlist_rounded4");
            if (summary.TryGetProperty("A_lead", out var aLead))
            {
                // rMEA's summary() rounds to 4 decimals; the library keeps full precision.
                Rounded4(summary.GetProperty("all_lags"), result.GrandAverage, $"{what} summary all_lags");
                Rounded4(aLead, result.MeanALead, $"{what} summary A_lead");
                Rounded4(summary.GetProperty("B_lead"), result.MeanBLead, $"{what} summary B_lead");
                Rounded4(summary.GetProperty("lag_zero"), result.MeanLagZero, $"{what} summary lag_zero");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void SurrogateSynchrony_EverySusyRun_MatchesSusy(string id)
    {
        var reference = SynchronyReference.Get(id);
        foreach (var run in reference.Root.GetProperty("susy").GetProperty("runs").EnumerateObject())
        {
            var p = run.Value.GetProperty("params");
            var options = new SurrogateSynchronyOptions { SegmentSeconds = p.GetProperty("segment_s").GetDouble(), MaxLagSeconds = p.GetProperty("maxlag_s").GetDouble() };
            var result = SurrogateSynchrony.Compute(reference.Grid, options);
            var what = $"{id}/{run.Name}";

            // SUSY's lag axis is the library's reversed: SUSY lag k correlates A later with B earlier.
            var susyLags = SynchronyReference.Numbers(run.Value.GetProperty("lags_s"));
            Assert.Equal(susyLags.Select(l => -l).Reverse().Select(l => l + 0.0), result.LagsSeconds.Select(l => l + 0.0));
            var lagtimes = run.Value.GetProperty("lagtimes2");
            Profile(lagtimes, "meanccorrReal", result.RealMeanAbsR.Select(v => (double?)v).ToArray(), what);
            Profile(lagtimes, "meanccorrPseudo", result.SurrogateMeanAbsR.Select(v => (double?)v).ToArray(), what);
            Profile(lagtimes, "meanccorrRealZ", [.. result.RealMeanAbsZ], what);
            Profile(lagtimes, "meanccorrRealZNotAbs", [.. result.RealMeanZ], what);
            Profile(lagtimes, "meanccorrPseudoZ", [.. result.SurrogateMeanAbsZ], what);
            Profile(lagtimes, "meanccorrPseudoZNotAbs", [.. result.SurrogateMeanZ], what);

            var segments = run.Value.GetProperty("segment_data");
            var nReal = SynchronyReference.Numbers(segments.GetProperty("nReal"));
            var nPseudo = SynchronyReference.Numbers(segments.GetProperty("nPseudo"));
            Assert.Equal(nReal.Length, result.SegmentCount);
            for (var i = 0; i < nReal.Length; i++)
            {
                SynchronyReference.Close(nReal[i], result.SegmentMeanAbsR[i], $"{what} nReal[{i}]");
                SynchronyReference.Close(nPseudo[i], result.SegmentSurrogateMeanAbsR[i], $"{what} nPseudo[{i}]");
            }

            var df = run.Value.GetProperty("as_data_frame");
            Assert.Equal((int)df.GetProperty("n(data)").GetDouble(), result.SampleCount);
            Assert.Equal((int)df.GetProperty("n(Segmente)").GetDouble(), result.SegmentCount);
            Assert.Equal((int)run.Value.GetProperty("susy_params").GetProperty("maxlagHz").GetDouble(), result.MaxLagSamples);
            Stat(df, "Z", result.Z, what);
            Stat(df, "Z-Pseudo", result.ZPseudo, what);
            Stat(df, "SD(Z)", result.SdZ, what);
            Stat(df, "SD(Z-Pseudo)", result.SdZPseudo, what);
            Stat(df, "%>Pseudo", result.PercentAbovePseudo, what);
            Stat(df, "ES", result.Es, what);
            Stat(df, "Z(lead1)", result.ZALead, what);
            Stat(df, "Z(lead2)", result.ZBLead, what);
            Stat(df, "ES(lead1)", result.EsALead, what);
            Stat(df, "ES(lead2)", result.EsBLead, what);
            Stat(df, "meanZ(in-phase)", result.MeanZInPhase, what);
            Stat(df, "meanZ(anti-phase)", result.MeanZAntiPhase, what);
            Stat(df, "Anzahl(in-phase)", result.CountInPhase, what);
            Stat(df, "Anzahl(anti-phase)", result.CountAntiPhase, what);
            Stat(df, "Z(noAbs)", result.ZNoAbs, what);
            Stat(df, "Z(Pseudo-noAbs)", result.ZPseudoNoAbs, what);
            Stat(df, "%>Pseudo(noAbs)", result.PercentAbovePseudoNoAbs, what);
            Stat(df, "ES(noAbs)", result.EsNoAbs, what);
        }
    }

    [Fact]
    public void PseudoDyads_OnTwoThreadsWithProgress_EqualsTheOneThreadComparison_WhichMatchesRmea()
    {
        // The one-thread comparison is checked against rMEA below; the threaded one must give the same doubles.
        var json = SynchronyReference.PseudoShuffle();
        var dyads = json.GetProperty("real").EnumerateArray().Select(r => SynchronyReference.Get(r.GetProperty("dyad_id").GetString()!).Grid).ToArray();
        var reports = new System.Collections.Concurrent.ConcurrentBag<int>();

        var one = PseudoDyads.CompareGrandAverages(dyads);
        var two = PseudoDyads.CompareGrandAveragesCancellable(dyads, null, false, 2, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(one.PseudoGrandAverages, two.PseudoGrandAverages);
        Assert.Equal(one.RealGrandAverages, two.RealGrandAverages);
        Assert.Equal(one.Comparison, two.Comparison);
        Assert.Equal(Enumerable.Range(1, one.Pairs.Count), reports.Order());
    }

    [Fact]
    public void PseudoDyads_Cancelled_Throws_NoThreads_ThrowsNamingTheArgument()
    {
        var dyads = new[] { SynchronyReference.Get("syn_lag_p2s").Grid, SynchronyReference.Get("syn_independent").Grid };

        Assert.ThrowsAny<OperationCanceledException>(() => PseudoDyads.CompareGrandAveragesCancellable(dyads, null, false, 2, null, new CancellationToken(canceled: true)));
        Assert.ThrowsAny<OperationCanceledException>(() => PseudoDyads.CompareGrandAveragesCancellable(dyads, null, false, 1, null, new CancellationToken(canceled: true)));
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => PseudoDyads.CompareGrandAveragesCancellable(dyads, null, false, 0, null, CancellationToken.None)).ParamName);
    }

    /// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [Fact]
    public void PseudoDyads_RmeaShuffleMax_MatchesPseudoShuffleJson()
    {
        var json = SynchronyReference.PseudoShuffle();
        var order = json.GetProperty("real").EnumerateArray().Select(r => r.GetProperty("dyad_id").GetString()!).ToArray();
        var dyads = order.Select(id => SynchronyReference.Get(id).Grid).ToArray();
        var indexOf = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var sets = json.GetProperty("param_sets").EnumerateArray().ToArray();
        foreach (var shuffle in json.GetProperty("shuffles").EnumerateArray())
        {
            var keepRoles = shuffle.GetProperty("keepRoles").GetBoolean();
            var pairs = PseudoDyads.Shuffle(dyads, keepRoles);
            var expected = shuffle.GetProperty("pseudo").EnumerateArray().ToArray();
            Assert.Equal(shuffle.GetProperty("n_pseudo").GetInt32(), pairs.Count);
            for (var i = 0; i < pairs.Count; i++)
            {
                var s1 = expected[i].GetProperty("s1");
                var s2 = expected[i].GetProperty("s2");
                Assert.Equal(indexOf[s1.GetProperty("dyad_id").GetString()!], pairs[i].FirstDyad);
                Assert.Equal(s1.GetProperty("member").GetString(), pairs[i].FirstMember.ToString());
                Assert.Equal(indexOf[s2.GetProperty("dyad_id").GetString()!], pairs[i].SecondDyad);
                Assert.Equal(s2.GetProperty("member").GetString(), pairs[i].SecondMember.ToString());
                Assert.Equal(expected[i].GetProperty("n_samples").GetInt32(), pairs[i].SampleCount);
            }

            foreach (var set in sets)
            {
                var setId = set.GetProperty("id").GetString()!;
                var options = new WindowedCrossCorrelationOptions
                {
                    MaxLagSeconds = set.GetProperty("lagSec").GetDouble(),
                    WindowSeconds = set.GetProperty("winSec").GetDouble(),
                    IncrementSeconds = set.GetProperty("incSec").GetDouble(),
                    FisherZ = set.GetProperty("r2Z").GetBoolean(),
                    AbsoluteValues = set.GetProperty("ABS").GetBoolean(),
                };
                var comparison = PseudoDyads.CompareGrandAverages(dyads, options, keepRoles);
                for (var i = 0; i < pairs.Count; i++)
                {
                    SynchronyReference.Close(SynchronyReference.Number(expected[i].GetProperty("grandAver_" + setId)), comparison.PseudoGrandAverages[i], $"pseudo {i} {setId}");
                }

                var summary = shuffle.GetProperty("summary_" + setId);
                SynchronyReference.Close(summary.GetProperty("real_mean").GetDouble(), comparison.Comparison.RealMean, "real_mean");
                SynchronyReference.Close(summary.GetProperty("real_sd_ddof1").GetDouble(), comparison.Comparison.RealSd, "real_sd");
                SynchronyReference.Close(summary.GetProperty("pseudo_mean").GetDouble(), comparison.Comparison.PseudoMean, "pseudo_mean");
                SynchronyReference.Close(summary.GetProperty("pseudo_sd_ddof1").GetDouble(), comparison.Comparison.PseudoSd, "pseudo_sd");
                SynchronyReference.Close(summary.GetProperty("rmea_cohens_d_real_vs_pseudo").GetDouble(), comparison.Comparison.CohensD, "cohens_d");
            }
        }
    }

    private static void Check(JsonElement perWindow, string field, int w, double? actual, string what) =>
        SynchronyReference.Close(SynchronyReference.Number(perWindow.GetProperty(field)[w]), actual, $"{what} {field}[{w}]");

    private static void Rounded4(JsonElement expected, double? actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.String)
        {
            Assert.True(double.IsNaN(SynchronyReference.Number(expected)) && actual is null, $"{what}: rMEA {expected}, library {actual}");
            return;
        }

        Assert.True(actual.HasValue, what);
        Assert.True(Math.Abs(actual!.Value - expected.GetDouble()) <= 5e-5 + 1e-12, $"{what}: rMEA {expected.GetDouble()}, library {actual}");
    }

    private static void Profile(JsonElement lagtimes, string name, double?[] actual, string what)
    {
        var expected = SynchronyReference.Numbers(lagtimes.GetProperty(name)).Reverse().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            SynchronyReference.Close(expected[i], actual[i], $"{what} {name}[{i}] (library order)");
        }
    }

    private static void Stat(JsonElement df, string name, double? actual, string what) =>
        SynchronyReference.Close(SynchronyReference.Number(df.GetProperty(name)), actual, $"{what} {name}");
}
