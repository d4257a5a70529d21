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
/// <para>Input policy: these span functions take complete, valid series and throw <see cref="ArgumentException"/>
/// (naming argument, index and value) for mismatched lengths, fewer than 2 samples, non-finite or not strictly
/// increasing times, and non-finite values. Negative values are accepted here (baseline-corrected data); the
/// cortisol analyses (<see cref="CortisolAwakeningResponse"/>, <see cref="StressReactivity"/>,
/// <see cref="DiurnalCortisol"/>) treat missing and negative concentrations as data problems instead.</para>
/// </remarks>
public static class Auc
{
    /// <summary>AUCg (Pruessner 2003): trapezoid area with respect to ground.</summary>
    /// <param name="times">Sample times, strictly increasing (any time unit, e.g. minutes).</param>
    /// <param name="values">Values at <paramref name="times"/> (any unit, e.g. nmol/L).</param>
    /// <returns>AUCg in value unit × time unit.</returns>
    /// <exception cref="ArgumentException">Invalid series (see the class remarks).</exception>
    public static double Ground(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        SeriesGuard.Validate(times, values);
        return Trapezoid(times, values);
    }

    /// <summary>AUCi (Pruessner 2003): AUCg minus the first value × total duration; negative for a falling curve.</summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>; the first is the baseline.</param>
    /// <returns>AUCi in value unit × time unit.</returns>
    /// <exception cref="ArgumentException">Invalid series (see the class remarks).</exception>
    public static double Increase(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        SeriesGuard.Validate(times, values);
        return Trapezoid(times, values) - (values[0] * (times[^1] - times[0]));
    }

    /// <summary>Both areas (Pruessner 2003) in one pass.</summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>; the first is the AUCi baseline.</param>
    /// <returns>AUCg and AUCi in value unit × time unit.</returns>
    /// <exception cref="ArgumentException">Invalid series (see the class remarks).</exception>
    public static AreaUnderCurve Compute(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        SeriesGuard.Validate(times, values);
        var g = Trapezoid(times, values);
        return new AreaUnderCurve(g, g - (values[0] * (times[^1] - times[0])));
    }

    /// <summary>
    /// AUCi over the samples at or after <paramref name="onset"/> only, with the first such sample as baseline
    /// (BioPsyKit <c>auc_i_post</c>; for stress protocols where negative times are pre-stressor samples).
    /// </summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>.</param>
    /// <param name="onset">First time that counts as post-stressor (default 0).</param>
    /// <returns>AUCi of the post segment, or null when fewer than 2 samples are at or after <paramref name="onset"/>.</returns>
    /// <exception cref="ArgumentException">Invalid series (see the class remarks), or <paramref name="onset"/> is NaN.</exception>
    public static double? IncreaseAfter(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double onset = 0)
    {
        SeriesGuard.Validate(times, values);
        if (double.IsNaN(onset))
        {
            throw new ArgumentException("onset was NaN; it must be a number.", nameof(onset));
        }

        var first = FirstAtOrAfter(times, onset);
        if (times.Length - first < 2)
        {
            return null;
        }

        var t = times[first..];
        var v = values[first..];
        return Trapezoid(t, v) - (v[0] * (t[^1] - t[0]));
    }

    /// <summary>Largest later value minus the first value (BioPsyKit <c>max_increase</c>: first vs max of the subsequent samples).</summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>.</param>
    /// <returns>max(v₂..vₙ) − v₁ in the value unit; negative when every later value is lower.</returns>
    /// <exception cref="ArgumentException">Invalid series (see the class remarks).</exception>
    public static double MaxIncrease(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        SeriesGuard.Validate(times, values);
        var max = double.NegativeInfinity;
        for (var i = 1; i < values.Length; i++)
        {
            max = Math.Max(max, values[i]);
        }

        return max - values[0];
    }

    /// <summary>Slope between two samples (BioPsyKit <c>slope</c>): (v[to] − v[from]) / (t[to] − t[from]).</summary>
    /// <param name="times">Sample times, strictly increasing.</param>
    /// <param name="values">Values at <paramref name="times"/>.</param>
    /// <param name="from">Index of the first sample.</param>
    /// <param name="to">Index of the second sample; must differ from <paramref name="from"/>.</param>
    /// <returns>Value unit per time unit.</returns>
    /// <exception cref="ArgumentException">Invalid series (see the class remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the series, or the two are equal.</exception>
    public static double Slope(ReadOnlySpan<double> times, ReadOnlySpan<double> values, int from, int to)
    {
        SeriesGuard.Validate(times, values);
        Internal.Guard.InRange(from, 0, times.Length - 1);
        Internal.Guard.InRange(to, 0, times.Length - 1);
        if (from == to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "must differ from 'from'.");
        }

        return (values[to] - values[from]) / (times[to] - times[from]);
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

    internal static int FirstAtOrAfter(ReadOnlySpan<double> times, double onset)
    {
        var i = 0;
        while (i < times.Length && times[i] < onset)
        {
            i++;
        }

        return i;
    }
}
