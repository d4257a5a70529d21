namespace RelationalNeuro.Change;

/// <summary>The three cut-offs of Jacobson &amp; Truax (1991), in score units. B and C are null without functional norms.</summary>
/// <param name="A">Two SDs beyond the clinical mean in the better direction: leaving the dysfunctional range.</param>
/// <param name="B">Two functional SDs short of the functional mean: entering the functional range (uses the functional SD, as the paper does).</param>
/// <param name="C">The weighted midpoint (SD_clin·M_func + SD_func·M_clin)/(SD_clin + SD_func): closer to functional than to clinical.</param>
/// <param name="Direction">Which direction is better.</param>
public readonly record struct ClinicalCutoffs(double A, double? B, double? C, ChangeDirection Direction);
