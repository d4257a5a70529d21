using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// Areas under the curve and simple changes of any repeated biomarker (cortisol, oxytocin, alpha-amylase...)
/// sampled at strictly increasing, possibly unequally spaced times. Unit-neutral: areas are in value unit ×
/// time unit, slopes in value unit per time unit.
/// </summary>
/// <remarks>
/// <para>Definitions: Pruessner, Kirschbaum, Meinlschmid &amp; Hellhammer (2003), "Two formulas for computation of
/// the area under the curve represent measures of total hormone concentration versus time-dependent change",
/// Psychoneuroendocrinology 28(7):916–931, doi:10.1016/S0306-4530(02)00108-7. With Δᵢ = tᵢ₊₁ − tᵢ:
/// AUCg = Σ (mᵢ₊₁ + mᵢ)/2 · Δᵢ and AUCi = AUCg − m₁ · (tₙ − t₁). AUCi is not clamped and may be negative.
/// The baseline of AUCi is the first sample passed in. Identical to BioPsyKit 0.13.1 <c>saliva.auc</c>.</para>
/// <para>Error model (the same as <see cref="CortisolAwakeningResponse"/>, <see cref="StressReactivity"/> and
/// <see cref="DiurnalCortisol"/>): a missing value (NaN), an infinite value, non-finite or not strictly increasing
/// times and fewer than 2 samples are data problems: they come back in the result's <c>Problems</c> (codes
/// <c>endocrine.*</c>, location <c>S</c>index) with the affected index null, and a missing value follows the
/// <see cref="MissingValuePolicy"/> (default <see cref="MissingValuePolicy.Reject"/>). Spans of different lengths
/// and out-of-range indices are programmer errors and throw. Unlike the cortisol analyses, negative values are
/// accepted here (baseline-corrected data).</para>
/// </remarks>
public static class Auc
{
    /// <summary>Both areas (Pruessner 2003) in one pass.</summary>
    /// <param name="times">Sample times, strictly increasing (any time unit, e.g. minutes).</param>
    /// <param name="values">Values at <paramref name="times"/> (any unit, e.g. nmol/L); NaN for a missing sample. The first is the AUCi baseline.</param>
    /// <param name="missingValues">What a missing value does: null areas (<see cref="MissingValuePolicy.Reject"/>, default) or the trapezoid across the gap (<see cref="MissingValuePolicy.Omit"/>). A missing first sample always gives null.</param>
    /// <returns>AUCg and AUCi in value unit × time unit, or null with the problems.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static AucResult Compute(ReadOnlySpan<double> times, ReadOnlySpan<double> values, MissingValuePolicy missingValues = MissingValuePolicy.Reject) =>
        ComputeFrom(times, values, 0, missingValues, "AUC");

    /// <summary>
    /// Both areas over the samples at or after <paramref name="onset"/> only, with the first such sample as baseline
    /// (BioPsyKit <c>auc_i_post</c>; for stress protocols where negative times are pre-stressor samples).
    /// </summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>; NaN for a missing sample.</param>
    /// <param name="onset">First time that counts as post-stressor (default 0).</param>
    /// <param name="missingValues">The missing-value policy (see <see cref="Compute"/>).</param>
    /// <returns>AUCg and AUCi of the post segment, or null with the problems (e.g. <c>endocrine.too-few-samples</c> when fewer than 2 samples are at or after <paramref name="onset"/>).</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="onset"/> is NaN.</exception>
    public static AucResult ComputeAfter(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double onset = 0, MissingValuePolicy missingValues = MissingValuePolicy.Reject)
    {
        if (double.IsNaN(onset))
        {
            throw new ArgumentOutOfRangeException(nameof(onset), onset, "must be a number; was NaN");
        }

        return ComputeFrom(times, values, ProfileInput.FirstAtOrAfter(times, onset), missingValues, "AUCiPost");
    }

    /// <summary>Largest later value minus the first value (BioPsyKit <c>max_increase</c>: first vs max of the subsequent samples).</summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>; NaN for a missing sample.</param>
    /// <param name="missingValues">A missing later sample: null (<see cref="MissingValuePolicy.Reject"/>, default) or left out with a warning (<see cref="MissingValuePolicy.Omit"/>). A missing first sample always gives null.</param>
    /// <returns>max(v₂..vₙ) − v₁ in the value unit (negative when every later value is lower), or null with the problems.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static ProfileChange MaxIncrease(ReadOnlySpan<double> times, ReadOnlySpan<double> values, MissingValuePolicy missingValues = MissingValuePolicy.Reject)
    {
        Guard.SameLength(times, values);
        Guard.Defined(missingValues);
        var problems = new ProblemCollector();
        if (ProfileInput.Prepare(times, values, "time units", concentrations: false, problems) is not { } present)
        {
            return new ProfileChange(null, problems.ToList());
        }

        if (!present[0])
        {
            problems.Error("endocrine.metric-unavailable", "MaxIncrease needs the first sample (S0), its baseline, which is missing.", "MaxIncrease");
            return new ProfileChange(null, problems.ToList());
        }

        if (ProfileInput.Usable(present, 1, values.Length, missingValues, "MaxIncrease", problems) is not { } later)
        {
            return new ProfileChange(null, problems.ToList());
        }

        return new ProfileChange(ProfileInput.FiniteOrNull(values[ProfileInput.ArgMax(values, later)] - values[0], "MaxIncrease", problems), problems.ToList());
    }

    /// <summary>Slope between two samples (BioPsyKit <c>slope</c>): (v[to] − v[from]) / (t[to] − t[from]).</summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>; NaN for a missing sample.</param>
    /// <param name="from">Index of the first sample.</param>
    /// <param name="to">Index of the second sample; must differ from <paramref name="from"/>.</param>
    /// <returns>Value unit per time unit, or null with the problems (e.g. an endpoint is missing).</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the series, or the two are equal.</exception>
    public static ProfileChange Slope(ReadOnlySpan<double> times, ReadOnlySpan<double> values, int from, int to)
    {
        Guard.SameLength(times, values);
        Guard.InRange(from, 0, times.Length - 1);
        Guard.InRange(to, 0, times.Length - 1);
        if (from == to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "must differ from 'from'.");
        }

        var problems = new ProblemCollector();
        if (ProfileInput.Prepare(times, values, "time units", concentrations: false, problems) is not { } present)
        {
            return new ProfileChange(null, problems.ToList());
        }

        if (!present[from] || !present[to])
        {
            problems.Error("endocrine.metric-unavailable", "The slope needs both of its samples; one is missing.", "Slope");
            return new ProfileChange(null, problems.ToList());
        }

        return new ProfileChange(ProfileInput.FiniteOrNull((values[to] - values[from]) / (times[to] - times[from]), "Slope", problems), problems.ToList());
    }

    internal static double Trapezoid(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        for (var i = 0; i < times.Length - 1; i++)
        {
            sum += (values[i + 1] + values[i]) * 0.5 * (times[i + 1] - times[i]);
        }

        return sum;
    }

    private static AucResult ComputeFrom(ReadOnlySpan<double> times, ReadOnlySpan<double> values, int start, MissingValuePolicy missingValues, string metric)
    {
        Guard.SameLength(times, values);
        Guard.Defined(missingValues);
        var problems = new ProblemCollector();
        if (ProfileInput.Prepare(times, values, "time units", concentrations: false, problems) is not { } present)
        {
            return new AucResult(null, null, problems.ToList());
        }

        var area = ProfileInput.Area(times, values, present, start, times.Length, missingValues, metric, problems);
        return new AucResult(area?.Ground, area?.Increase, problems.ToList());
    }
}
