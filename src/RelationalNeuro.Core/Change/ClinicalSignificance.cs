using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>Clinically significant change: the cut-offs a, b and c and the recovered / improved / unchanged / deteriorated categories.</summary>
/// <remarks>
/// <para>Jacobson &amp; Truax (1991), J Consult Clin Psychol 59(1):12–19, doi:10.1037/0022-006X.59.1.12. For higher-is-better
/// scores: a = M_clin + 2·SD_clin; b = M_func − 2·SD_func; c = (SD_clin·M_func + SD_func·M_clin)/(SD_clin + SD_func). For
/// lower-is-better scores the signs of a and b flip; c is the same. Recovered = reliable improvement and the post score
/// strictly beyond the cut-off on the functional side while the pre score was not; a score exactly at the cut-off counts as
/// not beyond it.</para>
/// <para>Peer difference: the R package <c>clinicalsignificance</c> (<c>.calc_cutoff_jt</c>) computes b with the clinical SD
/// (M_func − 2·SD_clin). This library follows the paper (functional SD); the two agree only when the SDs are equal, and differ
/// by 2·|SD_func − SD_clin| otherwise (0.7 points for the PSS-10-like example SD 6 vs 6.35).</para>
/// </remarks>
public static class ClinicalSignificance
{
    /// <summary>Cut-off a only (no functional norms available).</summary>
    /// <param name="clinical">Mean and SD of the clinical (pre-treatment) population.</param>
    /// <param name="direction">Which direction is better.</param>
    /// <returns>The cut-offs with B and C null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, an SD not positive and finite, <paramref name="direction"/> not defined, or a cut-off beyond double's range.</exception>
    public static ClinicalCutoffs Cutoffs(Norm clinical, ChangeDirection direction)
    {
        Validate(clinical, nameof(clinical));
        Guard.Defined(direction);
        var sign = direction == ChangeDirection.HigherIsBetter ? 1 : -1;
        return new ClinicalCutoffs(TwoSdBeyond(clinical, sign, nameof(clinical)), null, null, direction);
    }

    /// <summary>All three cut-offs.</summary>
    /// <param name="clinical">Mean and SD of the clinical (pre-treatment) population.</param>
    /// <param name="functional">Mean and SD of the functional (norm) population.</param>
    /// <param name="direction">Which direction is better.</param>
    /// <returns>The cut-offs a, b and c.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, an SD not positive and finite, <paramref name="direction"/> not defined, or a cut-off beyond double's range.</exception>
    public static ClinicalCutoffs Cutoffs(Norm clinical, Norm functional, ChangeDirection direction)
    {
        Validate(clinical, nameof(clinical));
        Validate(functional, nameof(functional));
        Guard.Defined(direction);
        var sign = direction == ChangeDirection.HigherIsBetter ? 1 : -1;
        var a = TwoSdBeyond(clinical, sign, nameof(clinical));
        var b = TwoSdBeyond(functional, -sign, nameof(functional));

        // c as a convex combination w·M_func + (1 − w)·M_clin with w = SD_clin/(SD_clin + SD_func): the same value, but it
        // can neither overflow nor underflow: both SDs are divided by the larger, so the sum lies in [1, 2] (halving them
        // instead kept 1e308 finite but turned two subnormal SDs into 0/0).
        var larger = Math.Max(clinical.StandardDeviation, functional.StandardDeviation);
        var clinicalShare = clinical.StandardDeviation / larger;
        var w = clinicalShare / (clinicalShare + (functional.StandardDeviation / larger));
        var c = (w * functional.Mean) + ((1 - w) * clinical.Mean);
        return new ClinicalCutoffs(a, b, c, direction);
    }

    /// <summary>Classifies one person's change.</summary>
    /// <param name="pre">Score before.</param>
    /// <param name="post">Score after.</param>
    /// <param name="reliability">The instrument's reliability r_xx, in [0, 1).</param>
    /// <param name="normStandardDeviation">SD for the reliable change index (clinical or norm SD), greater than 0.</param>
    /// <param name="cutoff">The cut-off value in score units (from <see cref="Cutoffs(Norm, Norm, ChangeDirection)"/>).</param>
    /// <param name="direction">Which direction is better.</param>
    /// <returns>The reliable change and the category.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid scores, reliability, SD or cut-off (see <see cref="ReliableChange.Compute(double, double, double, double, ChangeDirection)"/>).</exception>
    public static ClinicalSignificanceResult Classify(double pre, double post, double reliability, double normStandardDeviation, double cutoff, ChangeDirection direction) =>
        Classify(pre, post, reliability, normStandardDeviation, cutoff, direction, ReliableChange.DefaultCriticalValue);

