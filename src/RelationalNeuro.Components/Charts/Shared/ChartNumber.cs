using System.Globalization;

namespace RelationalNeuro.Components.Charts;

/// <summary>
/// Numbers for chart markup and chart labels, always with the invariant culture and rounding halves away from zero
/// (40.25 → 40.3, as a person rounds): coordinates rounded to 0.01 of a
/// viewBox unit, labels with as many decimals as the tick step needs. Never writes NaN or ∞ (they become 0).
/// </summary>
internal static class ChartNumber
{
    /// <summary>A coordinate or length for an SVG attribute: rounded to 2 decimals, invariant ("12.35", "-3", "0").</summary>
    public static string Svg(double value)
    {
        Span<char> buffer = stackalloc char[SvgBufferLength];
        return TryFormatSvg(value, buffer, out var written) ? new string(buffer[..written]) : SvgFallback(value);
    }

    /// <summary>Appends <see cref="Svg(double)"/> to a builder without an intermediate string.</summary>
    public static void AppendSvg(System.Text.StringBuilder builder, double value)
    {
        Span<char> buffer = stackalloc char[SvgBufferLength];
        if (TryFormatSvg(value, buffer, out var written))
        {
            builder.Append(buffer[..written]);
        }
        else
        {
            builder.Append(SvgFallback(value));
        }
    }

    private const int SvgBufferLength = 32;

    /// <summary>
    /// <see cref="Svg(double)"/> into <paramref name="buffer"/>: the value rounded to hundredths (halves away from zero),
    /// written as "0.##" would write it, but from the integer number of hundredths, so without the custom-format engine
    /// (a 24-h tachogram writes thousands of coordinates per render). "0.##" formats a double with 15 significant
    /// digits, and the double nearest to h / 100 reads back as exactly h / 100 at 15 digits while |h| &lt; 10¹⁵, so the
    /// digits are the same; larger values (never a viewBox coordinate) go through "0.##" itself.
    /// </summary>
    private static bool TryFormatSvg(double value, Span<char> buffer, out int written)
    {
        var rounded = double.IsFinite(value) ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : 0;
        if (rounded == 0)
        {
            buffer[0] = '0'; // never "-0"
            written = 1;
            return true;
        }

        if (!(Math.Abs(rounded) < 1e12))
        {
            return rounded.TryFormat(buffer, out written, "0.##", CultureInfo.InvariantCulture);
        }

        var hundredths = (long)Math.Round(Math.Abs(rounded) * 100);
        var n = 0;
        if (rounded < 0)
        {
            buffer[n++] = '-';
        }

        (hundredths / 100).TryFormat(buffer[n..], out var whole, default, CultureInfo.InvariantCulture);
        n += whole;
        var fraction = (int)(hundredths % 100);
        if (fraction != 0)
        {
            buffer[n++] = '.';
            buffer[n++] = (char)('0' + (fraction / 10));
            if (fraction % 10 != 0)
            {
                buffer[n++] = (char)('0' + (fraction % 10));
            }
        }

        written = n;
        return true;
    }

    private static string SvgFallback(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The number of decimals a label needs so that consecutive ticks <paramref name="step"/> apart read differently:
    /// 0 for steps ≥ 1, 1 for 0.5, 2 for 0.05, … (at most 6).
    /// </summary>
    public static int DecimalsFor(double step)
    {
        if (!double.IsFinite(step) || step <= 0 || step >= 1)
        {
            return 0;
        }

        var decimals = (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
        // A step such as 0.25 needs one more decimal than its order of magnitude.
        while (decimals < 6 && Math.Abs((step * Math.Pow(10, decimals)) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        return Math.Min(decimals, 6);
    }

    /// <summary>
    /// A tick or value label with <paramref name="decimals"/> decimals, invariant and without a thousands separator
    /// ("1100", "0.15"): "1,100" would read as 1.1 to a German reader, "1100" reads the same to both.
    /// </summary>
    public static string Label(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>A value with up to 4 decimals and no trailing zeros, invariant ("0.04", "0.15", "0.0039", "12").</summary>
    public static string Plain(double value)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer count with a thousands separator, invariant ("106,459").</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A value with at most <paramref name="significant"/> significant digits and no trailing zeros, invariant ("1234", "0.0123", "12.3", "50").</summary>
    public static string Significant(double value, int significant = 3)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var decimals = Math.Clamp(significant - 1 - magnitude, 0, 6);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.######", CultureInfo.InvariantCulture); // no trailing zeros: 50, not 50.0
    }

    /// <summary>
    /// A duration in seconds as a person reads it: "22 h 30 min", "5 min 12 s", "45 s", "0.8 s". Unit symbols are the
    /// same in English and German (SI), so this is not localised.
    /// </summary>
    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return "–";
        }

        if (seconds < 10)
        {
            return Label(seconds, seconds < 1 ? 2 : 1) + " s";
        }

        var total = (long)Math.Round(seconds);
        var h = total / 3600;
        var m = total % 3600 / 60;
        var s = total % 60;
        if (h > 0)
        {
            return m > 0 ? Invariant($"{h} h {m} min") : Invariant($"{h} h");
        }

        if (m > 0)
        {
            return s > 0 ? Invariant($"{m} min {s} s") : Invariant($"{m} min");
        }

        return Invariant($"{s} s");
    }

    /// <summary>A clock-style time of day or elapsed time for an axis tick: "h:mm" from an hour on, "m:ss" below, invariant.</summary>
    /// <param name="seconds">Elapsed seconds (may exceed 24 h).</param>
    /// <param name="withHours">Write "h:mm" (true) or "m:ss" (false).</param>
    public static string Clock(double seconds, bool withHours)
    {
        if (!double.IsFinite(seconds))
        {
            return "–";
        }

        var total = (long)Math.Round(Math.Abs(seconds));
        var sign = seconds < 0 && total > 0 ? "-" : "";
        return withHours
            ? Invariant($"{sign}{total / 3600}:{total % 3600 / 60:00}")
            : Invariant($"{sign}{total / 60}:{total % 60:00}");
    }

    /// <summary>Elapsed time to the second: "h:mm:ss" (<paramref name="withHours"/>) or "m:ss", invariant.</summary>
    public static string ClockSeconds(double seconds, bool withHours)
    {
        if (!withHours)
        {
            return Clock(seconds, withHours: false);
        }

        if (!double.IsFinite(seconds))
        {
            return "–";
        }

        var total = (long)Math.Round(Math.Abs(seconds));
        var sign = seconds < 0 && total > 0 ? "-" : "";
        return Invariant($"{sign}{total / 3600}:{total % 3600 / 60:00}:{total % 60:00}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
