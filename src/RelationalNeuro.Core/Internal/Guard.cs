using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace RelationalNeuro.Internal;

/// <summary>
/// Guards for programmer errors. Each throws an exception that names the argument and its value;
/// range guards reject NaN. Data problems are never guarded here: they come back in results.
/// </summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Format("must be a finite number", value));
        }

        return value;
    }

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Format("must be finite and greater than 0", value));
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Format("must be finite and at least 0", value));
        }

        return value;
    }

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(CultureInfo.InvariantCulture, $"must be in [{min}, {max}]; was {value}"));
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Format("must be greater than 0", value));
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Format("must be at least 0", value));
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(CultureInfo.InvariantCulture, $"must be in [{min}, {max}]; was {value}"));
        }

        return value;
    }

    /// <summary>An enum value is one of its type's named values (a cast such as <c>(RrUnit)42</c> is not); flags enums are not checked here.</summary>
    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(CultureInfo.InvariantCulture, $"must be a defined {typeof(TEnum).Name} value ({string.Join(", ", Enum.GetNames<TEnum>())}); was {value}"));
        }

        return value;
    }

    /// <summary>Two paired spans (e.g. sample times and values) have the same length; the exception names the second.</summary>
    public static void SameLength(
        ReadOnlySpan<double> first,
        ReadOnlySpan<double> second,
        [CallerArgumentExpression(nameof(first))] string? firstName = null,
        [CallerArgumentExpression(nameof(second))] string? secondName = null)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{secondName} has {second.Length} values but {firstName} has {first.Length}; they must match."),
                secondName);
        }
    }

    /// <summary>A span holds exactly <paramref name="expected"/> values (e.g. a T × N matrix's storage).</summary>
    public static void Length(ReadOnlySpan<double> values, int expected, string what, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values.Length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} has {values.Length} values; {what} = {expected}."),
                name);
        }
    }

    /// <summary>A destination span holds at least <paramref name="needed"/> values.</summary>
    public static void Room(Span<double> destination, int needed, [CallerArgumentExpression(nameof(destination))] string? name = null)
    {
        if (destination.Length < needed)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} has {destination.Length} elements; {needed} are needed."),
                name);
        }
    }

    private static string Format(string rule, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule}; was {value}");
}
