using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Regression tests for issue 13's numeric HRV defects (items 1, 6, 7 and 8): each input below hung, ran out of memory,
/// threw an untyped exception or returned NaN/∞ before the calculable range and the work bounds (docs/reliability.md).
/// </summary>
public class HrvHardeningTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static double[] Filled(int count, double value) => Enumerable.Repeat(value, count).ToArray();

    private static double[] Normal(int count, int seed = 13)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => 800 + (random.NextDouble() * 100) - 50).ToArray();
    }

    // Defect 1: never returns / unbounded memory.
    [Fact]
    public void Spectrum_LongFirstIntervalThenShortOnes_IsTooShortNotAThrow()
    {
        // Found by the property suite (seed 20261186, and five more): 60.2 s of intervals passes the 60-s HF rule, but the
        // resampled grid runs from the first beat to the last — 0.19 s, one point at 4 Hz — and Welch's segment clamp threw.
        double[] nn = [60_000, 74.4748447902849, 51.29098466191952, 69.61130195744862];

        var result = HrvMetrics.FrequencyDomain(nn);
        Assert.Null(result.HfPowerMs2);
        Assert.Contains(result.Problems, p => p.Code == "hrv.too-short-for-spectrum");

        var spectrum = HrvMetrics.PowerSpectralDensity(nn);
        Assert.Empty(spectrum.FrequenciesHz);
        Assert.Contains(spectrum.Problems, p => p.Code == "hrv.too-short-for-spectrum");

        var report = HrvAnalysis.Analyze([60_000, 74.4748447902849, 51.29098466191952, 100_000_000_000, 69.61130195744862], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(report.Problems, p => p.Code == "hrv.too-short-for-spectrum");
    }

    [Fact]
    public void TimeDomain_ThreeMaxValues_ThrowsNamingTheArgumentInsteadOfSpinning()
    {
        var exception = Within.Throws<ArgumentException>(Bound, () => HrvMetrics.TimeDomain(Filled(3, 1e308)));
        Assert.Equal("nnMs", exception.ParamName);
        Assert.Contains("nnMs[0] was 1E+308", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeDomain_300BeatsOf1e11Ms_ThrowsQuickly() // before the guard: over 30 s
    {
        var exception = Within.Throws<ArgumentException>(TimeSpan.FromSeconds(10), () => HrvMetrics.TimeDomain(Filled(300, 1e11)));
        Assert.Equal("nnMs", exception.ParamName);
    }

    [Fact]
    public void TimeDomain_LongestCalculableIntervals_ReturnsWithFiniteMetrics()
    {
        // 60,000 ms beats in 1-s segments: each beat passes 60 segment ends; the work is bounded by 60 per beat.
        var r = Within.Returns(Bound, () => HrvMetrics.TimeDomain([.. Filled(50_000, RrSeries.MaximumIntervalMs), 59_000], new TimeDomainOptions { SegmentDurationSeconds = 1 }));
        ResultInspector.AssertFinite(r);
        Assert.Equal((double?)1.0, r.MinHrBpm);
        Assert.Equal(50_001, r.IntervalCount);
    }

    [Fact]
    public void TimeDomain_SegmentShorterThanOneSecond_IsAProgrammerError()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.TimeDomain(Normal(10), new TimeDomainOptions { SegmentDurationSeconds = 1e-300 }));
        Assert.Equal("options.SegmentDurationSeconds", exception.ParamName);
    }

    [Fact]
    public void FrequencyDomain_PicosecondValues_ThrowsInsteadOfSizingAGridByDuration()
    {
        var exception = Within.Throws<ArgumentException>(Bound, () => HrvMetrics.FrequencyDomain(Filled(300, 8e11)));
        Assert.Equal("nnMs", exception.ParamName);
    }

    [Fact]
    public void FrequencyDomain_GridAboveTheBound_IsAProblemNotAnAllocation()
    {
        // 300 beats of 800 ms at 1 MHz: 2.4e8 resampled points, above 2^24.
        var r = Within.Returns(Bound, () => HrvMetrics.FrequencyDomain(Normal(300), FrequencyDomainOptions.Default with { ResamplingRateHz = 1e6 }));
        Assert.Contains(r.Problems, p => p.Code == "hrv.too-long-for-spectrum");
        Assert.Null(r.HfPowerMs2);
        ResultInspector.AssertFinite(r);
    }

    [Fact]
    public void FrequencyDomain_LombGridAboveTheBound_IsAProblem()
    {
        var options = FrequencyDomainOptions.Default with { Method = SpectralMethod.LombScargle, LombSamplesPerPeak = 1e9 };
        var r = Within.Returns(Bound, () => HrvMetrics.FrequencyDomain(Normal(300), options));
        Assert.Contains(r.Problems, p => p.Code == "hrv.too-long-for-spectrum");
    }

    // Defect 7: untyped exceptions on huge values.
    [Fact]
    public void HeartRhythmCoherence_HugeValues_ThrowsArgumentException()
    {
        var exception = Within.Throws<ArgumentException>(Bound, () => HeartRhythmCoherence.Compute(Filled(300, 1e300)));
        Assert.Equal("nnMs", exception.ParamName);
    }

    [Fact]
    public void HeartRhythmCoherence_StepBelowOneResampledPoint_IsAProgrammerError()
    {
        var options = CoherenceOptions.Default with { StepSeconds = 1e-300 };
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HeartRhythmCoherence.Compute(Normal(300), options));
        Assert.Equal("options.StepSeconds", exception.ParamName);
    }

    [Fact]
    public void MultiscaleEntropy_300MaxValues_ThrowsArgumentExceptionNotIndexOutOfRange()
    {
        var exception = Within.Throws<ArgumentException>(Bound, () => HrvMetrics.MultiscaleEntropy(Filled(300, double.MaxValue)));
        Assert.Equal("rrMs", exception.ParamName);
    }

    [Fact]
    public void MultiscaleEntropy_ScaleIntMaxValue_IsAProgrammerErrorNotAnAllocation()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.MultiscaleEntropy(Normal(300), int.MaxValue));
        Assert.Equal("maxScale", exception.ParamName);
    }

    // Defect 6: NaN/∞ in results.
    [Fact]
    public void TimeDomain_SubnormalInterval_ThrowsInsteadOfInfiniteHeartRate()
    {
        var exception = Assert.Throws<ArgumentException>(() => HrvMetrics.TimeDomain([800, 1e-310, 810]));
        Assert.Contains("nnMs[1]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SubnormalInterval_IsRefusedAndEveryMetricIsFinite()
    {
        double[] rr = [.. Normal(299), 1e-310];
        var report = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(report.Input.Problems, p => p.Code == "rr.out-of-range" && p.Location == "index 299" && p.Severity == ProblemSeverity.Error);
        Assert.NotNull(report.TimeDomain);
        ResultInspector.AssertFinite(report);
    }

    [Fact]
    public void Analyze_NanosecondFile_ReturnsQuicklyWithEveryValueRefused()
    {
        var report = Within.Returns(Bound, () => HrvAnalysis.Analyze(Normal(5_000).Select(v => v * 1e6).ToArray(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, report.Input.AcceptedCount);
        Assert.Contains(report.Problems, p => p.Code == "hrv.no-intervals");
        Assert.Contains(report.Problems, p => p.Code == "rr.out-of-range");
    }

    [Fact]
    public void FromBeatTimesSeconds_OverflowingInterval_IsRefusedAsAnError()
    {
        var series = RrSeries.FromBeatTimesSeconds([-1e308, 1e308]);
        Assert.Equal(0, series.Count);
        Assert.True(series.HasErrors);
        Assert.Equal(("rr.out-of-range", "index 0"), (series.Problems[0].Code, series.Problems[0].Location));
        Assert.Equal(0, series.DurationSeconds);
    }

    [Fact]
    public void FromIntervalsSeconds_ValueAboveOneMinute_IsRefusedQuotingTheGivenUnit()
    {
        var series = RrSeries.FromIntervalsSeconds([0.8, 61, 0.81]);
        Assert.Equal([800, 810], series.IntervalsMs.ToArray());
        var problem = Assert.Single(series.Problems);
        Assert.Equal(("rr.out-of-range", "index 1"), (problem.Code, problem.Location));
        Assert.Contains("61 s", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Poincare_HugeValues_ThrowsInsteadOfNaN()
    {
        Assert.Throws<ArgumentException>(() => HrvMetrics.Poincare([1e200, 1.5e200, 1e200, 1.7e200]));
        ResultInspector.AssertFinite(HrvMetrics.Poincare([1, 60_000, 1, 60_000, 2]));
    }

    [Fact]
    public void SampleEntropy_HugeToleranceFactor_IsAProgrammerErrorNotAnInfiniteTolerance()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.SampleEntropy(Normal(100), new EntropyOptions { ToleranceSdFactor = 1e308 }));
        Assert.Equal("options.ToleranceSdFactor", exception.ParamName);
        var widest = HrvMetrics.SampleEntropy(Normal(100), new EntropyOptions { ToleranceSdFactor = 1000 });
        ResultInspector.AssertFinite(widest);
        Assert.Equal((double?)0.0, widest.Value); // every pair matches: A = B, −ln 1 = 0
    }

    [Fact]
    public void RollingHrv_TwoHugeBeats_AreInvalidAndMoveNoClock()
    {
        var rolling = new RollingHrv(new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromMinutes(1)) });
        rolling.Add(800);
        var first = rolling.Add(1.7e308);
        var second = rolling.Add(1.7e308);
        Assert.Equal(BeatScreening.Invalid, first.Screening);
        Assert.Equal(BeatScreening.Invalid, second.Screening);
        Assert.Equal((double?)800, second.Snapshot.MeanRrMs);
        ResultInspector.AssertFinite(second);
    }

    [Fact]
    public void RollingHrv_MaximumAboveTheCalculableRange_IsAProgrammerError()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(new RollingHrvOptions { MaxRrMs = double.MaxValue }));
        Assert.Equal("options.MaxRrMs", exception.ParamName);
    }

    // Defect 7: undefined enum values were accepted.
    [Fact]
    public void UndefinedEnumOptions_AreRefusedNamingTheOption()
    {
        var rr = Normal(300);
        Assert.Equal("options.Method", Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.FrequencyDomain(rr, FrequencyDomainOptions.Default with { Method = (SpectralMethod)42 })).ParamName);
        Assert.Equal("options.Definition", Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.Poincare(rr, new PoincareOptions { Definition = (PoincareDefinition)42 })).ParamName);
        Assert.Equal("options.Comparison", Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.SampleEntropy(rr, new EntropyOptions { Comparison = (ToleranceComparison)42 })).ParamName);
        Assert.Equal("options.Sdsd", Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.TimeDomain(rr, new TimeDomainOptions { Sdsd = (SdsdDefinition)42 })).ParamName);
        Assert.Equal("options.Windowing", Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.DetrendedFluctuation(rr, new DfaOptions { Windowing = (DfaWindowing)42 })).ParamName);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ResonanceFrequency.Estimate(rr, [], (ResonanceCriterion)42));
        Assert.Equal("criterion", exception.ParamName);
        Assert.Contains("was 42", exception.Message, StringComparison.Ordinal);
    }

    // Defect 7: a guard named a private field.
    [Fact]
    public void RollingHrv_WindowShorterThanTheLongestBeat_NamesTheArgumentNotAField()
    {
        var options = new RollingHrvOptions { Window = RollingWindow.OfDuration(TimeSpan.FromMilliseconds(500)) };
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHrv(options));
        Assert.Equal("options.Window", exception.ParamName);
        Assert.DoesNotContain("_windowMs", exception.Message, StringComparison.Ordinal);
    }

    // Defect 8: bounded work and cancellation.
    [Fact]
    public void SampleEntropy_LongerThanTheBound_IsComputedOnTheFirstIntervalsWithAWarning()
    {
        var rr = Normal(3_000);
        var options = new EntropyOptions { MaximumIntervals = 1_000 };
        var bounded = HrvMetrics.SampleEntropy(rr, options);
        var first = HrvMetrics.SampleEntropy(rr.AsSpan(0, 1_000));
        Assert.Equal(first.Value, bounded.Value);
        Assert.Equal(first.ToleranceMs, bounded.ToleranceMs);
        var problem = Assert.Single(bounded.Problems);
        Assert.Equal(("hrv.entropy-truncated", ProblemSeverity.Warning), (problem.Code, problem.Severity));
        Assert.Contains("first 1000 of 3000", problem.Message, StringComparison.Ordinal);

        var approximate = HrvMetrics.ApproximateEntropy(rr, options);
        Assert.Equal(HrvMetrics.ApproximateEntropy(rr.AsSpan(0, 1_000)).Value, approximate.Value);
        Assert.Contains(approximate.Problems, p => p.Code == "hrv.entropy-truncated");
        Assert.Contains(HrvMetrics.MultiscaleEntropy(rr, 2, options).Problems, p => p.Code == "hrv.entropy-truncated");
    }

    [Fact]
    public void SampleEntropy_DefaultBound_KeepsA24HourRecordExact()
    {
        Assert.Equal(200_000, EntropyOptions.Default.MaximumIntervals);
        Assert.Empty(HrvMetrics.SampleEntropy(Normal(5_000)).Problems);
    }

    [Fact]
    public void Analyze_CancelledToken_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => HrvAnalysis.Analyze(Normal(300), null, source.Token));
        Assert.Throws<OperationCanceledException>(() => HrvAnalysis.Analyze(RrSeries.FromIntervalsMs(Normal(300)), null, source.Token));
    }

    [Fact]
    public void Analyze_CancelledDuringEntropy_StopsInsideTheCount()
    {
        // m = 3 on 150,000 beats takes the pair-proportional paths (seconds to minutes); cancellation must stop it early.
        var options = HrvAnalysisOptions.Default with
        {
            Entropy = new EntropyOptions { EmbeddingDimension = 3, ToleranceSdFactor = 5 },
            IncludeFrequencyDomain = false,
            IncludeDfa = false,
        };
        var rr = Normal(150_000);
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Within.Throws<OperationCanceledException>(TimeSpan.FromSeconds(20), () => HrvAnalysis.Analyze(rr, options, source.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"cancellation took {watch.Elapsed}");
    }

    [Fact]
    public async Task AnalyzeManyAsync_CancelledDuringARecording_Throws()
    {
        var options = HrvAnalysisOptions.Default with { Entropy = new EntropyOptions { EmbeddingDimension = 3, ToleranceSdFactor = 5 } };
        (string, double[])[] recordings = [("a", Normal(150_000)), ("b", Normal(150_000, 14))];
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var task = HrvAnalysis.AnalyzeManyAsync(recordings, options, null, source.Token);
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Same(task, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}
