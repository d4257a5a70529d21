using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The sinus-rhythm detector and the irregular-rhythm segments on constructed series whose answer follows from the
/// definitions (docs/hrv-artifacts.md): a premature beat is early against the sinus grid, its two intervals are flagged,
/// and the correction replaces them by whole sinus cycles.
/// </summary>
public class ArtifactsSinusRhythmTests
{
    private static readonly ArtifactOptions Sinus = new() { Method = ArtifactMethod.SinusRhythm };

    private static double[] Clean(int n = 200) => [.. Enumerable.Range(0, n).Select(k => 800 + (30 * Math.Sin(2 * Math.PI * k / 7.3)))];

    [Fact]
    public void SinusRhythm_CleanSeries_FlagsNothing()
    {
        var x = Clean();
        var result = Artifacts.Process(x, Sinus);
        Assert.Empty(result.Flags);
        Assert.Empty(result.IrregularSegments);
        Assert.Equal(x, result.NnIntervalsMs.ToArray());
    }

    [Fact]
    public void SinusRhythm_ReadmeSideCheck_FlagsTheShortIntervalEndingAtThePrematureBeatAndTheLongOneAfterIt()
    {
        // ../shared/reference/artifacts README, "Side check": 300 intervals round(800 + 20 sin(2πi/7.3)) ms, intervals 150
        // and 151 set to 500 and 1100 ms. The premature beat closes interval 150. NeuroKit2 labels peak 152 (the normal beat
        // after it) ectopic and moves peaks 151 and 152, altering intervals 150, 151 and 152.
        var rr = Enumerable.Range(0, 300).Select(i => Math.Round(800 + (20 * Math.Sin(2 * Math.PI * i / 7.3)))).ToArray();
        rr[150] = 500;
        rr[151] = 1100;

        var result = Artifacts.Process(rr, Sinus);

        Assert.Equal([new ArtifactFlag(150, ArtifactKind.Premature, ArtifactAction.Interpolated, 500), new ArtifactFlag(151, ArtifactKind.Premature, ArtifactAction.Interpolated, 1100)], result.Flags);
        var nn = result.NnIntervalsMs.ToArray();
        Assert.Equal(rr.Length, nn.Length);
        Assert.Equal(800, nn[150], 9); // (500 + 1100) / 2: two sinus cycles in the time of the pair
        Assert.Equal(800, nn[151], 9);
        Assert.Equal(rr[152], nn[152]); // the interval after the pause is untouched
        Assert.Equal(rr.Sum(), nn.Sum(), 6);
    }

    /// <summary>
    /// An 800-ms rhythm with <paramref name="ectopics"/> premature beats of coupling <paramref name="coupling"/> (each with a
    /// full compensatory pause), one every 40 beats, and at interval 1,000 a beat 12 % early (704 ms) followed by 896 ms.
    /// </summary>
    private static double[] WithEctopy(double coupling, int ectopics)
    {
        var rr = Enumerable.Repeat(800.0, 3000).ToArray();
        for (var e = 0; e < ectopics; e++)
        {
            var i = 20 + (40 * e) + (e >= 24 ? 40 : 0); // leave intervals 980-1020 to the test beat
            rr[i] = coupling * 800;
            rr[i + 1] = (2 - coupling) * 800;
        }

        rr[1000] = 704;
        rr[1001] = 896;
        return rr;
    }

    [Fact]
    public void SinusRhythm_WhereTheRecordingsEctopyIsEarlyCoupled_ABeatOnly12PercentEarlyIsNotPremature()
    {
        // 60 premature beats at coupling 0.5: the recording's ectopic coupling (upper quartile) is 0.5, so a beat later than
        // 0.5 + 0.2 = 0.7 of a cycle is not premature (docs/hrv-artifacts.md, step 4). The 0.88 beat at interval 1,000 is
        // sinus arrhythmia here; every one of the 60 premature beats is still found (both of its intervals).
        var rr = WithEctopy(0.5, 60);
        var flagged = Artifacts.Process(rr, Sinus).FlaggedIndices;
        Assert.DoesNotContain(1000, flagged);
        Assert.DoesNotContain(1001, flagged);
        Assert.Equal(120, flagged.Count);
    }

    [Fact]
    public void SinusRhythm_WhereTheRecordingsEctopyIsLateCoupled_TheSameBeatIsPremature()
    {
        // The same beat among 60 premature beats at coupling 0.85: the limit is 0.85 + 0.2 = 1.05, and 0.88 < 1 − 0.08.
        var rr = WithEctopy(0.85, 60);
        var flagged = Artifacts.Process(rr, Sinus).FlaggedIndices;
        Assert.Contains(1000, flagged);
        Assert.Contains(1001, flagged);
        Assert.Equal(122, flagged.Count);
    }

