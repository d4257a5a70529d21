using RelationalNeuro.Change;

namespace RelationalNeuro.Core.Tests.Change;

public class ClinicalSignificanceTests
{
    private const double Tol = 1e-6;

    // Peer cut-off test of R clinicalsignificance (research file §9.2): M_clin 40, SD 7.5, M_func 60, SD 7.5, higher better → 55, 45, 50.
    [Fact]
    public void Cutoffs_PeerExample_HigherIsBetter()
    {
        var c = ClinicalSignificance.Cutoffs(new Norm(40, 7.5), new Norm(60, 7.5), ChangeDirection.HigherIsBetter);
        Assert.Equal(55, c.A, Tol);
        Assert.Equal(45, c.B!.Value, Tol);
        Assert.Equal(50, c.C!.Value, Tol);
    }

    // TV11 (research file §10): lower is better, PSS-10-like norms. b uses the functional SD (6.35) as J&T define it.
    [Fact]
    public void Cutoffs_TV11_LowerIsBetter_BUsesFunctionalSd()
    {
        var c = ClinicalSignificance.Cutoffs(new Norm(24, 6), new Norm(13.02, 6.35), ChangeDirection.LowerIsBetter);
        Assert.Equal(12.0, c.A, Tol);
        Assert.Equal(25.72, c.B!.Value, Tol);
        Assert.Equal(18.665587, c.C!.Value, Tol);
        // The R package's b would be 13.02 + 2·6 = 25.02: 0.70 points away.
        Assert.Equal(0.70, c.B!.Value - (13.02 + (2 * 6)), Tol);
    }

    // Found by the property suite (seed 20261155): two subnormal SDs made the weight 0/0 and c NaN. Equal SDs weigh the
    // means equally, so c is their midpoint (Jacobson & Truax's c with SD_clin = SD_func); unequal extremes stay finite.
    [Fact]
    public void Cutoffs_SubnormalOrExtremeSds_CIsFiniteAndWeighted()
    {
        var equal = ClinicalSignificance.Cutoffs(new Norm(72.57932618846155, 5e-324), new Norm(413.1458051098258, 5e-324), ChangeDirection.HigherIsBetter);
        Assert.Equal((72.57932618846155 + 413.1458051098258) / 2, equal.C!.Value, 1e-12);

        // SD_clin 1e307, SD_func 5e-324: w = SD_clin / (SD_clin + SD_func) = 1, so c is the functional mean.
        var lopsided = ClinicalSignificance.Cutoffs(new Norm(0, 1e307), new Norm(10, 5e-324), ChangeDirection.LowerIsBetter);
        Assert.Equal(10, lopsided.C!.Value);
        Assert.True(double.IsFinite(lopsided.A));
    }

    [Fact]
    public void Cutoffs_ClinicalOnly_HasOnlyA()
    {
        var c = ClinicalSignificance.Cutoffs(new Norm(24, 6), ChangeDirection.LowerIsBetter);
        Assert.Equal(12, c.A);
        Assert.Null(c.B);
        Assert.Null(c.C);
        Assert.Equal("cutoffs", Assert.Throws<ArgumentException>(() => ClinicalSignificance.Select(c, ClinicalCutoffKind.C)).ParamName);
        Assert.False(ClinicalSignificance.TrySelect(c, ClinicalCutoffKind.C, out _));
        Assert.Equal(12, ClinicalSignificance.Select(c, ClinicalCutoffKind.A));
    }

    // TV10 + TV11: pre 30 → post 18 is a reliable improvement (RC −3.27) and crosses c = 18.67 → recovered;
    // → post 20 is reliable (RC −2.72) but stays above c → improved.
    [Theory]
    [InlineData(18, ClinicalSignificanceCategory.Recovered)]
    [InlineData(20, ClinicalSignificanceCategory.Improved)]
    [InlineData(26, ClinicalSignificanceCategory.Unchanged)]
    [InlineData(38, ClinicalSignificanceCategory.Deteriorated)]
    public void Classify_PssLikeExample(double post, ClinicalSignificanceCategory expected)
    {
        var c = ClinicalSignificance.Cutoffs(new Norm(24, 6), new Norm(13.02, 6.35), ChangeDirection.LowerIsBetter);
        var r = ClinicalSignificance.Classify(30, post, 0.88, 7.5, ClinicalSignificance.Select(c, ClinicalCutoffKind.C), ChangeDirection.LowerIsBetter);
        Assert.Equal(expected, r.Category);
    }

    // Decision 7: a post score exactly at the cut-off is not beyond it (higher is better, cut-off 50).
    [Fact]
    public void Classify_PostExactlyAtCutoff_NotRecovered()
    {
        var at = ClinicalSignificance.Classify(30, 50, 0.8, 5, 50, ChangeDirection.HigherIsBetter);
        Assert.False(at.PostFunctional);
        Assert.Equal(ClinicalSignificanceCategory.Improved, at.Category);
        Assert.Equal(ClinicalSignificanceCategory.Recovered, ClinicalSignificance.Classify(30, 50.5, 0.8, 5, 50, ChangeDirection.HigherIsBetter).Category);
    }

    [Fact]
    public void Classify_AlreadyFunctionalBefore_IsImprovedNotRecovered() =>
        Assert.Equal(ClinicalSignificanceCategory.Improved, ClinicalSignificance.Classify(52, 62, 0.8, 5, 50, ChangeDirection.HigherIsBetter).Category);

    [Fact]
    public void Cutoffs_ZeroSd_ThrowsNamingTheNorm() =>
        Assert.Equal("functional", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClinicalSignificance.Cutoffs(new Norm(24, 6), new Norm(13, 0), ChangeDirection.LowerIsBetter)).ParamName);

    // Analytic: r 0.88, SD 7.5 → S_diff = 7.5·√0.24 = 3.674235; 30 → 23 gives RC = −7/3.674235 = −1.905: reliable at 1.645
    // (one-sided .05), not at 1.96. With the cut-off 25 (lower is better) the post score is functional, the pre score not.
    [Fact]
    public void Classify_CriticalValue_IsAParameter()
    {
        var strict = ClinicalSignificance.Classify(30, 23, 0.88, 7.5, 25, ChangeDirection.LowerIsBetter);
        var oneSided = ClinicalSignificance.Classify(30, 23, 0.88, 7.5, 25, ChangeDirection.LowerIsBetter, 1.645);
        Assert.Equal(-7 / (7.5 * Math.Sqrt(0.24)), oneSided.ReliableChange.Index, 12);
        Assert.Equal(ClinicalSignificanceCategory.Unchanged, strict.Category);
        Assert.Equal(ClinicalSignificanceCategory.Recovered, oneSided.Category);
        Assert.Equal(1.645, oneSided.ReliableChange.CriticalValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClinicalSignificance.Classify(30, 23, 0.88, 7.5, 25, ChangeDirection.LowerIsBetter, 0));
    }
}
