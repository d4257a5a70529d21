using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>
/// The reliable change index of Jacobson &amp; Truax (1991): is a person's change larger than measurement error?
/// </summary>
/// <remarks>
/// <para>Jacobson, N. S. &amp; Truax, P. (1991). Clinical significance: a statistical approach to defining meaningful change
/// in psychotherapy research. J Consult Clin Psychol 59(1):12–19, doi:10.1037/0022-006X.59.1.12.
/// SE = s₁·√(1 − r_xx); S_diff = √(2·SE²); RC = (x₂ − x₁)/S_diff; the change is reliable when |RC| &gt; 1.96 (strictly).
/// s₁ is the SD of the pre-treatment (clinical) population or the instrument's norm SD, and r_xx the instrument's
/// reliability (test–retest or internal consistency), both given explicitly so instrument definitions can supply them.
/// The √2 was missing in Jacobson, Follette &amp; Revenstorf (1984) and corrected by Christensen &amp; Mendoza (1986).</para>
/// <para>Peer: R package <c>clinicalsignificance</c> (same formulas; its unit test change = −8..8, SD 5, r 0.80 gives
/// S_diff 3.162278). <c>MDMA::rci</c> takes the sample SD of the pre scores instead of a norm SD. Maassen (2004) discusses
/// other standard errors; only J&amp;T's is offered.</para>
/// </remarks>
public static class ReliableChange
{
    /// <summary>The usual critical value, 1.96 (two-sided p &lt; .05).</summary>
    public const double DefaultCriticalValue = 1.96;

    /// <summary>Computes the reliable change index with the critical value 1.96.</summary>
    /// <param name="pre">Score before, in score units.</param>
    /// <param name="post">Score after, in score units.</param>
    /// <param name="reliability">The instrument's reliability r_xx, in [0, 1).</param>
    /// <param name="normStandardDeviation">SD of the reference (pre-treatment or norm) population, in score units, greater than 0.</param>
    /// <param name="direction">Which direction is better.</param>
    /// <returns>The index and its parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is not finite; <paramref name="reliability"/> is outside [0, 1); <paramref name="normStandardDeviation"/> is not positive; or a result would be beyond double's range (see the other overload).</exception>
    public static ReliableChangeResult Compute(double pre, double post, double reliability, double normStandardDeviation, ChangeDirection direction) =>
        Compute(pre, post, reliability, normStandardDeviation, direction, DefaultCriticalValue);

    /// <summary>Computes the reliable change index with a chosen critical value (e.g. 1.645 for a one-sided test at .05).</summary>
    /// <param name="pre">Score before, in score units.</param>
    /// <param name="post">Score after, in score units.</param>
    /// <param name="reliability">The instrument's reliability r_xx, in [0, 1).</param>
    /// <param name="normStandardDeviation">SD of the reference (pre-treatment or norm) population, in score units, greater than 0.</param>
    /// <param name="direction">Which direction is better.</param>
    /// <param name="criticalValue">|RC| must exceed this; greater than 0.</param>
    /// <returns>The index and its parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is not finite; <paramref name="reliability"/> is outside [0, 1); <paramref name="normStandardDeviation"/> or <paramref name="criticalValue"/> is not positive;
    /// <paramref name="direction"/> is not defined; or the change, RC or the critical difference is beyond double's range (never a NaN or ∞ in the result; the exception names the argument to blame).</exception>
    public static ReliableChangeResult Compute(double pre, double post, double reliability, double normStandardDeviation, ChangeDirection direction, double criticalValue)
    {
        Guard.Finite(pre);
        Guard.Finite(post);
        Guard.Positive(criticalValue);
        Guard.Defined(direction);
        var sDiff = StandardErrorOfDifference(reliability, normStandardDeviation);
        var se = normStandardDeviation * Math.Sqrt(1 - reliability);
        var change = post - pre;
        if (!double.IsFinite(change))
        {
            throw new ArgumentOutOfRangeException(nameof(post), post, string.Create(CultureInfo.InvariantCulture, $"post − pre = {post} − {pre} is beyond the range of double-precision numbers."));
        }

        var rc = change / sDiff;
        if (!double.IsFinite(rc))
        {
            throw new ArgumentOutOfRangeException(nameof(normStandardDeviation), normStandardDeviation, string.Create(CultureInfo.InvariantCulture, $"is too small for a change of {change}: RC = change / S_diff = {change} / {sDiff} is beyond the range of double-precision numbers."));
        }

        if (!double.IsFinite(criticalValue * sDiff))
        {
            throw new ArgumentOutOfRangeException(nameof(criticalValue), criticalValue, string.Create(CultureInfo.InvariantCulture, $"criticalValue × S_diff = {criticalValue} × {sDiff} is beyond the range of double-precision numbers."));
        }

        var outcome = Math.Abs(rc) > criticalValue
            ? (change > 0) == (direction == ChangeDirection.HigherIsBetter) ? ReliableChangeOutcome.ReliableImprovement : ReliableChangeOutcome.ReliableDeterioration
            : ReliableChangeOutcome.NoReliableChange;
        return new ReliableChangeResult(change, se, sDiff, rc, criticalValue, criticalValue * sDiff, direction, outcome);
    }

    /// <summary>S_diff = √(2·SE²) with SE = SD·√(1 − r_xx) (Jacobson &amp; Truax 1991).</summary>
    /// <param name="reliability">The instrument's reliability r_xx, in [0, 1).</param>
    /// <param name="normStandardDeviation">SD of the reference population, in score units, greater than 0.</param>
    /// <returns>S_diff in score units.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reliability"/> is outside [0, 1) (a reliability of 1 leaves no measurement error to compare with); <paramref name="normStandardDeviation"/> is not positive.</exception>
    public static double StandardErrorOfDifference(double reliability, double normStandardDeviation)
    {
        Guard.InRange(reliability, 0, 1);
        if (reliability >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(reliability), reliability, "must be below 1: with r_xx = 1 there is no measurement error and every change would be 'reliable'; was 1.");
        }

        Guard.Positive(normStandardDeviation);
        var se = normStandardDeviation * Math.Sqrt(1 - reliability);
        return Math.Sqrt(2) * se; // = √(2·SE²) without squaring SE, which underflowed to 0 for an SD of 1e-200 (and overflowed near 1e308)
    }
}