    [Fact]
    public void SinusRhythm_WithFewerThan50PrematureBeats_LearnsNoCouplingLimit()
    {
        // 40 early-coupled premature beats are too few to learn the recording's coupling from: the 0.88 beat is premature.
        var rr = WithEctopy(0.5, 40);
        var flagged = Artifacts.Process(rr, Sinus).FlaggedIndices;
        Assert.Contains(1000, flagged);
        Assert.Contains(1001, flagged);
        Assert.Equal(82, flagged.Count);
    }

    [Fact]
    public void SinusRhythm_ALongIntervalOfASlowBreath_IsNotAPause_ButAMissedBeatIs()
    {
        // 800-ms rhythm. Interval 100 is 1,040 ms (1.3 cycles) with no premature beat before it: the slow end of a deep
        // breath, not a pause (only intervals above 1.5 cycles are, away from premature beats). Interval 200 is 1,600 ms:
        // a missed beat, two cycles, flagged as a pause.
        var rr = Enumerable.Repeat(800.0, 300).ToArray();
        rr[100] = 1040;
        rr[200] = 1600;

        var result = Artifacts.Process(rr, Sinus);

        Assert.Equal([new ArtifactFlag(200, ArtifactKind.Pause, ArtifactAction.Interpolated, 1600)], result.Flags);
        Assert.Equal(1040, result.NnIntervalsMs[100]);
        Assert.Equal(301, result.NnIntervalsMs.Length); // the missed beat put back: 1,600 ms as two 800-ms cycles
    }

    [Fact]
    public void Default_WithFrequentCompensatedPrematureBeats_UsesTheSinusRhythmDetector()
    {
        // 60 isolated premature beats at coupling 0.5 with full compensatory pauses (≥ 50, three in four ≤ 0.9 of a
        // cycle): the default runs the sinus-rhythm detector (Premature flags on both intervals of each) and says so.
        var result = Artifacts.Process(WithEctopy(0.5, 60));
        Assert.Contains(result.Problems, p => p.Code == "artifacts.frequent-ectopy");
        Assert.Equal(120, result.Flags.Count(f => f.Kind == ArtifactKind.Premature));
        Assert.Equal(result.Flags, Artifacts.Process(WithEctopy(0.5, 60), Sinus).Flags);
    }

    [Fact]
    public void Default_WithFewPrematureBeats_StaysLipponenTarvainenWithTheRange()
    {
        // 40 such beats are too few: the default is L&T + range, whose kinds are its own (no Premature).
        var rr = WithEctopy(0.5, 40);
        var result = Artifacts.Process(rr);
        Assert.DoesNotContain(result.Problems, p => p.Code == "artifacts.frequent-ectopy");
        Assert.DoesNotContain(result.Flags, f => f.Kind is ArtifactKind.Premature or ArtifactKind.Pause);
        Assert.Equal(result.Flags, Artifacts.Process(rr, new ArtifactOptions { Method = ArtifactMethod.LipponenTarvainen }).Flags);
    }

    [Theory]
    [InlineData(641, 137, 19.2, 79)]  // ±21 %, a 19-beat cycle: slow paced breathing with a deep sinus arrhythmia
    [InlineData(1000, 180, 12.3, 0)]  // ±18 %, 12 beats: resonance-frequency breathing
    [InlineData(800, 150, 6.3, 200)]  // ±19 %, 6 beats
    public void Default_OnDeepSlowSinusArrhythmia_StaysLipponenTarvainen(double baseMs, double amplitudeMs, double beatsPerCycle, double phaseDegrees)
    {
        // The sinus-rhythm detector calls the fast phase of such a deep oscillation premature, but never as isolated beats
        // followed by a compensatory pause, so the default does not switch to it (a slow breath is not ectopy).
        var rr = Enumerable.Range(0, 3000).Select(k => baseMs + (amplitudeMs * Math.Sin((2 * Math.PI * k / beatsPerCycle) + (phaseDegrees * Math.PI / 180)))).ToArray();
        var result = Artifacts.Process(rr);
        Assert.DoesNotContain(result.Problems, p => p.Code == "artifacts.frequent-ectopy");
        Assert.DoesNotContain(result.Flags, f => f.Kind is ArtifactKind.Premature or ArtifactKind.Pause);
    }

