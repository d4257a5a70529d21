using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// The data checks every endocrine series function shares (<see cref="Auc"/> and the cortisol profile analyses): times,
/// missing and invalid values, and the missing-value policy. Data problems are reported, never thrown.
/// </summary>
internal static class ProfileInput
{
    /// <summary>Checks the times (finite, strictly increasing, at least 2) and marks which values are usable.</summary>
    /// <param name="times">Sample times.</param>
    /// <param name="values">Values at the times; NaN is missing.</param>
    /// <param name="timeUnit">The time unit named in messages.</param>
    /// <param name="concentrations">True: a negative value is an invalid concentration (reported, then treated as missing); false: any finite value is usable (baseline-corrected data).</param>
    /// <param name="problems">Receives the problems.</param>
    /// <returns>The usable-value mask, or null when the times make any index impossible (an Error problem says why).</returns>
    public static bool[]? Prepare(ReadOnlySpan<double> times, ReadOnlySpan<double> values, string timeUnit, bool concentrations, ProblemCollector problems)
    {
        if (times.Length < 2)
        {
            problems.Error(
                "endocrine.too-few-samples",
                string.Create(CultureInfo.InvariantCulture, $"The profile has {times.Length} sample(s); at least 2 are needed."));
            return null;
        }

        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]))
            {
                problems.Error(
                    "endocrine.invalid-time",
                    string.Create(CultureInfo.InvariantCulture, $"Sample time {times[i]} is not a finite number of {timeUnit}."),
                    SampleName(i));
                return null;
            }

            if (i > 0 && !(times[i] > times[i - 1]))
            {
                problems.Error(
                    "endocrine.times-not-increasing",
                    string.Create(CultureInfo.InvariantCulture, $"Sample time {times[i]} {timeUnit} does not come after {times[i - 1]} {timeUnit}; times must be strictly increasing (unsorted or duplicate)."),
                    SampleName(i));
                return null;
            }
        }

        var present = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                problems.Error("endocrine.missing-value", "The value is missing (NaN).", SampleName(i));
            }
            else if (!double.IsFinite(v) || (concentrations && v < 0))
            {
                problems.Error(
                    concentrations ? "endocrine.invalid-concentration" : "endocrine.invalid-value",
                    string.Create(CultureInfo.InvariantCulture, $"The value {v} is not a valid {(concentrations ? "concentration (negative or infinite)" : "value (infinite)")}; it is treated as missing."),
                    SampleName(i));
            }
            else
            {
                present[i] = true;
            }
        }

        return present;
    }

    /// <summary>AUCg/AUCi over samples [start, end) under the missing-value policy; null with a problem when unavailable.</summary>
    public static (double Ground, double Increase)? Area(
        ReadOnlySpan<double> times,
        ReadOnlySpan<double> values,
        bool[] present,
        int start,
        int end,
        MissingValuePolicy policy,
        string metric,
        ProblemCollector problems)
    {
        if (end - start < 2)
        {
            problems.Error("endocrine.too-few-samples", "Fewer than 2 samples fall in the window.", metric);
            return null;
        }

        if (!present[start])
        {
            problems.Error(
                "endocrine.metric-unavailable",
                string.Create(CultureInfo.InvariantCulture, $"{metric} needs the first sample of its window ({SampleName(start)}), which is missing."),
                metric);
            return null;
        }

        var count = 0;
        for (var i = start; i < end; i++)
        {
            if (present[i])
            {
                count++;
            }
        }

        if (count < end - start && policy == MissingValuePolicy.Reject)
        {
            problems.Error(
                "endocrine.metric-unavailable",
                string.Create(CultureInfo.InvariantCulture, $"{metric} needs every sample of its window; {end - start - count} missing (policy Reject)."),
                metric);
            return null;
        }

        if (count < 2)
        {
            problems.Error("endocrine.too-few-samples", "Fewer than 2 present samples fall in the window.", metric);
            return null;
        }

        Span<double> t = count <= 64 ? stackalloc double[count] : new double[count];
        Span<double> v = count <= 64 ? stackalloc double[count] : new double[count];
        var k = 0;
        for (var i = start; i < end; i++)
        {
            if (present[i])
            {
                t[k] = times[i];
                v[k] = values[i];
                k++;
            }
        }

        if (count < end - start)
        {
            problems.Warning(
                "endocrine.missing-omitted",
                string.Create(CultureInfo.InvariantCulture, $"{metric} was computed across {end - start - count} missing sample(s) (policy Omit: trapezoid across the gap)."),
                metric);
        }

        var g = Auc.Trapezoid(t, v);
        if (FiniteOrNull(g, metric, problems) is not { } ground || FiniteOrNull(g - (v[0] * (t[^1] - t[0])), metric, problems) is not { } increase)
        {
            return null;
        }

        return (ground, increase);
    }

    /// <summary>Indices in [start, end) whose value is present, or null (with a problem) when the policy rejects the gap or nothing is present.</summary>
    public static List<int>? Usable(bool[] present, int start, int end, MissingValuePolicy policy, string metric, ProblemCollector problems)
    {
        var used = new List<int>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
        {
            if (present[i])
            {
                used.Add(i);
            }
        }

        var missing = end - start - used.Count;
        if (used.Count == 0 || (missing > 0 && policy == MissingValuePolicy.Reject))
        {
            problems.Error(
                "endocrine.metric-unavailable",
                string.Create(CultureInfo.InvariantCulture, $"{metric} needs {end - start} sample(s); {missing} missing (policy {policy})."),
                metric);
            return null;
        }

        if (missing > 0)
        {
            problems.Warning(
                "endocrine.missing-omitted",
                string.Create(CultureInfo.InvariantCulture, $"{metric} was computed from {used.Count} of {end - start} samples (policy Omit)."),
                metric);
        }

        return used;
    }

    /// <summary>The index of the largest value among <paramref name="indices"/> (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<double> values, List<int> indices)
    {
        var best = indices[0];
        foreach (var i in indices)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The first index whose time is at or after <paramref name="onset"/> (the length when none is).</summary>
    public static int FirstAtOrAfter(ReadOnlySpan<double> times, double onset)
    {
        var i = 0;
        while (i < times.Length && times[i] < onset)
        {
            i++;
        }

        return i;
    }

    /// <summary>The value when finite; otherwise null with an <c>endocrine.overflow</c> error at <paramref name="metric"/> (extreme inputs overflow double).</summary>
    public static double? FiniteOrNull(double value, string metric, ProblemCollector problems)
    {
        if (double.IsFinite(value))
        {
            return value;
        }

        problems.Error("endocrine.overflow", "The values are too extreme for a finite result (overflow).", metric);
        return null;
    }

    public static string SampleName(int index) => "S" + index.ToString(CultureInfo.InvariantCulture);
}
