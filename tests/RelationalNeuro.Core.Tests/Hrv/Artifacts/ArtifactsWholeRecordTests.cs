using System.Text.Json;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Artifact detection on whole labelled Holter days (../shared/reference/artifacts, LTDB 14046, 14149, 14172), scored
/// with the rules of that folder's README. Targets are those of issue 15; where a target is not reached the test asserts
/// what is (and the docs say so).
/// </summary>
public sealed class ArtifactsWholeRecordTests(ITestOutputHelper output)
{
    private static readonly ArtifactOptions Sinus = new() { Method = ArtifactMethod.SinusRhythm, Correction = ArtifactCorrection.FlagOnly };

    public static TheoryData<string> EctopyRecords() => ["14046", "14172"];

    [Theory]
    [InlineData("14046")]
    [InlineData("14149")]
    [InlineData("14172")]
    public void Scorer_ReproducesThePeerScoresOfTheReadme(string id)
    {
        // The scorer is checked against the reference: NeuroKit2's flagged intervals, scored here, give its published numbers.
        var record = LtdbRecord.Load(id);
        var peer = record.Root.GetProperty("peers").GetProperty("neurokit2_signal_fixpeaks_kubios_iterative_false");
        var flagged = peer.GetProperty("rr_indices_flagged").EnumerateArray().Select(e => e.GetInt32()).Where(i => i >= 0 && i < record.RrMs.Length);
        var expected = peer.GetProperty("scores").GetProperty("flagged");
        var score = record.Score(flagged);

        Assert.Equal(expected.GetProperty("true_positives").GetInt32(), score.TruePositives);
        Assert.Equal(expected.GetProperty("false_negatives").GetInt32(), score.FalseNegatives);
        Assert.Equal(expected.GetProperty("false_flags_on_NN").GetInt32(), score.FalseFlags);
        foreach (var context in new[] { "isolated", "alternating", "run" })
        {
            var c = expected.GetProperty("sensitivity_by_context").GetProperty(context);
            var (hit, all) = score.ByContext.GetValueOrDefault(context);
            Assert.Equal(c.GetProperty("n").GetInt32(), all);
            Assert.Equal(c.GetProperty("flagged").GetInt32(), hit);
        }
    }

    [Theory]
    [MemberData(nameof(EctopyRecords))]
    public void SinusRhythm_OnWholeRecords_MeetsEveryTargetOfIssue15AndBeatsEveryPeerInSensitivity(string id)
    {
        var record = LtdbRecord.Load(id);
        var result = Artifacts.Process(record.RrMs, Sinus);
        var irregular = result.IrregularSegments;
        bool Excluded(int i) => irregular.Any(s => i >= s.StartIndex && i < s.StartIndex + s.Count);
        var score = record.Score(result.FlaggedIndices, Excluded);
        var bestPeer = BestPeerSensitivity(record);
        output.WriteLine($"{id} SinusRhythm: {score}; best peer with ≤ 2 % false flags: Se {bestPeer:0.0} %; irregular segments excluded: {irregular.Count}");

        // Issue 15 item 1 on each labelled record: Se ≥ 95 %, PPV ≥ 90 %, ≤ 2 % of NN falsely flagged (the README's rules,
        // the detector's irregular-rhythm segments left out as item 2 asks); and above every peer that keeps ≤ 2 % false flags.
        Assert.True(score.SensitivityPct >= 95, $"{id}: {score}");
        Assert.True(score.PpvPct >= 90, $"{id}: {score}");
        Assert.True(score.FalseFlagPct <= 2, $"{id}: {score}");
        Assert.True(score.SensitivityPct > bestPeer, $"{id}: {score}; best peer {bestPeer:0.0}");
    }

    [Theory]
    [MemberData(nameof(EctopyRecords))]
    public void Default_OnWholeRecords_UsesTheSinusRhythmDetectorAndMeetsEveryTargetOfIssue15(string id)
    {
        // Issue 15 item 1 asks it of the default: on these Holter days (frequent isolated premature beats with a full
        // compensatory pause, three in four at most 0.85 / 0.74 of a cycle early) the default runs the sinus-rhythm
        // detector and says so in a problem.
        var record = LtdbRecord.Load(id);
        var result = Artifacts.Process(record.RrMs);
        var irregular = result.IrregularSegments;
        bool Excluded(int i) => irregular.Any(s => i >= s.StartIndex && i < s.StartIndex + s.Count);
        var score = record.Score(result.FlaggedIndices, Excluded);
        output.WriteLine($"{id} default: {score}; irregular segments excluded: {irregular.Count}");

        Assert.Contains(result.Problems, p => p.Code == "artifacts.frequent-ectopy");
        Assert.Equal(Artifacts.Process(record.RrMs, Sinus with { Correction = ArtifactCorrection.Correct }).Flags, result.Flags);
        Assert.True(score.SensitivityPct >= 95, $"{id}: {score}");
        Assert.True(score.PpvPct >= 90, $"{id}: {score}");
        Assert.True(score.FalseFlagPct <= 2, $"{id}: {score}");
    }