    [Fact]
    public void SinusRhythm_CompensatedPrematureBeat_RestoresTheSinusCyclesExactly()
    {
        // 800-ms rhythm, a beat 320 ms early with a full compensatory pause: 480 + 1120 ms → 800 + 800 ms.
        var rr = Enumerable.Repeat(800.0, 200).ToArray();
        rr[100] = 480;
        rr[101] = 1120;

        var result = Artifacts.Process(rr, Sinus);

        Assert.Equal([100, 101], result.FlaggedIndices);
        Assert.All(result.NnIntervalsMs.ToArray(), v => Assert.Equal(800, v, 9));
    }

    [Fact]
    public void SinusRhythm_InterpolatedPrematureBeat_IsRemovedLeavingOneSinusCycle()
    {
        // A premature beat between two sinus beats that keep their timing: 350 + 450 ms inside an 800-ms rhythm.
        var x = Clean();
        var rr = x.Take(100).Append(350.0).Append(x[100] - 350).Concat(x.Skip(101)).ToArray();

        var result = Artifacts.Process(rr, Sinus);

        Assert.Equal([100, 101], result.FlaggedIndices);
        Assert.Equal(x, result.NnIntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void SinusRhythm_Bigeminy_FlagsEveryIntervalOfTheEpisodeAndRestoresTheRhythm()
    {
        // 20 premature beats in bigeminy (560 + 1040 ms pairs) inside an 800-ms rhythm: every interval of the episode
        // touches a premature beat; L&T's thresholds, measured on that very alternation, miss most of them.
        var rr = Enumerable.Repeat(800.0, 200).ToArray();
        for (var k = 0; k < 20; k++)
        {
            rr[80 + (2 * k)] = 560;
            rr[81 + (2 * k)] = 1040;
        }

        var result = Artifacts.Process(rr, Sinus);

        Assert.Equal(Enumerable.Range(80, 40), result.FlaggedIndices);
        Assert.All(result.Flags, f => Assert.Equal(ArtifactKind.Premature, f.Kind));
        Assert.All(result.NnIntervalsMs.ToArray(), v => Assert.Equal(800, v, 9));
    }

    [Fact]
    public void IrregularRhythm_RandomIntervals_AreSegmentsWithAProblemAndNoEctopyFlags()
    {
        // Independent uniform 400–1200 ms intervals: irregularly irregular, as atrial fibrillation. Expected per Dash et al.:
        // RMSSD/mean ≈ 0.41 (> 0.1), entropy of a uniform histogram ≈ 1 (> 0.7), turning points ≈ 2/3 (within 0.54–0.77).
        var random = new Random(15);
        var rr = Enumerable.Range(0, 10 * Artifacts.IrregularSegmentLength).Select(_ => 400 + (800 * random.NextDouble())).ToArray();

        var result = Artifacts.Process(rr, Sinus with { Correction = ArtifactCorrection.FlagOnly });
        var report = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IrregularSegments.Count >= 9, $"{result.IrregularSegments.Count} of 10");
        Assert.All(result.IrregularSegments, s => Assert.InRange(s.NormalizedRmssd, 0.3, 0.5));
        Assert.DoesNotContain(result.Flags, f => result.IrregularSegments.Any(s => f.Index >= s.StartIndex && f.Index < s.StartIndex + s.Count));
        Assert.Contains(result.Problems, p => p.Code == "artifacts.irregular-rhythm");
        Assert.Equal(result.IrregularSegments.Count, report.Artifacts!.IrregularSegments.Count);
        Assert.Contains(report.Problems, p => p.Code == "artifacts.irregular-rhythm");
    }

    [Fact]
    public void IrregularRhythm_SegmentTimes_AreSumsOfTheIntervalsBefore()
    {
        var random = new Random(3);
        var rr = Clean(Artifacts.IrregularSegmentLength).Concat(Enumerable.Range(0, Artifacts.IrregularSegmentLength).Select(_ => 400 + (800 * random.NextDouble()))).ToArray();

        var segment = Assert.Single(Artifacts.Process(rr, Sinus).IrregularSegments);

        Assert.Equal(Artifacts.IrregularSegmentLength, segment.StartIndex);
        Assert.Equal(rr.Take(Artifacts.IrregularSegmentLength).Sum() / 1000, segment.StartSeconds, 9);
        Assert.Equal(rr.Skip(Artifacts.IrregularSegmentLength).Sum() / 1000, segment.DurationSeconds, 9);
    }
}
