using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class BiomarkerProfileTests
{
    private const double Tol = 1e-9;
    private static readonly double[] Times = [-10, 0, 10, 20, 30];

    // BioPsyKit 0.13.1 test vectors (research file §7, tests/test_saliva/test_saliva.py), times −10 … 30 min:
    // params_max_increase [0, 0, 4, −1, −4, 12, −6, 6], percent [NaN, 0, inf, −20, −40, 200, −50, 300] (percent divides by
    // |S0|), params_slope S1→S5 [0, 0, 0.1, −0.1, −0.1, 0.3, −0.15, 0.1], params_auc (AUCg, AUCi); peak = max_value, its index
    // the argmax of standard_features. Subjects 6 and 7 hold negative values (baseline-corrected), so they allow negatives.
    public static TheoryData<double[], double, double?, double, double, double, double, int> BioPsyKit => new()
    {
        { [0, 1, 2, 3, 4], 4, null, 0.1, 80, 80, 4, 4 },
        { [5, 4, 3, 2, 1], -1, -20, -0.1, 120, -80, 5, 0 },
        { [10, 2, 4, 4, 6], -4, -40, -0.1, 180, -220, 10, 0 },
        { [-6, 2, 4, 4, 6], 12, 200, 0.3, 100, 340, 6, 4 },
        { [12, -6, 4, 4, 6], -6, -50, -0.15, 110, -370, 12, 0 },
        { [1, 1, 1, 1, 1], 0, 0, 0, 40, 0, 1, 0 },
    };

    [Theory]
    [MemberData(nameof(BioPsyKit))]
    public void Analyze_BioPsyKitVectors(double[] values, double increase, double? percent, double slope, double aucg, double auci, double peak, int peakIndex)
    {
        var r = BiomarkerProfile.Analyze(Times, values, Analyte.Oxytocin, BiomarkerProfileOptions.Default with { AllowNegativeValues = true });
        Assert.Equal(increase, r.MaxIncrease!.Value, Tol);
        if (percent is { } p)
        {
            Assert.Equal(p, r.MaxIncreasePercent!.Value, Tol);
        }
        else
        {
            Assert.Null(r.MaxIncreasePercent);
            Assert.Contains(r.Problems, x => x.Code == "endocrine.zero-baseline");
        }

        Assert.Equal(slope, r.SlopeFirstToLast!.Value, Tol);
        Assert.Equal(aucg, r.Aucg!.Value, Tol);
        Assert.Equal(auci, r.Auci!.Value, Tol);
        Assert.Equal(peak, r.PeakValue);
        Assert.Equal(peakIndex, r.PeakIndex);
        Assert.Equal(Times[peakIndex], r.PeakTime);
        Assert.Equal(values[0], r.FirstValue);
    }

    // BioPsyKit subject 8 [2, NaN, 8, 4, 6]: max_increase skips the NaN (6, 300 %); its AUC is NaN. Here Omit reproduces the
    // increase with a warning and computes the area across the gap; Reject (default) gives null with an error.
    [Fact]
    public void Analyze_MissingSample_FollowsPolicy()
    {
        double[] v = [2, double.NaN, 8, 4, 6];
        var omit = BiomarkerProfile.Analyze(Times, v, Analyte.Dhea, BiomarkerProfileOptions.Default with { MissingValues = MissingValuePolicy.Omit });
        Assert.Equal(6, omit.MaxIncrease!.Value, Tol);
        Assert.Equal(300, omit.MaxIncreasePercent!.Value, Tol);
        Assert.Equal(0.1, omit.SlopeFirstToLast!.Value, Tol);
        Assert.Equal(2, omit.PeakIndex);
        Assert.Contains(omit.Problems, p => p.Code == "endocrine.missing-omitted");

        var reject = BiomarkerProfile.Analyze(Times, v, Analyte.Dhea);
        Assert.Null(reject.MaxIncrease);
        Assert.Null(reject.PeakValue);
        Assert.Null(reject.Aucg);
        Assert.Equal(0.1, reject.SlopeFirstToLast!.Value, Tol); // the slope needs only its two endpoints
    }

    [Fact]
    public void Analyze_ResultCarriesTheAnalytesUnit()
    {
        var r = BiomarkerProfile.Analyze([0, 1, 2], [100, 180, 120], Analyte.AlphaAmylase, BiomarkerProfileOptions.Default with { TimeUnit = "h" });
        Assert.Equal("U/mL", r.Unit);
        Assert.Equal("U/mL/h", r.SlopeUnit);
        Assert.Equal("U/mL·h", r.AreaUnit);
        Assert.Equal("alpha-amylase", r.Analyte.Name);
        Assert.Equal(80, r.MaxIncrease!.Value, Tol);   // 180 − 100
        Assert.Equal(80, r.MaxIncreasePercent!.Value, Tol);
        Assert.Equal(10, r.SlopeFirstToLast!.Value, Tol); // (120 − 100)/2
        Assert.Equal(290, r.Aucg!.Value, Tol);            // (100+180)/2 + (180+120)/2
        Assert.Equal(3, r.SampleCount);
    }

    // Cortisol is the same profile specialised to typed samples in nmol/L: 0.5 µg/dL = 5000/362.46 nmol/L.
    [Fact]
    public void Analyze_CortisolSamples_IsTheProfileInNanomolesPerLiter()
    {
        var micro = CortisolConcentration.FromMicrogramsPerDeciliter(0.5).NanomolesPerLiter;
        CortisolSample[] samples = [new(0, CortisolConcentration.FromNanomolesPerLiter(10)), new(15, null), new(30, CortisolConcentration.FromMicrogramsPerDeciliter(0.5))];
        var r = BiomarkerProfile.Analyze(samples, BiomarkerProfileOptions.Default with { MissingValues = MissingValuePolicy.Omit });
        Assert.Same(Analyte.Cortisol, r.Analyte);
        Assert.Equal("nmol/L", r.Unit);
        Assert.Equal(5000 / 362.46, micro, 9);
        Assert.Equal(micro - 10, r.MaxIncrease!.Value, Tol);
        Assert.Equal(2, r.PeakIndex);
    }

    [Fact]
    public void Analyze_NegativeConcentrationByDefault_ReportedAsInvalid()
    {
        var r = BiomarkerProfile.Analyze([0, 10, 20], [5, -1, 7], Analyte.Oxytocin);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.invalid-concentration" && p.Location == "S1");
        Assert.Null(r.PeakValue);
    }

    [Fact]
    public void Analyze_BadInput_ProblemsOrThrows()
    {
        Assert.Contains(BiomarkerProfile.Analyze([0], [1], Analyte.Oxytocin).Problems, p => p.Code == "endocrine.too-few-samples");
        Assert.Contains(BiomarkerProfile.Analyze([0, 0], [1, 2], Analyte.Oxytocin).Problems, p => p.Code == "endocrine.times-not-increasing");
        Assert.Throws<ArgumentException>(() => BiomarkerProfile.Analyze([0, 1], [1], Analyte.Oxytocin));
        Assert.Throws<ArgumentNullException>(() => BiomarkerProfile.Analyze([0, 1], [1, 2], null!));
        Assert.Throws<ArgumentException>(() => new Analyte("x", " "));
    }

    [Fact]
    public void ReactivityAndCar_ReportPeakIndex()
    {
        var reactivity = StressReactivity.Analyze([-1, 0, 10, 20], [5, 9, 12, 8]);
        Assert.Equal(2, reactivity.PeakIndex);
        var car = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [10, 16, 20, 17]);
        Assert.Equal(2, car.PeakIndex);
        Assert.Equal(CarScheduleSource.Options, car.ScheduleSource);
    }

    // docs/endocrine.md "A non-cortisol analyte end to end", hand-computed: segments (80+140)/2·2 = 220, (140+110)/2·9 = 1125,
    // (110+90)/2·10 = 1000.
    [Fact]
    public void Docs_AlphaAmylaseEndToEnd()
    {
        double[] minutes = [-1, 1, 10, 20];
        double[] uPerMl = [80, 140, 110, 90];
        BiomarkerProfileResult p = BiomarkerProfile.Analyze(minutes, uPerMl, Analyte.AlphaAmylase);
        Assert.Equal(140, p.PeakValue);
        Assert.Equal(1, p.PeakTime);
        Assert.Equal(1, p.PeakIndex);
        Assert.Equal(60, p.MaxIncrease!.Value, Tol);
        Assert.Equal(75, p.MaxIncreasePercent!.Value, Tol);
        Assert.Equal(10.0 / 21, p.SlopeFirstToLast!.Value, Tol);
        Assert.Equal(2345, p.Aucg!.Value, Tol);
        Assert.Equal(665, p.Auci!.Value, Tol);
        Assert.Equal("U/mL·min", p.AreaUnit);
        Assert.Empty(p.Problems);

        AucResult post = Auc.ComputeAfter(minutes, uPerMl, onset: 0);
        Assert.Equal(2125, post.Ground!.Value, Tol);
        Assert.Equal(-535, post.Increase!.Value, Tol);
        ProfileChange early = Auc.Slope(minutes, uPerMl, 0, 1);
        Assert.Equal(30, early.Value!.Value, Tol);
    }
}