    [Theory]
    [InlineData("14046", ArtifactMethod.Default)]
    [InlineData("14149", ArtifactMethod.Default)]
    [InlineData("14172", ArtifactMethod.SinusRhythm)]
    public void RollingWindowRankPath_OnWholeRecords_GivesTheDoublePathsResultBitForBit(string id, ArtifactMethod method)
    {
        // The rolling windows run over the numbers of the distinct values on these long quantised records (every
        // 91- and 31-beat window of L&T, the screening and the sinus-rhythm detector); forced off, they run over the
        // doubles. Every NN value, flag and irregular segment must be the same.
        var record = LtdbRecord.Load(id);
        var options = new ArtifactOptions { Method = method };
        var ranks = Artifacts.Process(record.RrMs, options);
        ArtifactResult doubles;
        RelationalNeuro.Internal.RollingQuantile.Ranks = -1;
        try
        {
            doubles = Artifacts.Process(record.RrMs, options);
        }
        finally
        {
            RelationalNeuro.Internal.RollingQuantile.Ranks = 0;
        }

        Assert.Equal(doubles.NnIntervalsMs.ToArray().Select(BitConverter.DoubleToInt64Bits), ranks.NnIntervalsMs.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(doubles.Flags, ranks.Flags);
        Assert.Equal(doubles.IrregularSegments, ranks.IrregularSegments);
        Assert.NotEmpty(ranks.Flags);
    }

    [Theory]
    [MemberData(nameof(EctopyRecords))]
    public void PeerMethods_OnWholeRecords_ReportedBesideTheDetector(string id)
    {
        // The library's L&T (= NeuroKit2 Kubios, one pass) and default score as NeuroKit2 does on these records: its flags
        // are the peer's, so its Se must equal the README's row within the few intervals the mean-prepending edge moves.
        var record = LtdbRecord.Load(id);
        var lt = record.Score(Artifacts.Process(record.RrMs, new ArtifactOptions { Method = ArtifactMethod.LipponenTarvainen, Correction = ArtifactCorrection.FlagOnly }).FlaggedIndices);
        var fallback = record.Score(Artifacts.Process(record.RrMs, ArtifactOptions.Default with { Correction = ArtifactCorrection.FlagOnly }).FlaggedIndices);
        var karlsson = record.Score(Artifacts.Process(record.RrMs, new ArtifactOptions { Method = ArtifactMethod.Karlsson, Correction = ArtifactCorrection.FlagOnly }).FlaggedIndices);
        output.WriteLine($"{id} L&T: {lt}");
        output.WriteLine($"{id} Default (L&T + range): {fallback}");
        output.WriteLine($"{id} Karlsson: {karlsson}");
        var nk = record.Root.GetProperty("peers").GetProperty("neurokit2_signal_fixpeaks_kubios_iterative_false").GetProperty("scores").GetProperty("flagged");
        Assert.Equal(nk.GetProperty("sensitivity_pct").GetDouble(), lt.SensitivityPct, 0.1);
    }

    [Theory]
    [InlineData(ArtifactMethod.Default)]
    [InlineData(ArtifactMethod.LipponenTarvainen)]
    [InlineData(ArtifactMethod.Malik)]
    public void ScreenIrregularRhythmOff_On14149_ReportsNoSegmentsAndKeepsEveryFlagAndInterval(ArtifactMethod method)
    {
        // ArtifactOptions.ScreenIrregularRhythm: false runs the detector alone (NeuroKit2's signal_fixpeaks does no
        // screening); only the report of the irregular rhythm goes, never a flag or a corrected interval.
        var record = LtdbRecord.Load("14149");
        var screened = Artifacts.Process(record.RrMs, new ArtifactOptions { Method = method });
        var alone = Artifacts.Process(record.RrMs, new ArtifactOptions { Method = method, ScreenIrregularRhythm = false });
        Assert.NotEmpty(screened.IrregularSegments);
        Assert.Contains(screened.Problems, p => p.Code == "artifacts.irregular-rhythm");
        Assert.Empty(alone.IrregularSegments);
        Assert.DoesNotContain(alone.Problems, p => p.Code == "artifacts.irregular-rhythm");
        Assert.Equal(screened.Flags, alone.Flags);
        Assert.True(screened.NnIntervalsMs.SequenceEqual(alone.NnIntervalsMs));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ScreenIrregularRhythmOff_InTheOneCallAnalysis_OnEitherPath_ReportsNoSegments(int threads)
    {
        // Two threads run the screening beside the detector (HrvAnalysisOptions.MaxDegreeOfParallelism); off, neither path screens.
        var record = LtdbRecord.Load("14149");
        var options = new HrvAnalysisOptions { MaxDegreeOfParallelism = threads };
        var screened = HrvAnalysis.Analyze(record.RrMs, options, TestContext.Current.CancellationToken).Artifacts!;
        var alone = HrvAnalysis.Analyze(record.RrMs, options with { Artifacts = new ArtifactOptions { ScreenIrregularRhythm = false } }, TestContext.Current.CancellationToken).Artifacts!;
        Assert.NotEmpty(screened.IrregularSegments);
        Assert.Empty(alone.IrregularSegments);
        Assert.DoesNotContain(alone.Problems, p => p.Code == "artifacts.irregular-rhythm");
    }

    [Fact]
    public void ScreenIrregularRhythmOff_ForTheSinusRhythmDetector_ChangesNothing()
    {
        // That detector's definition includes the screening (no premature-beat or pause flags inside irregular segments).
        var record = LtdbRecord.Load("14149");
        var screened = Artifacts.Process(record.RrMs, Sinus);
        var alone = Artifacts.Process(record.RrMs, Sinus with { ScreenIrregularRhythm = false });
        Assert.NotEmpty(alone.IrregularSegments);
        Assert.Equal(screened.IrregularSegments, alone.IrregularSegments);
        Assert.Equal(screened.Flags, alone.Flags);
    }

    [Fact]
    public void IrregularRhythm_On14149_FlagsAtLeast90PercentOfHours()
    {
        var record = LtdbRecord.Load("14149");
        var result = Artifacts.Process(record.RrMs, Sinus);
        var (flaggedHours, hours, segmentPct) = HourFraction(record.RrMs, result.IrregularSegments);
        output.WriteLine($"14149: {result.IrregularSegments.Count} of {record.RrMs.Length / Artifacts.IrregularSegmentLength} segments ({segmentPct:0.0} %), hours with at least half their segments irregular {flaggedHours}/{hours}");
        Assert.True(flaggedHours >= 0.9 * hours, $"{flaggedHours}/{hours}");
        Assert.Contains(result.Problems, p => p.Code == "artifacts.irregular-rhythm");
    }

    [Fact]
    public void SinusRhythm_On14149_FlagsFewerNormalIntervalsThanThePeerOfComparableSensitivity()
    {
        // 14149 is irregular throughout and labelled N: flags there are false flags. Inside its irregular segments the
        // sinus-rhythm detector sets no premature flag; in the 10 % of segments the ectopy check keeps (their irregularity
        // is partly explained by premature-looking beats) it flags, so it stays above NeuroKit2 (1.93 %, which finds
        // 19–34 % of ectopy) but far below the peer of comparable sensitivity on the ectopy records, hrv-analysis'
        // outliers + Karlsson (45.5 % here). docs/hrv-artifacts.md gives the figure.
        var record = LtdbRecord.Load("14149");
        var result = Artifacts.Process(record.RrMs, Sinus);
        var score = record.Score(result.FlaggedIndices);
        var karlsson = record.Root.GetProperty("peers").GetProperty("hrvanalysis_outliers_then_ectopic_karlsson")
            .GetProperty("scores").GetProperty("flagged").GetProperty("false_flag_pct_of_NN").GetDouble();
        output.WriteLine($"14149 SinusRhythm (all intervals scored): {score}; hrv-analysis Karlsson {karlsson:0.00} %");
        Assert.True(score.FalseFlagPct < karlsson / 4, $"{score}; Karlsson {karlsson:0.00} %");
        Assert.DoesNotContain(result.Flags, f => f.Kind is ArtifactKind.Premature or ArtifactKind.Pause
            && result.IrregularSegments.Any(s => f.Index >= s.StartIndex && f.Index < s.StartIndex + s.Count));
    }

    [Theory]
    [MemberData(nameof(EctopyRecords))]
    public void IrregularRhythm_OnEctopyRecords_FlagsAtMost1PercentOfSegments(string id)
    {
        var record = LtdbRecord.Load(id);
        var result = Artifacts.Process(record.RrMs, Sinus);
        var segments = record.RrMs.Length / Artifacts.IrregularSegmentLength;
        output.WriteLine($"{id}: {result.IrregularSegments.Count} of {segments} segments irregular");
        Assert.True(result.IrregularSegments.Count <= 0.01 * segments, $"{id}: {result.IrregularSegments.Count} of {segments}");
    }

    [Theory]
    [MemberData(nameof(HrvSeries))]
    public void IrregularRhythm_OnEveryHrvReferenceSeries_FlagsAtMost1PercentOfSegments(string seriesId)
    {
        var reference = HrvReference.Get(seriesId);
        var result = Artifacts.Process(reference.RrMs);
        var segments = reference.RrMs.Length / Artifacts.IrregularSegmentLength;
        output.WriteLine($"{seriesId}: {result.IrregularSegments.Count} of {segments} segments irregular");
        Assert.True(result.IrregularSegments.Count <= 0.01 * segments, $"{seriesId}: {result.IrregularSegments.Count} of {segments}");
    }

    public static TheoryData<string> HrvSeries() => HrvReference.Ids();

    [Theory]
    [InlineData("ltdb_14046_ectopic_5min", "known_artifacts.rr_indices_touching_non_normal_beat")]
    [InlineData("rrhs_003_0300s_5min_artifacts", "known_artifacts.rr_indices_below_300ms")]
    public void SinusRhythm_OnShortLabelledSeries_FindsAtLeast95PercentWithAtMost2PercentFalseFlags(string seriesId, string truthField)
    {
        // The target the default detector is held to in ArtifactsReferenceTests, on the same ground truth.
        SharedData.RequireDirectory(Path.Combine("reference", "hrv"));
        var reference = HrvReference.Get(seriesId);
        var truth = reference.Indices(truthField)!.ToHashSet();
        var flagged = Artifacts.Process(reference.RrMs, Sinus).FlaggedIndices;
        var hits = flagged.Count(truth.Contains);
        var falseFlags = flagged.Count(i => !truth.Contains(i));
        var normal = reference.RrMs.Length - truth.Count;
        output.WriteLine($"{seriesId} SinusRhythm: {hits}/{truth.Count} found, {falseFlags} false of {normal} [{string.Join(",", flagged.Where(i => !truth.Contains(i)))}]");
        Assert.True(hits >= 0.95 * truth.Count && falseFlags <= 0.02 * normal, $"{seriesId}: {hits}/{truth.Count}, false {falseFlags} of {normal}");
    }

    private static (int Flagged, int Hours, double SegmentPct) HourFraction(double[] rr, IReadOnlyList<IrregularRhythmSegment> irregular)
    {
        var perHour = new Dictionary<int, (int Irregular, int All)>();
        var isIrregular = irregular.Select(s => s.StartIndex).ToHashSet();
        var t = 0.0;
        var segments = 0;
        for (var s = 0; s + Artifacts.IrregularSegmentLength <= rr.Length; s += Artifacts.IrregularSegmentLength)
        {
            var hour = (int)(t / 3_600_000);
            var (irr, all) = perHour.GetValueOrDefault(hour);
            perHour[hour] = (irr + (isIrregular.Contains(s) ? 1 : 0), all + 1);
            for (var i = s; i < s + Artifacts.IrregularSegmentLength; i++)
            {
                t += rr[i];
            }

            segments++;
        }

        return (perHour.Values.Count(h => h.Irregular * 2 >= h.All), perHour.Count, 100.0 * irregular.Count / segments);
    }

    private static double BestPeerSensitivity(LtdbRecord record)
    {
        var best = 0.0;
        foreach (var peer in record.Root.GetProperty("peers").EnumerateObject())
        {
            if (!peer.Value.TryGetProperty("scores", out var scores))
            {
                continue;
            }

            foreach (var variant in scores.EnumerateObject())
            {
                if (variant.Value.TryGetProperty("false_flag_pct_of_NN", out var ff) && ff.ValueKind == JsonValueKind.Number && ff.GetDouble() <= 2
                    && variant.Value.TryGetProperty("sensitivity_pct", out var se) && se.ValueKind == JsonValueKind.Number)
                {
                    best = Math.Max(best, se.GetDouble());
                }
            }
        }

        return best;
    }
}
