using System.Globalization;
using System.Runtime.CompilerServices;

namespace RelationalNeuro.Endocrine;

/// <summary>The input check the span functions of <see cref="Auc"/> make; violations are programmer errors and throw, naming argument, index and value.</summary>
internal static class SeriesGuard
{
    public static void Validate(
        ReadOnlySpan<double> times,
        ReadOnlySpan<double> values,
        [CallerArgumentExpression(nameof(times))] string? timesName = null,
        [CallerArgumentExpression(nameof(values))] string? valuesName = null)
    {
        if (times.Length != values.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{valuesName} has {values.Length} values but {timesName} has {times.Length} times; they must match."),
                valuesName);
        }

        if (times.Length < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{valuesName} has {values.Length} samples; an area under the curve needs at least 2."),
                valuesName);
        }

        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{timesName}[{i}] was {times[i]}; times must be finite."), timesName);
            }

            if (i > 0 && !(times[i] > times[i - 1]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{timesName}[{i}] was {times[i]} after {times[i - 1]}; times must be strictly increasing (no duplicates)."),
                    timesName);
            }

            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{valuesName}[{i}] was {values[i]}; values must be finite (the profile analyses handle missing values by option)."),
                    valuesName);
            }
        }
    }
}