    /// <summary>Classifies one person's change with a chosen critical value of the reliable change index (e.g. 1.645 for a one-sided 5 % test, as some studies report).</summary>
    /// <param name="pre">Score before.</param>
    /// <param name="post">Score after.</param>
    /// <param name="reliability">The instrument's reliability r_xx, in [0, 1).</param>
    /// <param name="normStandardDeviation">SD for the reliable change index (clinical or norm SD), greater than 0.</param>
    /// <param name="cutoff">The cut-off value in score units (from <see cref="Cutoffs(Norm, Norm, ChangeDirection)"/>).</param>
    /// <param name="direction">Which direction is better.</param>
    /// <param name="criticalValue">|RC| must exceed this (strictly) for a reliable change; greater than 0 (Jacobson &amp; Truax: 1.96).</param>
    /// <returns>The reliable change and the category.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid scores, reliability, SD, cut-off or critical value (see <see cref="ReliableChange.Compute(double, double, double, double, ChangeDirection, double)"/>).</exception>
    public static ClinicalSignificanceResult Classify(double pre, double post, double reliability, double normStandardDeviation, double cutoff, ChangeDirection direction, double criticalValue)
    {
        Guard.Finite(cutoff);
        Guard.Defined(direction);
        var rc = ReliableChange.Compute(pre, post, reliability, normStandardDeviation, direction, criticalValue);
        var preFunctional = Beyond(pre, cutoff, direction);
        var postFunctional = Beyond(post, cutoff, direction);
        var category = rc.Outcome switch
        {
            ReliableChangeOutcome.ReliableDeterioration => ClinicalSignificanceCategory.Deteriorated,
            ReliableChangeOutcome.ReliableImprovement when postFunctional && !preFunctional => ClinicalSignificanceCategory.Recovered,
            ReliableChangeOutcome.ReliableImprovement => ClinicalSignificanceCategory.Improved,
            _ => ClinicalSignificanceCategory.Unchanged,
        };
        return new ClinicalSignificanceResult(rc, cutoff, preFunctional, postFunctional, category);
    }

    /// <summary>Picks a cut-off value.</summary>
    /// <param name="cutoffs">The cut-offs.</param>
    /// <param name="which">Which one.</param>
    /// <returns>The value in score units.</returns>
    /// <exception cref="ArgumentException"><paramref name="which"/> is B or C but <paramref name="cutoffs"/> were computed without functional norms (use <see cref="TrySelect"/> to test).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="which"/> is not a defined <see cref="ClinicalCutoffKind"/>.</exception>
    public static double Select(ClinicalCutoffs cutoffs, ClinicalCutoffKind which) =>
        TrySelect(cutoffs, which, out var value)
            ? value
            : throw new ArgumentException(
                $"Cut-off {which} needs functional norms, but these cut-offs were computed without them; compute them with Cutoffs(clinical, functional, direction) or use cut-off A.",
                nameof(cutoffs));

    /// <summary>Picks a cut-off value when it exists.</summary>
    /// <param name="cutoffs">The cut-offs.</param>
    /// <param name="which">Which one.</param>
    /// <param name="value">The value in score units; 0 when it does not exist.</param>
    /// <returns>False when <paramref name="which"/> is B or C and <paramref name="cutoffs"/> were computed without functional norms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="which"/> is not a defined <see cref="ClinicalCutoffKind"/>.</exception>
    public static bool TrySelect(ClinicalCutoffs cutoffs, ClinicalCutoffKind which, out double value)
    {
        var selected = Guard.Defined(which) switch
        {
            ClinicalCutoffKind.A => cutoffs.A,
            ClinicalCutoffKind.B => cutoffs.B,
            _ => cutoffs.C,
        };
        value = selected ?? 0;
        return selected is not null;
    }

    /// <summary>Mean ± 2 SD (sign +1: above), which must stay finite.</summary>
    private static double TwoSdBeyond(Norm norm, int sign, string name)
    {
        var value = norm.Mean + (sign * 2 * norm.StandardDeviation);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, norm.Mean, $"{name}.Mean ± 2·{name}.StandardDeviation is beyond the range of double-precision numbers.");
        }

        return value;
    }

    private static bool Beyond(double score, double cutoff, ChangeDirection direction) =>
        direction == ChangeDirection.HigherIsBetter ? score > cutoff : score < cutoff;

    private static void Validate(Norm norm, string name)
    {
        if (!double.IsFinite(norm.Mean))
        {
            throw new ArgumentOutOfRangeException(name, norm.Mean, $"{name}.Mean must be finite; was {norm.Mean.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (!(norm.StandardDeviation > 0) || double.IsInfinity(norm.StandardDeviation))
        {
            throw new ArgumentOutOfRangeException(name, norm.StandardDeviation, $"{name}.StandardDeviation must be finite and greater than 0; was {norm.StandardDeviation.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
