using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class CortisolAwakeningResponseTests
{
    private const double Tol = 1e-6;

    // TV3 ✔ BioPsyKit (research file §10): times 0/15/30/45, values 10/16/20/17.
    [Fact]
    public void Analyze_TV3_AllIndicesMatch()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [10, 16, 20, 17]);
        Assert.Equal(10, r.AwakeningNmolPerL);
        Assert.Equal(742.5, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(292.5, r.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(10, r.IncreaseAt30NmolPerL!.Value, Tol);
        Assert.Equal(10, r.MaxIncreaseNmolPerL!.Value, Tol);
        Assert.Equal(100, r.MaxIncreasePercent!.Value, Tol);
        Assert.Equal(7.666667, r.MeanIncreaseNmolPerL!.Value, Tol);
        Assert.Equal(20, r.PeakNmolPerL);
        Assert.Equal(30, r.PeakMinutes);
        Assert.Equal(4, r.SamplesInWindow);
        Assert.True(r.Compliance!.IsCompliant);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Analyze_TypedSamples_SameAsRaw()
    {
        CortisolSample[] samples =
        [
            new(0, CortisolConcentration.FromNanomolesPerLiter(10)),
            new(15, CortisolConcentration.Parse("16 nmol/L")),
            new(30, CortisolConcentration.FromNanomolesPerLiter(20)),
            new(45, CortisolConcentration.FromNanomolesPerLiter(17)),
        ];
        var r = CortisolAwakeningResponse.Analyze(samples, null);
        Assert.Equal(742.5, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(292.5, r.AuciNmolMinPerL!.Value, Tol);
    }

    // The same morning entered in µg/dL (10 nmol/L = 0.36246 µg/dL...) gives the same indices: units convert at the boundary.
    [Fact]
    public void Analyze_TypedSamplesFromMicrogramsPerDeciliter_SameIndices()
    {
        double[] nmol = [10, 16, 20, 17];
        var samples = nmol.Select((v, i) => new CortisolSample(15 * i, CortisolConcentration.FromMicrogramsPerDeciliter(v * 362.46 / 10_000))).ToArray();
        var r = CortisolAwakeningResponse.Analyze(samples, null);
        Assert.Equal(742.5, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(7.666667, r.MeanIncreaseNmolPerL!.Value, Tol);
    }

    // Decision 5: with a +60 min sample the default window still ends at 45 min; WindowEndMinutes = null uses every sample.
    // Hand computation: 45→60 adds (17+12)/2·15 = 217.5 → AUCg 960, AUCi 960 − 10·60 = 360; MnInc mean(16,20,17,12) − 10 = 6.25.
    [Fact]
    public void Analyze_SixtyMinuteSample_DefaultWindowIgnoresItUnlessWidened()
    {
        double[] t = [0, 15, 30, 45, 60];
        double[] v = [10, 16, 20, 17, 12];
        var schedule = new CarOptions { NominalScheduleMinutes = [0, 15, 30, 45, 60] };
        var within45 = CortisolAwakeningResponse.Analyze(t, v, schedule);
        Assert.Equal(742.5, within45.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(4, within45.SamplesInWindow);

        var all = CortisolAwakeningResponse.Analyze(t, v, schedule with { WindowEndMinutes = null });
        Assert.Equal(960, all.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(360, all.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(6.25, all.MeanIncreaseNmolPerL!.Value, Tol);
        Assert.Equal(5, all.SamplesInWindow);
    }

    // Recorded 2/15/31/45 min: segments (10+16)/2·13 = 169, (16+20)/2·16 = 288, (20+17)/2·14 = 259 → AUCg 716, AUCi 716 − 10·43 = 286.
    [Fact]
    public void Analyze_TimeBasis_RecordedVersusNominal()
    {
        double[] t = [2, 15, 31, 45];
        double[] v = [10, 16, 20, 17];
        var recorded = CortisolAwakeningResponse.Analyze(t, v);
        Assert.Equal(716, recorded.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(286, recorded.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(31, recorded.PeakMinutes);

        var nominal = CortisolAwakeningResponse.Analyze(t, v, CarOptions.Default with { TimeBasis = CarTimeBasis.Nominal });
        Assert.Equal(742.5, nominal.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(30, nominal.PeakMinutes);
    }

    // Decision 6: a missing S15. Reject (default): every index that needs it is null, R30 stays; Omit: trapezoid across the gap
    // (0→30: (10+20)/2·30 = 450, 30→45: 277.5 → AUCg 727.5, AUCi 727.5 − 450 = 277.5), MnInc mean(20,17) − 10 = 8.5.
    [Fact]
    public void Analyze_MissingValue_RejectNullsWhatNeedsIt()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [10, double.NaN, 20, 17]);
        Assert.Null(r.AucgNmolMinPerL);
        Assert.Null(r.AuciNmolMinPerL);
        Assert.Null(r.MaxIncreaseNmolPerL);
        Assert.Null(r.MeanIncreaseNmolPerL);
        Assert.Null(r.PeakNmolPerL);
        Assert.Equal(10, r.IncreaseAt30NmolPerL!.Value, Tol);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.missing-value" && p.Location == "S1");
        Assert.Contains(r.Problems, p => p.Code == "endocrine.metric-unavailable" && p.Location == "AUC");
    }

    [Fact]
    public void Analyze_MissingValue_OmitComputesAcrossGapWithWarnings()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [10, double.NaN, 20, 17], CarOptions.Default with { MissingValues = MissingValuePolicy.Omit });
        Assert.Equal(727.5, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(277.5, r.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(10, r.MaxIncreaseNmolPerL!.Value, Tol);
        Assert.Equal(8.5, r.MeanIncreaseNmolPerL!.Value, Tol);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.missing-omitted" && p.Severity == ProblemSeverity.Warning);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.missing-value" && p.Location == "S1");
    }

    [Fact]
    public void Analyze_MissingS0_OmitStillNeverInventsABaseline()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [double.NaN, 16, 20, 17], CarOptions.Default with { MissingValues = MissingValuePolicy.Omit });
        Assert.Null(r.AwakeningNmolPerL);
        Assert.Null(r.AuciNmolMinPerL);
        Assert.Null(r.MaxIncreaseNmolPerL);
        Assert.Null(r.IncreaseAt30NmolPerL);
        Assert.Equal(20, r.PeakNmolPerL);
    }

    [Fact]
    public void Analyze_NegativeConcentration_ReportedAndTreatedAsMissing()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [10, -1, 20, 17]);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.invalid-concentration" && p.Location == "S1" && p.Message.Contains("-1", StringComparison.Ordinal));
        Assert.Null(r.AucgNmolMinPerL);
    }

    [Theory]
    [InlineData(new double[] { 0, 30, 15, 45 })]
    [InlineData(new double[] { 0, 15, 15, 45 })]
    public void Analyze_UnsortedOrDuplicateTimes_ErrorProblemAndNoIndices(double[] t)
    {
        var r = CortisolAwakeningResponse.Analyze(t, [10, 16, 20, 17]);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.times-not-increasing" && p.Location == "S2");
        Assert.Null(r.AucgNmolMinPerL);
        Assert.Null(r.PeakNmolPerL);
    }

    [Fact]
    public void Analyze_SampleCountDiffersFromSchedule_ErrorProblem()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30], [10, 16, 20]);
        var problem = Assert.Single(r.Problems, p => p.Code == "car.schedule-mismatch");
        Assert.Contains("CarOptions.NominalScheduleMinutes", problem.Message, StringComparison.Ordinal);
        Assert.Null(r.AucgNmolMinPerL);
        Assert.Null(r.ScheduleSource);
    }

    // A five-sample day (0, 15, 30, 45, 60) with default options: the schedule 0–60 is inferred with a warning, and the indices
    // are those of the 0–45 window (TV3: AUCg 742.5, AUCi 292.5, R30 10; peak 20 at S2). Hand computation as the +60 test above.
    [Fact]
    public void Analyze_FiveSamplesDefaultOptions_InfersScheduleWithWarning()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45, 60], [10, 16, 20, 17, 12]);
        Assert.Equal(CarScheduleSource.InferredFifteenMinuteGrid, r.ScheduleSource);
        Assert.Equal([0.0, 15, 30, 45, 60], r.NominalScheduleMinutes);
        var warning = Assert.Single(r.Problems, p => p.Code == "car.schedule-inferred");
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("CarOptions.NominalScheduleMinutes", warning.Message, StringComparison.Ordinal);
        Assert.Equal(742.5, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(292.5, r.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(10, r.IncreaseAt30NmolPerL!.Value, Tol);
        Assert.Equal(2, r.PeakIndex);
        Assert.Equal(4, r.SamplesInWindow);
        Assert.True(r.Compliance!.IsCompliant);
    }

    [Fact]
    public void Analyze_FiveSamples_InferenceOffOrExplicitSchedule_Mismatch()
    {
        double[] t = [0, 15, 30, 45, 60];
        double[] v = [10, 16, 20, 17, 12];
        var off = CortisolAwakeningResponse.Analyze(t, v, CarOptions.Default with { InferSchedule = false });
        Assert.Contains(off.Problems, p => p.Code == "car.schedule-mismatch");
        Assert.Null(off.AucgNmolMinPerL);
        var explicitFour = CortisolAwakeningResponse.Analyze(t, v, new CarOptions { NominalScheduleMinutes = [0, 15, 30, 45] });
        Assert.Contains(explicitFour.Problems, p => p.Code == "car.schedule-mismatch");
        var stated = CortisolAwakeningResponse.Analyze(t, v, new CarOptions { NominalScheduleMinutes = [0, 15, 30, 45, 60] });
        Assert.Equal(CarScheduleSource.Options, stated.ScheduleSource);
        Assert.DoesNotContain(stated.Problems, p => p.Code == "car.schedule-inferred");
    }

    [Fact]
    public void Analyze_OneSample_TooFewSamplesProblem()
    {
        var r = CortisolAwakeningResponse.Analyze([0], [10], CarOptions.Default with { NominalScheduleMinutes = [0] });
        Assert.Contains(r.Problems, p => p.Code == "endocrine.too-few-samples");
        Assert.Null(r.AwakeningNmolPerL);
    }

    [Fact]
    public void Analyze_ZeroAwakeningLevel_PercentUnavailable()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [0, 16, 20, 17]);
        Assert.Equal(20, r.MaxIncreaseNmolPerL);
        Assert.Null(r.MaxIncreasePercent);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.zero-baseline");
    }

    [Fact]
    public void Analyze_DelayedFirstSample_IndicesComputedAndFinding()
    {
        var r = CortisolAwakeningResponse.Analyze([9, 24, 39, 54], [10, 16, 20, 17]);
        Assert.Equal(742.5, r.AucgNmolMinPerL!.Value, Tol);
        Assert.False(r.Compliance!.IsAdherent);
        Assert.Contains(r.Problems, p => p.Code == "car.first-sample-delayed");
    }

    [Fact]
    public void Analyze_MismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [10, 16, 20]));

    [Fact]
    public void Analyze_UnsortedSchedule_ThrowsNamingOptions() =>
        Assert.Equal("options", Assert.Throws<ArgumentException>(() =>
            CortisolAwakeningResponse.Analyze([0, 15], [1, 2], CarOptions.Default with { NominalScheduleMinutes = [15, 0] })).ParamName);
}
