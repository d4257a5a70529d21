using System.Globalization;

namespace RelationalNeuro.Endocrine;

/// <summary>Shared data checks of the cortisol profile analyses: problems, never exceptions, for data.</summary>
internal static class ProfileInput
{
    public static void RequireSameLength(ReadOnlySpan<double> times, ReadOnlySpan<double> values, string timesName, string valuesName)
    {
        if (times.Length != values.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{valuesName} has {values.Length} values but {timesName} has {times.Length} times; they must match."),
                valuesName);
        }
    }

    /// <summary>Checks the times (finite, strictly increasing, at least 2) and marks which values are usable.</summary>
    /// <returns>The usable-value mask, or null when the times make any index impossible (an Error problem says why).</returns>
    public static bool[]? Prepare(ReadOnlySpan<double> times, ReadOnlySpan<double> values, string timeUnit, List<Problem> problems)
    {
        if (times.Length < 2)
        {
            problems.Add(new Problem(
                "endocrine.too-few-samples",
                string.Create(CultureInfo.InvariantCulture, $"The profile has {times.Length} sample(s); at least 2 are needed."),
                ProblemSeverity.Error));
            return null;
        }

        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]))
            {
                problems.Add(new Problem(
                    "endocrine.invalid-time",
                    string.Create(CultureInfo.InvariantCulture, $"Sample time {times[i]} is not a finite number of {timeUnit}."),
                    ProblemSeverity.Error,
                    SampleName(i)));
                return null;
            }

            if (i > 0 && !(times[i] > times[i - 1]))
            {
                problems.Add(new Problem(
                    "endocrine.times-not-increasing",
                    string.Create(CultureInfo.InvariantCulture, $"Sample time {times[i]} {timeUnit} does not come after {times[i - 1]} {timeUnit}; times must be strictly increasing (unsorted or duplicate)."),
                    ProblemSeverity.Error,
                    SampleName(i)));
                return null;
            }
        }

        var present = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                problems.Add(new Problem("endocrine.missing-value", "The value is missing (NaN).", ProblemSeverity.Error, SampleName(i)));
            }
            else if (!double.IsFinite(v) || v < 0)
            {
                problems.Add(new Problem(
                    "endocrine.invalid-concentration",
                    string.Create(CultureInfo.InvariantCulture, $"The value {v} is not a valid concentration (negative or infinite); it is treated as missing."),
                    ProblemSeverity.Error,
                    SampleName(i)));
            }
            else
            {
                present[i] = true;
            }
        }

        return present;
    }

    /// <summary>AUCg/AUCi over samples [start, end) under the missing-value policy; null with a problem when unavailable.</summary>
    public static AreaUnderCurve? Area(
        ReadOnlySpan<double> times,
        ReadOnlySpan<double> values,
        bool[] present,
        int start,
        int end,
        MissingValuePolicy policy,
        string metric,
        List<Problem> problems)
    {
        if (end - start < 2)
        {
            problems.Add(new Problem("endocrine.too-few-samples", "Fewer than 2 samples fall in the window.", ProblemSeverity.Error, metric));
            return null;
        }

        if (!present[start])
        {
            problems.Add(new Problem(
                "endocrine.metric-unavailable",
                string.Create(CultureInfo.InvariantCulture, $"{metric} needs the first sample of its window ({SampleName(start)}), which is missing."),
                ProblemSeverity.Error,
                metric));
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
            problems.Add(new Problem(
                "endocrine.metric-unavailable",
                string.Create(CultureInfo.InvariantCulture, $"{metric} needs every sample of its window; {end - start - count} missing (policy Reject)."),
                ProblemSeverity.Error,
                metric));
            return null;
        }

        if (count < 2)
        {
            problems.Add(new Problem("endocrine.too-few-samples", "Fewer than 2 present samples fall in the window.", ProblemSeverity.Error, metric));
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
            problems.Add(new Problem(
                "endocrine.missing-omitted",
                string.Create(CultureInfo.InvariantCulture, $"{metric} was computed across {end - start - count} missing sample(s) (policy Omit: trapezoid across the gap)."),
                ProblemSeverity.Warning,
                metric));
        }

        var g = Auc.Trapezoid(t, v);
        return new AreaUnderCurve(g, g - (v[0] * (t[^1] - t[0])));
    }

    public static bool AllPresent(bool[] present, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!present[i])
            {
                return false;
            }
        }

        return true;
    }

    public static string SampleName(int index) => "S" + index.ToString(CultureInfo.InvariantCulture);
}
