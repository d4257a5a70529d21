using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Kernels;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

public class HrvMetricsComplexityTests
{
    private const double PeerTolerance = 1e-6;

    /// <summary>
    /// Largest |α1 − NeuroKit2 α1| with the NeuroKit2-style options (4–11 / 12…⌊(N + 1)/10⌋, half-overlapping windows),
    /// documented in docs/hrv-complexity.md. α2 with the same options matches NeuroKit2 to 1e-6.
    /// </summary>
    private const double NeuroKitAlpha1Bound = 0.015;

    // ---------------------------------------------------------------- reference series (../shared/reference/hrv)

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void SampleEntropy_ReferenceSeries_MatchesNeuroKit2AndFormulaCheckTolerance(string id)
    {
        var reference = HrvReference.Get(id);
        var result = HrvMetrics.SampleEntropy(reference.RrMs);
        var neuroKit = reference.Number("neurokit2.hrv_nonlinear.values.HRV_SampEn");

        if (IsConstant(reference.RrMs))
        {
            // NeuroKit2 raises ZeroDivisionError, hrv-analysis and pyHRV return NaN: we report why instead.
            Assert.Null(neuroKit);
            Assert.Null(result.Value);
            Assert.Equal("hrv.zero-tolerance", Assert.Single(result.Problems).Code);
            return;
        }

        Assert.NotNull(neuroKit);
        Assert.Empty(result.Problems);
        Assert.Equal(neuroKit.Value, result.Value!.Value, PeerTolerance);
        var formulaTolerance = reference.Root.GetProperty("formula_check").GetProperty("SampEn_tolerance_0.2SD_ddof1").GetDouble();
        Assert.Equal(formulaTolerance, result.ToleranceMs, formulaTolerance * 1e-12);
        Assert.Equal(reference.RrMs.Length - 2, result.TemplateCount);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void SampleEntropy_ReferenceSeriesWithNoldsTolerance_MatchesHrvAnalysis(string id)
    {
        var reference = HrvReference.Get(id);
        var peer = reference.Number("hrvanalysis.get_sampen.values.sampen");
        Assert.NotNull(peer);

        // nolds 0.6.1 default: r = 0.1164 · (0.5627 · ln m + 1.3334) · SD (n − 1), match if distance < r: the preset.
        var result = HrvMetrics.SampleEntropy(reference.RrMs, EntropyOptions.Nolds());
        var sd = SampleSd(reference.RrMs);
        if (sd > 0)
        {
            Assert.Equal(0.1164 * ((0.5627 * Math.Log(2)) + 1.3334) * sd, result.ToleranceMs, sd * 1e-12);
        }


        if (double.IsNaN(peer.Value))
        {
            Assert.Null(result.Value);
            Assert.Single(result.Problems);
            return;
        }

        Assert.Equal(peer.Value, result.Value!.Value, PeerTolerance);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void SampleEntropy_ReferenceSeriesWithPyHrvTolerance_MatchesPyHrv(string id)
    {
        var reference = HrvReference.Get(id);
        var peer = reference.Number("pyhrv.sample_entropy.values.sampen");
        if (peer is null)
        {
            // pyHRV (O(N²) nolds) was not run on the 24-h series; the JSON's error field says so.
            Assert.NotNull(reference.Element("pyhrv.sample_entropy.error"));
            return;
        }

        // pyHRV: r = 0.2 · std(ddof = −1) (denominator N + 1), strict < (nolds): the preset.
        var x = reference.RrMs;
        var mean = x.Average();
        var ddofMinusOne = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length + 1));
        var result = HrvMetrics.SampleEntropy(x, EntropyOptions.PyHrv);
        Assert.Equal(0.2 * ddofMinusOne, result.ToleranceMs, Math.Max(ddofMinusOne, 1) * 1e-12);

        if (double.IsNaN(peer.Value))
        {
            Assert.Null(result.Value);
            return;
        }

        Assert.Equal(peer.Value, result.Value!.Value, PeerTolerance);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void ApproximateEntropy_ReferenceSeries_MatchesNeuroKit2(string id)
    {
        var reference = HrvReference.Get(id);
        var result = HrvMetrics.ApproximateEntropy(reference.RrMs);
        var neuroKit = reference.Number("neurokit2.hrv_nonlinear.values.HRV_ApEn");

        if (IsConstant(reference.RrMs))
        {
            Assert.Null(neuroKit);
            Assert.Null(result.Value);
            Assert.Equal("hrv.zero-tolerance", Assert.Single(result.Problems).Code);
            return;
        }

        Assert.NotNull(neuroKit);
        // NeuroKit2 reports |Φm − Φm+1|; Pincus's signed difference is what we return.
        Assert.Equal(neuroKit.Value, Math.Abs(result.Value!.Value), PeerTolerance);
        Assert.Equal(result.PhiM - result.PhiMPlusOne, result.Value.Value);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void DetrendedFluctuation_NeuroKitScalesAndOverlap_MatchesNeuroKit2Alpha2AndBoundsAlpha1(string id)
    {
        var reference = HrvReference.Get(id);
        var x = reference.RrMs;
        var options = new DfaOptions
        {
            ShortTermMinBeats = 4,
            ShortTermMaxBeats = 11,
            LongTermMinBeats = 12,
            LongTermMaxBeats = Math.Max((x.Length + 1) / 10, 13),
            Windowing = DfaWindowing.HalfOverlapping,
        };
        var result = HrvMetrics.DetrendedFluctuation(x, options);
        var alpha1 = reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha1");
        var alpha2 = reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha2");

        if (IsConstant(x))
        {
            Assert.Null(alpha1);
            Assert.Null(result.Alpha1);
            Assert.Null(result.Alpha2);
            Assert.All(result.Problems, p => Assert.Equal("hrv.zero-fluctuation", p.Code));
            Assert.Equal(2, result.Problems.Count);
            return;
        }

        Assert.Empty(result.Problems);
        Assert.Equal(alpha2!.Value, result.Alpha2!.Value, PeerTolerance);
        Assert.InRange(Math.Abs(result.Alpha1!.Value - alpha1!.Value), 0, NeuroKitAlpha1Bound);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void DetrendedFluctuation_NeuroKit2Preset_MatchesNeuroKit2Alpha1AndAlpha2(string id)
    {
        // The preset adds NeuroKit2's var[var > 1e-08] rule (windows whose residual variance is ≤ 1e-8 are left out):
        // with it α1 equals NeuroKit2's on every series, the real recordings included (issue 15 item 5).
        var reference = HrvReference.Get(id);
        var x = reference.RrMs;
        var result = HrvMetrics.DetrendedFluctuation(x, DfaOptions.NeuroKit2);
        var alpha1 = reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha1");
        var alpha2 = reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha2");

        if (IsConstant(x))
        {
            Assert.Null(alpha1);
            Assert.Null(result.Alpha1);
            Assert.Null(result.Alpha2);
            return;
        }

        Assert.Empty(result.Problems);
        Assert.Equal(alpha1!.Value, result.Alpha1!.Value, PeerTolerance);
        Assert.Equal(alpha2!.Value, result.Alpha2!.Value, PeerTolerance);
    }

    [Fact]
    public void DetrendedFluctuation_NeuroKit2Preset_OnFewerThan129Intervals_HasNoAlpha2LikeNeuroKit2()
    {
        // NeuroKit2 skips α2 when (N + 1)/10 < 13; α1 needs 12 intervals (its len(rri) < 12 rule).
        var x = Enumerable.Range(0, 128).Select(i => 800 + (40 * Math.Sin(i * 0.7)) + (i % 3)).ToArray();
        var result = HrvMetrics.DetrendedFluctuation(x, DfaOptions.NeuroKit2);
        Assert.NotNull(result.Alpha1);
        Assert.Null(result.Alpha2);
        Assert.Equal("hrv.too-few-beats", Assert.Single(result.Problems).Code);
        Assert.NotNull(HrvMetrics.DetrendedFluctuation([.. x, 810], DfaOptions.NeuroKit2).Alpha2);
    }

    [Fact]
    public void DetrendedFluctuation_MinimumWindowVariance_LeavesOutExactlyLinearWindows()
    {
        // A profile window of 4 points is exactly linear iff the 3 intervals inside it are equal. Non-overlapping
        // windows, scales 4 and 5, 17 intervals: at n = 4 the windows start at 0, 4, 8, 12 and only the first holds
        // three equal intervals (x1 = x2 = x3 = 800); at n = 5 (starts 0, 5, 10) none does. Leaving that window out
        // divides by 3 instead of 4 the same residual sum, so F(4)² grows by 4/3 and, with two scales,
        // α = ln(F5/F4)/ln(5/4) falls by exactly ½·ln(4/3)/ln(5/4).
        double[] x = [800, 800, 800, 800, 900, 700, 900, 700, 800, 850, 750, 800, 820, 780, 800, 810, 790];
        var plain = DfaOptions.Default with { ShortTermMinBeats = 4, ShortTermMaxBeats = 5, LongTermMinBeats = 4, LongTermMaxBeats = 5 };
        var a = HrvMetrics.DetrendedFluctuation(x, plain).Alpha1!.Value;
        var b = HrvMetrics.DetrendedFluctuation(x, plain with { MinimumWindowVariance = 1e-8 }).Alpha1!.Value;
        Assert.Equal(-0.5 * Math.Log(4.0 / 3) / Math.Log(5.0 / 4), b - a, 1e-12);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void DetrendedFluctuation_PyHrvScales_MatchesPyHrvOnRealSeries(string id)
    {
        var reference = HrvReference.Get(id);
        var x = reference.RrMs;
        var result = HrvMetrics.DetrendedFluctuation(x, DfaOptions.Default with { LongTermMinBeats = 17 });
        var alpha1 = reference.Number("pyhrv.dfa.values.dfa_alpha1")!.Value;
        var alpha2 = reference.Number("pyhrv.dfa.values.dfa_alpha2")!.Value;

        if (IsConstant(x))
        {
            Assert.True(double.IsNaN(alpha1));
            Assert.Null(result.Alpha1);
            return;
        }

        if (reference.Kind == "real")
        {
            // nolds fits with RANSAC; for α1 on the real series every scale is an inlier, so the fit is least
            // squares and equal to ours. For α2 RANSAC drops scales on 2 of the 7 real series (documented bound).
            Assert.Equal(alpha1, result.Alpha1!.Value, PeerTolerance);
            Assert.InRange(Math.Abs(result.Alpha2!.Value - alpha2), 0, 0.035);
        }
        else
        {
            // On the smooth synthetic series RANSAC drops scales: documented bounds (docs/hrv-complexity.md).
            Assert.InRange(Math.Abs(result.Alpha1!.Value - alpha1), 0, 0.70);
            Assert.InRange(Math.Abs(result.Alpha2!.Value - alpha2), 0, 0.03);
        }
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void DetrendedFluctuation_Defaults_DifferFromPeersWithinDocumentedBounds(string id)
    {
        var reference = HrvReference.Get(id);
        var x = reference.RrMs;
        var result = HrvMetrics.DetrendedFluctuation(x);
        if (IsConstant(x))
        {
            Assert.Null(result.Alpha1);
            Assert.Null(result.Alpha2);
            return;
        }

        var neuroKit1 = reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha1")!.Value;
        var neuroKit2 = reference.Number("neurokit2.hrv_nonlinear.values.HRV_DFA_alpha2")!.Value;
        var pyHrv2 = reference.Number("pyhrv.dfa.values.dfa_alpha2")!.Value;
        Assert.InRange(Math.Abs(result.Alpha1!.Value - neuroKit1), 0, 0.30);
        Assert.InRange(Math.Abs(result.Alpha2!.Value - neuroKit2), 0, 0.21);
        Assert.InRange(Math.Abs(result.Alpha2.Value - pyHrv2), 0, 0.05);
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void MultiscaleEntropy_ReferenceSeries_ReproducesNeuroKit2MsenIndex(string id)
    {
        var reference = HrvReference.Get(id);
        var x = reference.RrMs;
        var neuroKit = reference.Number("neurokit2.hrv_nonlinear.values.HRV_MSEn");

        // NeuroKit2's HRV_MSEn: SampEn (m = 2, r = 0.2 · SD of the raw series) of the non-overlapping coarse-grained
        // series at scales 1 … ⌊N/12⌋ − 1, non-finite values dropped, then trapezoid area (unit spacing) / count.
        var maxScale = HrvMetrics.MultiscaleEntropyNeuroKit2MaxScale(x.Length);
        Assert.Equal((x.Length / 12) - 1, maxScale);
        var result = HrvMetrics.MultiscaleEntropy(x, maxScale, EntropyOptions.NeuroKit2);
        if (IsConstant(x))
        {
            Assert.Null(neuroKit);
            Assert.Equal("hrv.zero-tolerance", Assert.Single(result.Problems).Code);
            return;
        }

        var finite = result.SampleEntropyByScale.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        var area = 0.0;
        for (var i = 1; i < finite.Length; i++)
        {
            area += (finite[i - 1] + finite[i]) / 2;
        }

        Assert.Equal(neuroKit!.Value, area / finite.Length, PeerTolerance);
        Assert.Equal(neuroKit.Value, result.AreaIndex!.Value, PeerTolerance);
    }

    // ---------------------------------------------------------------- hand-checked and analytic examples

    [Fact]
    public void EntropyPresets_Tolerance_FollowsEachPeersSdDenominator()
    {
        // x = 1 … 6: Σ(x − 3.5)² = 17.5. NeuroKit2 (ddof 1): r = 0.2·√(17.5/5); pyHRV (ddof −1): 0.2·√(17.5/7) = 0.2·√2.5;
        // nolds (ddof 1) with m = 3: r = 0.1164·(0.5627·ln 3 + 1.3334)·√(17.5/5) (nolds 0.6.1 sampen default).
        double[] x = [1, 2, 3, 4, 5, 6];
        Assert.Equal(0.2 * Math.Sqrt(3.5), HrvMetrics.SampleEntropy(x, EntropyOptions.NeuroKit2).ToleranceMs, 1e-14);
        Assert.Equal(0.2 * Math.Sqrt(2.5), HrvMetrics.SampleEntropy(x, EntropyOptions.PyHrv).ToleranceMs, 1e-14);
        var nolds3 = EntropyOptions.Nolds(3);
        Assert.Equal(3, nolds3.EmbeddingDimension);
        Assert.Equal(ToleranceComparison.LessThan, nolds3.Comparison);
        Assert.Equal(0.1164 * ((0.5627 * Math.Log(3)) + 1.3334) * Math.Sqrt(3.5), HrvMetrics.ApproximateEntropy(x, nolds3).ToleranceMs, 1e-14);
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.SampleEntropy(x, EntropyOptions.Default with { ToleranceSdDdof = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntropyOptions.Nolds(0));
    }

    [Fact]
    public void SampleEntropy_HandCountedSeries_IsLnTwo()
    {
        // x = 1 2 1 2 1 3, m = 2, r = 0.5 (absolute), distance ≤ r. Start points i = 0..3 (N − m = 4).
        // Length 2: (1,2) (2,1) (1,2) (2,1): 0~2 and 1~3 match → B = 4 ordered pairs.
        // Length 3: (1,2,1) (2,1,2) (1,2,1) (2,1,3): only 0~2 (1~3 differ by 1 in the last place) → A = 2.
        // SampEn = −ln(2/4) = ln 2.
        double[] x = [1, 2, 1, 2, 1, 3];
        var result = HrvMetrics.SampleEntropy(x, new EntropyOptions { ToleranceMs = 0.5 });

        Assert.Equal(4, result.MatchingPairsM);
        Assert.Equal(2, result.MatchingPairsMPlusOne);
        Assert.Equal(4, result.TemplateCount);
        Assert.Equal(Math.Log(2), result.Value!.Value, 1e-15);
    }

    [Fact]
    public void SampleEntropy_DistanceEqualToTolerance_CountsOnlyWithLessThanOrEqual()
    {
        // Same x, r = 1. With ≤: every pair of length-2 templates is within 1 → B = 4·3 = 12; length 3:
        // d(0,1) = 1, d(0,2) = 0, d(0,3) = 2, d(1,2) = 1, d(1,3) = 1, d(2,3) = 2 → 4 pairs, A = 8 → ln(12/8).
        // With <: only the distance-0 pairs remain: B = 4, A = 2 → ln 2.
        double[] x = [1, 2, 1, 2, 1, 3];
        var closed = HrvMetrics.SampleEntropy(x, new EntropyOptions { ToleranceMs = 1 });
        var open = HrvMetrics.SampleEntropy(x, new EntropyOptions { ToleranceMs = 1, Comparison = ToleranceComparison.LessThan });

        Assert.Equal((12, 8), (closed.MatchingPairsM, closed.MatchingPairsMPlusOne));
        Assert.Equal(Math.Log(1.5), closed.Value!.Value, 1e-15);
        Assert.Equal((4, 2), (open.MatchingPairsM, open.MatchingPairsMPlusOne));
        Assert.Equal(Math.Log(2), open.Value!.Value, 1e-15);
    }

    [Fact]
    public void ApproximateEntropy_HandCountedSeries_IsPincusSignedDifference()
    {
        // x = 1 2 1 2 1 3, m = 2, r = 0.5, self-matches counted.
        // Length 2, N − m + 1 = 5 templates (1,2) (2,1) (1,2) (2,1) (1,3): C = 2 2 2 2 1
        //   Φ2 = [4 ln(2/5) + ln(1/5)] / 5.
        // Length 3, 4 templates (1,2,1) (2,1,2) (1,2,1) (2,1,3): C = 2 1 2 1
        //   Φ3 = [2 ln(2/4) + 2 ln(1/4)] / 4.
        // ApEn = Φ2 − Φ3 ≈ −0.0152: negative, which NeuroKit2 would report as its absolute value.
        double[] x = [1, 2, 1, 2, 1, 3];
        var phi2 = ((4 * Math.Log(2.0 / 5)) + Math.Log(1.0 / 5)) / 5;
        var phi3 = ((2 * Math.Log(2.0 / 4)) + (2 * Math.Log(1.0 / 4))) / 4;
        var result = HrvMetrics.ApproximateEntropy(x, new EntropyOptions { ToleranceMs = 0.5 });

        Assert.Equal(phi2, result.PhiM, 1e-14);
        Assert.Equal(phi3, result.PhiMPlusOne, 1e-14);
        Assert.Equal(phi2 - phi3, result.Value!.Value, 1e-14);
        Assert.True(result.Value < 0);
    }

    [Theory]
    [InlineData(DfaWindowing.NonOverlapping)]
    [InlineData(DfaWindowing.HalfOverlapping)]
    public void DetrendedFluctuation_LinearRamp_MatchesAnalyticQuadraticProfile(DfaWindowing windowing)
    {
        // RRᵢ = 500 + i has the profile yₖ = k²/2 + (linear in k). A least-squares line leaves, in every window of
        // n points, the residual ½·P₂(j) with Σ P₂² = n(n² − 1)(n² − 4)/180 (second discrete orthogonal polynomial),
        // so F(n) = ½·√((n² − 1)(n² − 4)/180) for any window placement, and α is the least-squares slope of
        // ln F(n) on ln n over the scale range.
        var x = Enumerable.Range(0, 640).Select(i => 500.0 + i).ToArray();
        var result = HrvMetrics.DetrendedFluctuation(x, DfaOptions.Default with { Windowing = windowing });

        Assert.Equal(AnalyticRampAlpha(4, 16), result.Alpha1!.Value, 1e-9);
        Assert.Equal(AnalyticRampAlpha(16, 64), result.Alpha2!.Value, 1e-9);
    }

    [Fact]
    public void DocsSnippet_SeededSeries_GivesDefinedValues()
    {
        // The code block at the top of docs/hrv-complexity.md, verbatim.
        var rrMs = RandomSeries(seed: 5, length: 400);

        var sampEn = HrvMetrics.SampleEntropy(rrMs); // m = 2, r = 0.2 × SDNN (n − 1), d ≤ r
        var apEn = HrvMetrics.ApproximateEntropy(rrMs);
        var mse = HrvMetrics.MultiscaleEntropy(rrMs, maxScale: 20);
        var dfa = HrvMetrics.DetrendedFluctuation(rrMs); // α1 4–16, α2 16–64 beats
        var nolds = HrvMetrics.SampleEntropy(rrMs, EntropyOptions.Default with { Comparison = ToleranceComparison.LessThan });

        Assert.Equal(BruteForceTemplateCounter.SampleEntropy(rrMs, 2, sampEn.ToleranceMs, strict: false), sampEn.Value);
        Assert.Equal(BruteForceTemplateCounter.SampleEntropy(rrMs, 2, nolds.ToleranceMs, strict: true), nolds.Value);
        Assert.NotNull(apEn.Value);
        Assert.Equal(20, mse.SampleEntropyByScale.Count);
        Assert.NotNull(dfa.Alpha1);
        Assert.NotNull(dfa.Alpha2);
    }

    // ---------------------------------------------------------------- undefined and invalid input

    [Fact]
    public void Entropies_ConstantSeries_AreUndefinedWithZeroTolerance()
    {
        var x = Enumerable.Repeat(800.0, 300).ToArray();

        var sampEn = HrvMetrics.SampleEntropy(x);
        var apEn = HrvMetrics.ApproximateEntropy(x);
        var mse = HrvMetrics.MultiscaleEntropy(x, 5);

        Assert.Null(sampEn.Value);
        Assert.Equal("hrv.zero-tolerance", Assert.Single(sampEn.Problems).Code);
        Assert.Null(apEn.Value);
        Assert.Equal("hrv.zero-tolerance", Assert.Single(apEn.Problems).Code);
        Assert.All(mse.SampleEntropyByScale, v => Assert.Null(v));
        Assert.Equal("hrv.zero-tolerance", Assert.Single(mse.Problems).Code);
    }

    [Fact]
    public void DetrendedFluctuation_ConstantSeries_IsUndefinedWithZeroFluctuation()
    {
        var result = HrvMetrics.DetrendedFluctuation(Enumerable.Repeat(800.0, 300).ToArray());

        Assert.Null(result.Alpha1);
        Assert.Null(result.Alpha2);
        Assert.Equal(["hrv.zero-fluctuation", "hrv.zero-fluctuation"], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Entropies_TooShortSeries_ReportTooFewBeats()
    {
        double[] x = [800, 810, 790];

        Assert.Equal("hrv.too-few-beats", Assert.Single(HrvMetrics.SampleEntropy(x).Problems).Code);
        Assert.Equal("hrv.too-few-beats", Assert.Single(HrvMetrics.ApproximateEntropy(x).Problems).Code);
        Assert.Equal("hrv.too-few-beats", Assert.Single(HrvMetrics.SampleEntropy([]).Problems).Code);
        Assert.Null(HrvMetrics.SampleEntropy(x).Value);
    }

    [Fact]
    public void DetrendedFluctuation_TooShortSeries_ReportsTooFewBeatsPerExponent()
    {
        var x = Enumerable.Range(0, 40).Select(i => 800.0 + (i % 3 * 10)).ToArray();

        var result = HrvMetrics.DetrendedFluctuation(x);

        Assert.NotNull(result.Alpha1); // 40 ≥ 16
        Assert.Null(result.Alpha2); // 40 < 64
        Assert.Equal("hrv.too-few-beats", Assert.Single(result.Problems).Code);
        Assert.Equal(2, HrvMetrics.DetrendedFluctuation([]).Problems.Count);
    }

    [Fact]
    public void SampleEntropy_NoMatchingTemplates_IsUndefinedWithProblem()
    {
        // A strictly increasing series with steps of 10 ms and r = 5 ms: no two templates are within r.
        var x = Enumerable.Range(0, 50).Select(i => 700.0 + (10 * i)).ToArray();

        var result = HrvMetrics.SampleEntropy(x, new EntropyOptions { ToleranceMs = 5 });

        Assert.Null(result.Value);
        Assert.Equal(0, result.MatchingPairsM);
        Assert.Equal("hrv.no-template-matches", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Complexity_InvalidArguments_ThrowNamingTheArgument()
    {
        double[] x = [800, 810, 790, 805, 795];

        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.SampleEntropy(x, new EntropyOptions { EmbeddingDimension = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.SampleEntropy(x, new EntropyOptions { ToleranceMs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.ApproximateEntropy(x, new EntropyOptions { ToleranceSdFactor = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.MultiscaleEntropy(x, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.DetrendedFluctuation(x, new DfaOptions { ShortTermMinBeats = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.DetrendedFluctuation(x, new DfaOptions { LongTermMaxBeats = 16 }));
        var error = Assert.Throws<ArgumentException>(() => HrvMetrics.SampleEntropy([800, double.NaN, 790, 800]));
        Assert.Contains("[1]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HrvMetrics.DetrendedFluctuation([800, -1, 790]));
    }

    // ---------------------------------------------------------------- multiscale entropy

    [Fact]
    public void MultiscaleEntropy_EachScale_EqualsBruteForceSampEnOfCoarseGrainedSeriesWithOriginalTolerance()
    {
        var x = RandomSeries(seed: 7, length: 600);
        var r = 0.2 * SampleSd(x);
        var result = HrvMetrics.MultiscaleEntropy(x, 6);

        Assert.Equal(r, result.ToleranceMs, 1e-12);
        Assert.Equal(HrvMetrics.SampleEntropy(x).Value, result.SampleEntropyByScale[0]);
        for (var scale = 1; scale <= 6; scale++)
        {
            var coarse = Enumerable.Range(0, x.Length / scale).Select(j => x.Skip(j * scale).Take(scale).Sum() / scale).ToArray();
            var expected = BruteForceTemplateCounter.SampleEntropy(coarse, 2, r, strict: false);
            Assert.Equal(expected!.Value, result.SampleEntropyByScale[scale - 1]!.Value, 1e-12);
        }
    }

    [Fact]
    public void MultiscaleEntropy_ScaleBeyondSeries_IsNullWithProblemForThatScale()
    {
        var x = RandomSeries(seed: 3, length: 40);

        var result = HrvMetrics.MultiscaleEntropy(x, 12);

        Assert.Null(result.SampleEntropyByScale[11]); // ⌊40/12⌋ = 3 < m + 2
        Assert.Contains(result.Problems, p => p.Code == "hrv.too-few-beats" && p.Location == "MSE scale 12");
    }

    // ---------------------------------------------------------------- fast counter = brute force

    [Fact]
    public void CountPerTemplate_RandomSeriesWithTies_EqualsBruteForce()
    {
        // Values on a 5-ms grid and r on the same grid: many distances equal r exactly, so ≤ versus < matters.
        var series = Gen.Choose(4, 90).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 24).Select(v => 700.0 + (5 * v)), n));
        var cases =
            from x in series
            from k in Gen.Choose(1, 4)
            from r in Gen.Elements(5.0, 10.0, 15.0, 25.0)
            from strict in Gen.Elements(false, true)
            select (x, k, r, strict);

        Prop.ForAll(Arb.From(cases), c => CountsAgree(c.x, c.k, c.r, c.strict)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CountPerTemplate_RandomContinuousSeries_EqualsBruteForce()
    {
        var series = Gen.Choose(4, 120).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 400_000).Select(v => 600 + (v / 1000.0)), n));
        var cases =
            from x in series
            from k in Gen.Choose(1, 5)
            from r in Gen.Choose(1, 200_000).Select(v => v / 1000.0)
            from strict in Gen.Elements(false, true)
            select (x, k, r, strict);

        Prop.ForAll(Arb.From(cases), c => CountsAgree(c.x, c.k, c.r, c.strict)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CountPerTemplate_LongSeriesAllPaths_EqualBruteForce()
    {
        // Longer than the SIMD width many times over, with repeated values, for k = 1, 2, 3 and 4.
        var x = RandomSeries(seed: 11, length: 2500).Select(v => Math.Round(v / 8) * 8).ToArray();
        var r = 0.2 * SampleSd(x);
        for (var k = 1; k <= 4; k++)
        {
            foreach (var strict in new[] { false, true })
            {
                Assert.True(CountsAgree(x, k, r, strict), $"k = {k}, strict = {strict}");
            }
        }
    }

    [Fact]
    public void CountPerTemplate_LongQuantisedSeries_ManyGridBlocks_EqualBruteForce()
    {
        // 5,000 whole-millisecond RR values (blocks of S = 20 ranks, 250 blocks per side for k = 3) with an
        // integer r, so many distances equal r exactly and many values tie.
        var x = RandomSeries(seed: 23, length: 5000).Select(v => Math.Round(v)).ToArray();
        foreach (var k in new[] { 2, 3 })
        {
            foreach (var strict in new[] { false, true })
            {
                Assert.True(CountsAgree(x, k, 7.0, strict), $"k = {k}, strict = {strict}");
            }
        }
    }

    [Fact]
    public void CountPerTemplate_FewDistinctValues_EqualBruteForce()
    {
        // Adversarial: three distinct values 5 ms apart and r = 5, so every window holds most templates and
        // every distance is 0 or exactly r or 2r.
        var random = new Random(29);
        var x = Enumerable.Range(0, 4500).Select(_ => 700.0 + (5 * random.Next(3))).ToArray();
        foreach (var k in new[] { 1, 2, 3 })
        {
            foreach (var strict in new[] { false, true })
            {
                Assert.True(CountsAgree(x, k, 5.0, strict), $"k = {k}, strict = {strict}");
            }
        }
    }

    [Fact]
    public void CountPerTemplate_MixedFrequentAndRareValues_EveryBlockThreshold_EqualsBruteForce()
    {
        // A quantised RR series (7.8125-ms clock) with 3 % of the values off the grid, as after artifact correction:
        // frequent values get grid blocks of their own, rare ones share blocks that query boxes cut. r is a multiple
        // of the quantum, so many distances equal r exactly. Thresholds from "every value its own block" to "all share".
        var random = new Random(31);
        var x = Enumerable.Range(0, 3000)
            .Select(i => random.NextDouble() < 0.03
                ? 700 + (120 * random.NextDouble())
                : 7.8125 * Math.Round((800 + (40 * Math.Sin(i * 0.07)) + (30 * (random.NextDouble() - 0.5))) / 7.8125))
            .ToArray();
        foreach (var threshold in new[] { 1, 2, 16, 100_000 })
        {
            foreach (var strict in new[] { false, true })
            {
                Assert.True(WithBlockThreshold(threshold, () => CountsAgree(x, 3, 4 * 7.8125, strict)), $"threshold = {threshold}, strict = {strict}");
            }
        }
    }

    [Fact]
    public void CountPerTemplate_RandomTiesAnyBlockThreshold_EqualsBruteForce()
    {
        // Small series on a 5-ms grid with a few off-grid values; the block threshold decides which values share blocks.
        var value = Gen.Frequency((9, Gen.Choose(0, 24).Select(v => 700.0 + (5 * v))), (1, Gen.Choose(0, 120_000).Select(v => 700 + (v / 1000.0))));
        var cases =
            from n in Gen.Choose(3, 300)
            from x in Gen.ArrayOf(value, n)
            from threshold in Gen.Elements(1, 2, 3, 8, 1000)
            from r in Gen.Elements(5.0, 10.0, 15.0, 7.5)
            from strict in Gen.Elements(false, true)
            select (x, threshold, r, strict);

        Prop.ForAll(Arb.From(cases), c => WithBlockThreshold(c.threshold, () => CountsAgree(c.x, 3, c.r, c.strict))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CountPerTemplateBothLengths_EqualsTwoSeparateCounts()
    {
        var random = new Random(37);
        foreach (var n in new[] { 2, 3, 4, 5, 40, 700 })
        {
            var x = Enumerable.Range(0, n).Select(_ => 700.0 + (5 * random.Next(9))).ToArray();
            for (var k = 1; k <= 3 && k + 1 <= n; k++)
            {
                foreach (var (templatesK, templatesK1) in new[] { (n - k + 1, n - k), (n - k, n - k) })
                {
                    var both = new int[templatesK];
                    var bothK1 = new int[templatesK1];
                    TemplateMatchCounter.CountPerTemplateBothLengths(x, k, templatesK, both, templatesK1, bothK1, 10.0, false, CancellationToken.None);
                    Assert.Equal(BruteForceTemplateCounter.CountPerTemplate(x, k, templatesK, 10.0, false), both);
                    Assert.Equal(BruteForceTemplateCounter.CountPerTemplate(x, k + 1, templatesK1, 10.0, false), bothK1);
                }
            }
        }
    }

    [Fact]
    public void CountPerTemplate_ConstantSeries_EveryTemplateMatchesAll()
    {
        // Analytic: with r > 0 every template of a constant series matches every template, for tiny and huge N.
        foreach (var n in new[] { 1, 2, 3, 250_000 })
        {
            var x = Enumerable.Repeat(800.0, n).ToArray();
            for (var k = 1; k <= 3 && k <= n; k++)
            {
                var templates = n - k + 1;
                var counts = new int[templates];
                TemplateMatchCounter.CountPerTemplate(x, k, templates, 0.5, strict: true, counts);
                Assert.All(counts, c => Assert.Equal(templates, c));
            }
        }
    }

    [Fact]
    public void Entropies_Together_EqualTheSeparateCalls()
    {
        var random = new Random(41);
        var quantised = Enumerable.Range(0, 2000).Select(i => 7.8125 * Math.Round((800 + (60 * Math.Sin(i * 0.05)) + (40 * random.NextDouble())) / 7.8125)).ToArray();
        var options = new[]
        {
            EntropyOptions.Default,
            EntropyOptions.Default with { Comparison = ToleranceComparison.LessThan, ToleranceMs = 15.625 },
            EntropyOptions.Default with { EmbeddingDimension = 1 },
            EntropyOptions.Default with { EmbeddingDimension = 3 },
            EntropyOptions.Default with { MaximumIntervals = 1500 },
            EntropyOptions.Default with { ToleranceMs = 0.001 },
        };
        foreach (var x in new[] { quantised, RandomSeries(seed: 43, length: 900), [800.0, 800, 800, 800, 800], [800.0, 810] })
        {
            foreach (var o in options)
            {
                var (sample, approximate) = HrvMetrics.EntropiesCancellable(x, o, CancellationToken.None);
                var separateSample = HrvMetrics.SampleEntropy(x, o);
                var separateApproximate = HrvMetrics.ApproximateEntropy(x, o);
                Assert.Equal(separateSample with { Problems = [] }, sample with { Problems = [] });
                Assert.Equal(separateSample.Problems, sample.Problems);
                Assert.Equal(separateApproximate with { Problems = [] }, approximate with { Problems = [] });
                Assert.Equal(separateApproximate.Problems, approximate.Problems);
            }
        }
    }

    [Fact]
    public void CountPerTemplate_ValueGridAndSortedPaths_RandomQuantisedSeriesWithOutliers_EqualBruteForce()
    {
        // RR-like values on a 1-ms or 7.8125-ms clock, a few off the grid, and outliers at 300 and 2000 ms; r a multiple
        // of the quantum (many distances exactly r) or not. Both paths: the value grid forced on, and off.
        var cases =
            from quantum in Gen.Elements(1.0, 7.8125)
            from n in Gen.Choose(4, 400)
            from x in Gen.ArrayOf(
                Gen.Frequency(
                    (40, Gen.Choose(0, 40).Select(v => 780 + (quantum * v))),
                    (2, Gen.Choose(0, 100_000).Select(v => 700 + (v / 1000.0))),
                    (1, Gen.Elements(300.0, 2000.0))),
                n)
            from r in Gen.Elements(quantum, 2 * quantum, 4 * quantum, 2.5 * quantum, 1500.0)
            from k in Gen.Elements(2, 3)
            from strict in Gen.Elements(false, true)
            from grid in Gen.Elements(1, -1)
            select (x, k, r, strict, grid);

        Prop.ForAll(Arb.From(cases), c => WithValueGrid(c.grid, () => CountsAgree(c.x, c.k, c.r, c.strict) && BothLengthsAgree(c.x, c.r, c.strict)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CountPerTemplate_ValueGridForcedOnUnquantisedSeries_EqualBruteForce()
    {
        // No ties at all (every value its own number), including values 1e-9 apart around r.
        var cases =
            from n in Gen.Choose(4, 300)
            from x in Gen.ArrayOf(Gen.Choose(0, 2_000_000).Select(v => 300 + (v / 1000.0)), n)
            from r in Gen.Choose(1, 300_000).Select(v => v / 1000.0)
            from k in Gen.Elements(2, 3)
            from strict in Gen.Elements(false, true)
            select (x, k, r, strict);

        Prop.ForAll(Arb.From(cases), c => WithValueGrid(1, () => CountsAgree(c.x, c.k, c.r, c.strict))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CountPerTemplate_LongWholeMillisecondSeriesWithOutliers_ValueGridByDefault_EqualsBruteForce()
    {
        // 6,000 whole-ms beats (about 170 distinct values, so the default takes the value grid) with outliers at 300 and
        // 2000 ms and an integer r: ties at exactly r everywhere. Then 1,500 more off-grid values (D > 1,024: the sorted path).
        var random = new Random(47);
        var x = RandomSeries(seed: 53, length: 6000).Select(v => random.NextDouble() < 0.005 ? (random.NextDouble() < 0.5 ? 300.0 : 2000.0) : Math.Round(v)).ToArray();
        var manyValues = x.Concat(Enumerable.Range(0, 1500).Select(i => 700 + (i * 0.0625) + 0.001)).ToArray();
        foreach (var series in new[] { x, manyValues })
        {
            foreach (var k in new[] { 2, 3 })
            {
                foreach (var strict in new[] { false, true })
                {
                    Assert.True(CountsAgree(series, k, 9.0, strict), $"n = {series.Length}, k = {k}, strict = {strict}");
                }
            }

            Assert.True(BothLengthsAgree(series, 9.0, strict: false), $"n = {series.Length}, both lengths");
        }
    }

    [Fact]
    public void CountPerTemplate_ValueGrid_SignedZerosAreOneValue()
    {
        // −0 and +0 compare equal, so they are the same value for the counts; r = 0 with ≤ counts exact ties only.
        var x = new[] { 0.0, -0.0, 1, 0.0, -0.0, 1, -0.0, 0.0, 1, 0.0, 0.0, -0.0 };
        foreach (var k in new[] { 2, 3 })
        {
            foreach (var (r, strict) in new[] { (0.0, false), (1.0, false), (1.0, true) })
            {
                Assert.True(WithValueGrid(1, () => CountsAgree(x, k, r, strict)), $"k = {k}, r = {r}, strict = {strict}");
            }
        }
    }

    private static bool WithValueGrid(int mode, Func<bool> check)
    {
        TemplateMatchCounter.ValueGrid = mode;
        try
        {
            return check();
        }
        finally
        {
            TemplateMatchCounter.ValueGrid = 0;
        }
    }

    /// <summary>The shared length-2-and-3 count (what the one-call report uses) against brute force.</summary>
    private static bool BothLengthsAgree(double[] x, double r, bool strict)
    {
        if (x.Length < 4)
        {
            return true;
        }

        var countsK = new int[x.Length - 1];
        var countsK1 = new int[x.Length - 2];
        TemplateMatchCounter.CountPerTemplateBothLengths(x, 2, countsK.Length, countsK, countsK1.Length, countsK1, r, strict, CancellationToken.None);
        return countsK.SequenceEqual(BruteForceTemplateCounter.CountPerTemplate(x, 2, countsK.Length, r, strict))
            && countsK1.SequenceEqual(BruteForceTemplateCounter.CountPerTemplate(x, 3, countsK1.Length, r, strict));
    }

    private static bool WithBlockThreshold(int threshold, Func<bool> check)
    {
        TemplateMatchCounter.BlockThreshold = threshold;
        try
        {
            return check();
        }
        finally
        {
            TemplateMatchCounter.BlockThreshold = 0;
        }
    }

    private static bool CountsAgree(double[] x, int k, double r, bool strict)
    {
        if (x.Length < k)
        {
            return true;
        }

        foreach (var templates in new[] { x.Length - k + 1, x.Length - k })
        {
            if (templates < 1)
            {
                continue;
            }

            var fast = new int[templates];
            TemplateMatchCounter.CountPerTemplate(x, k, templates, r, strict, fast);
            if (!fast.SequenceEqual(BruteForceTemplateCounter.CountPerTemplate(x, k, templates, r, strict)))
            {
                return false;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- helpers

    private static bool IsConstant(double[] x) => x.All(v => v == x[0]);

    private static double SampleSd(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
    }

    private static double AnalyticRampAlpha(int minScale, int maxScale)
    {
        var points = Enumerable.Range(minScale, maxScale - minScale + 1)
            .Select(n => (X: Math.Log(n), Y: Math.Log(0.5 * Math.Sqrt(((double)n * n - 1) * (((double)n * n) - 4) / 180))))
            .ToArray();
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }

    /// <summary>A seeded RR-like series: 800 ms, a slow wave, a respiratory wave and noise.</summary>
    private static double[] RandomSeries(int seed, int length)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length)
            .Select(i => 800 + (40 * Math.Sin(i * 0.07)) + (25 * Math.Sin(i * 1.3)) + (30 * (random.NextDouble() - 0.5)))
            .ToArray();
    }
}
