using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class StressReactivityTests
{
    private const double Tol = 1e-6;

    // TV4 ✔ BioPsyKit (research file §10): a TSST responder by every criterion.
    [Fact]
    public void Analyze_TV4_ResponderByAllCriteria()
    {
        var r = StressReactivity.Analyze([-1, 10, 20, 30, 45, 60], [5.0, 4.8, 9.5, 11.2, 9.0, 6.5]);
        Assert.Equal(496.65, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(191.65, r.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(202.75, r.AuciPostNmolMinPerL!.Value, Tol);
        Assert.Equal(5.0, r.BaselineNmolPerL);
        Assert.Equal(11.2, r.PeakNmolPerL);
        Assert.Equal(30, r.PeakMinutes);
        Assert.Equal(6.2, r.IncreaseNmolPerL!.Value, Tol);
        Assert.Equal(124, r.IncreasePercent!.Value, Tol);
        Assert.True(r.IsResponderAbsolute);
        Assert.True(r.IsResponderPercent);
        Assert.True(r.IsResponderConservative);
        Assert.Empty(r.Problems);
    }

    // TV5 ✔ BioPsyKit: the absolute (1.5 nmol/L) and relative (15.5 %) rules of Miller et al. (2013) disagree.
    [Fact]
    public void Analyze_TV5_CriteriaDisagree()
    {
        var r = StressReactivity.Analyze([-1, 10, 20, 30, 45], [6.0, 5.8, 7.2, 6.9, 6.1]);
        Assert.Equal(297.9, r.AucgNmolMinPerL!.Value, Tol);
        Assert.Equal(21.9, r.AuciNmolMinPerL!.Value, Tol);
        Assert.Equal(30.0, r.AuciPostNmolMinPerL!.Value, Tol);
        Assert.Equal(1.2, r.IncreaseNmolPerL!.Value, Tol);
        Assert.Equal(20, r.IncreasePercent!.Value, Tol);
        Assert.False(r.IsResponderAbsolute);
        Assert.True(r.IsResponderPercent);
        Assert.False(r.IsResponderConservative);
    }

    // Decision 7: thresholds are inclusive by default. 5.0 → 6.5 is exactly +1.5 nmol/L; 200 → 231 is exactly +15.5 %
    // (100 · 31 / 200 is exact in binary floating point).
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Analyze_IncreaseExactlyAtThreshold_InclusiveOrStrict(bool inclusive, bool responder)
    {
        var options = ReactivityOptions.Default with { InclusiveThresholds = inclusive };
        Assert.Equal(responder, StressReactivity.Analyze([-1, 10], [5.0, 6.5], options).IsResponderAbsolute);
        var pct = StressReactivity.Analyze([-1, 10], [200, 231], options);
        Assert.Equal(15.5, pct.IncreasePercent);
        Assert.Equal(responder, pct.IsResponderPercent);
    }

    // Mean of pre-stressor samples: (4 + 6)/2 = 5; peak 9 → +4, 80 %.
    [Fact]
    public void Analyze_MeanPreStressorBaseline()
    {
        var r = StressReactivity.Analyze([-20, -1, 10, 20], [4, 6, 9, 8], ReactivityOptions.Default with { Baseline = ReactivityBaseline.MeanPreStressor });
        Assert.Equal(5, r.BaselineNmolPerL);
        Assert.Equal(4, r.IncreaseNmolPerL);
        Assert.Equal(80, r.IncreasePercent!.Value, Tol);
        Assert.Equal(6, StressReactivity.Analyze([-20, -1, 10, 20], [4, 6, 9, 8]).BaselineNmolPerL);
    }

    [Fact]
    public void Analyze_NoPreStressorSample_BaselineUnavailable()
    {
        var r = StressReactivity.Analyze([0, 10, 20], [5, 8, 7]);
        Assert.Null(r.BaselineNmolPerL);
        Assert.Null(r.IsResponderAbsolute);
        Assert.Equal(8, r.PeakNmolPerL);
        Assert.Contains(r.Problems, p => p.Code == "reactivity.no-baseline");
    }

    [Fact]
    public void Analyze_NoPostStressorSample_PeakUnavailable()
    {
        var r = StressReactivity.Analyze([-20, -10], [5, 8]);
        Assert.Null(r.PeakNmolPerL);
        Assert.Contains(r.Problems, p => p.Code == "reactivity.no-post-samples");
        Assert.Equal(65, r.AucgNmolMinPerL!.Value, Tol); // (5 + 8)/2 · 10 min
    }

    [Fact]
    public void Analyze_MissingPeakCandidate_RejectOrOmit()
    {
        double[] t = [-1, 10, 20, 30];
        double[] v = [5, 7, double.NaN, 6];
        Assert.Null(StressReactivity.Analyze(t, v).PeakNmolPerL);
        var omit = StressReactivity.Analyze(t, v, ReactivityOptions.Default with { MissingValues = MissingValuePolicy.Omit });
        Assert.Equal(7, omit.PeakNmolPerL);
        Assert.Contains(omit.Problems, p => p.Code == "endocrine.missing-omitted");
    }

    [Fact]
    public void Analyze_TypedSamplesWithMissing_ReportsIt()
    {
        CortisolSample[] samples = [new(-1, CortisolConcentration.FromNanomolesPerLiter(5)), new(10, null), new(20, CortisolConcentration.FromNanomolesPerLiter(9))];
        var r = StressReactivity.Analyze(samples, null);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.missing-value" && p.Location == "S1");
    }
}
