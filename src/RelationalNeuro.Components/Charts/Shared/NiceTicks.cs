using System.Globalization;

namespace RelationalNeuro.Components.Charts;

/// <summary>Tick positions along an axis with their labels (invariant culture) and the domain they span.</summary>
/// <param name="Min">Lower end of the axis domain (a tick for nice linear and log axes).</param>
/// <param name="Max">Upper end of the axis domain.</param>
/// <param name="Step">Spacing of linear ticks in data units; for log ticks the ratio between major ticks (10).</param>
/// <param name="Values">Tick values, ascending, inside [Min, Max].</param>
/// <param name="Labels">One label per value.</param>
internal sealed record TickSet(double Min, double Max, double Step, IReadOnlyList<double> Values, IReadOnlyList<string> Labels);

/// <summary>
/// Round tick values ("nice numbers") for chart axes.
/// </summary>
/// <remarks>
/// <para><see cref="Linear"/> is Heckbert's loose labelling: P. S. Heckbert, "Nice numbers for graph labels", in
/// A. Glassner (ed.), <i>Graphics Gems</i>, Academic Press 1990, pp. 61–63. The range is rounded to a nice number
/// (1, 2, 5 or 10 × 10ⁿ, not rounding down), the step to the nearest nice number of range / (ticks − 1), and the axis is
/// widened outwards to whole steps, so the first and last tick are the axis ends. Labels carry exactly the decimals
/// the step needs (step 0.05 → 2 decimals). Ends beyond ±<see cref="double.MaxValue"/>/4 are cut to it, so that the range
/// stays finite; values beyond are drawn outside the plot.</para>
/// <para><see cref="Log"/> puts majors on whole decades; over at most two decades it adds 2 and 5 × 10ⁿ.</para>
/// <para><see cref="Time"/> picks the smallest step from the clock series 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min,
/// 1, 2, 3, 6, 12, 24 h that gives at most the target count, and labels ticks "m:ss" or "h:mm" (elapsed time); the
/// time axis is not widened (a recording's ends are its ends).</para>
/// </remarks>
internal static class NiceTicks
{
    private const double MaxAxisEnd = double.MaxValue / 4;

    private const double MinAxisEnd = -MaxAxisEnd;

    private static readonly double[] ClockStepsSeconds =
        [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

    /// <summary>Heckbert's nice number: 1, 2, 5 or 10 × 10ⁿ near <paramref name="x"/> (rounded, or the next one up).</summary>
    public static double NiceNumber(double x, bool round)
    {
        if (!(x > 0) || !double.IsFinite(x))
        {
            return 1;
        }

        var exponent = Math.Floor(Math.Log10(x));
        var power = Math.Pow(10, exponent);
        var fraction = x / power;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Heckbert's loose labelling of [<paramref name="min"/>, <paramref name="max"/>] with about <paramref name="targetTicks"/> ticks.</summary>
    public static TickSet Linear(double min, double max, int targetTicks = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        // A span beyond double's range (−1e308 to 1e308) has no nice range (max − min is ∞, and with it the tick count):
        // the axis is cut to ±MaxValue/4, whose nice range (1e308) and ends (±6e307) are finite.
        min = Math.Max(min, MinAxisEnd);
        max = Math.Min(max, MaxAxisEnd);

        if (max == min)
        {
            // One value: a unit-wide axis around it (or 0–1 for zero).
            var half = min == 0 ? 0.5 : NiceNumber(Math.Abs(min) / 10, round: true) / 2;
            (min, max) = (min - half, max + half);
        }

        targetTicks = Math.Max(2, targetTicks);
        var range = NiceNumber(max - min, round: false);
        var step = NiceNumber(range / (targetTicks - 1), round: true);
        var start = Math.Floor(min / step) * step;
        var end = Math.Ceiling(max / step) * step;
        var decimals = ChartNumber.DecimalsFor(step);
        var steps = Math.Round((end - start) / step);
        if (!double.IsFinite(max - min) || !(steps >= 1 && steps <= 1000) || Math.Abs(max) > MaxNiceMagnitude || Math.Abs(min) > MaxNiceMagnitude
            || Math.Round(start, decimals + 2) == Math.Round(end, decimals + 2))
        {
            // Beyond what round decimal ticks can label (±1e300, or a span below a millionth that six decimals cannot
            // tell apart): the data's own ends, labelled in scientific notation, instead of an overflowing tick count.
            return Ends(min, max);
        }

        var count = (int)steps + 1;
        var values = new double[count];
        var labels = new string[count];
        for (var i = 0; i < count; i++)
        {
            // Multiply rather than accumulate, and round away binary noise (0.1 + 0.2).
            values[i] = Math.Round(start + (i * step), decimals + 2);
            labels[i] = ChartNumber.Label(values[i], decimals);
        }

        return new TickSet(values[0], values[^1], step, values, labels);
    }

    /// <summary>The largest magnitude labelled with round decimal ticks (beyond it a label would run to hundreds of digits).</summary>
    private const double MaxNiceMagnitude = 1e15;

    /// <summary>Two ticks at the ends of [<paramref name="min"/>, <paramref name="max"/>], labelled with three significant digits ("4.2E+300").</summary>
    private static TickSet Ends(double min, double max) =>
        new(min, max, max - min, [min, max], [min.ToString("G3", CultureInfo.InvariantCulture), max.ToString("G3", CultureInfo.InvariantCulture)]);

    /// <summary>Decade ticks over [<paramref name="min"/>, <paramref name="max"/>] (both &gt; 0), widened to whole decades.</summary>
    public static TickSet Log(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(min))
        {
            min = max > 0 && double.IsFinite(max) ? max / 100 : 1;
        }

        if (!(max > min) || !double.IsFinite(max))
        {
            max = min * 10;
        }

        var low = (int)Math.Floor(Math.Log10(min) + 1e-9);
        var high = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        if (high == low)
        {
            high++;
        }

        var values = new List<double>();
        var withSubTicks = high - low <= 2;
        for (var e = low; e <= high; e++)
        {
            var decade = Math.Pow(10, e);
            values.Add(decade);
            if (withSubTicks && e < high)
            {
                values.Add(2 * decade);
                values.Add(5 * decade);
            }
        }

        var labels = values.Select(v => ChartNumber.Significant(v, 1)).ToArray();
        return new TickSet(values[0], values[^1], 10, values, labels);
    }

    /// <summary>
    /// Clock-step ticks inside [<paramref name="startSeconds"/>, <paramref name="endSeconds"/>] (elapsed seconds), at
    /// most about <paramref name="targetTicks"/>; the domain is kept as given.
    /// </summary>
    public static TickSet Time(double startSeconds, double endSeconds, int targetTicks = 6)
    {
        (startSeconds, endSeconds) = TimeDomain(startSeconds, endSeconds);
        var step = TimeStep(startSeconds, endSeconds, targetTicks);
        var withHours = endSeconds >= 3600;
        var values = new List<double>();
        var labels = new List<string>();
        for (var t = Math.Ceiling((startSeconds - 1e-9) / step) * step; t <= endSeconds + 1e-9; t += step)
        {
            values.Add(t);
            // Sub-minute steps past the first hour need the seconds too ("3:05:15").
            labels.Add(withHours && step < 60 ? ChartNumber.ClockSeconds(t, withHours: true) : ChartNumber.Clock(t, withHours));
        }

        return new TickSet(startSeconds, endSeconds, step, values, labels);
    }

    /// <summary>
    /// The step <see cref="Time"/> uses for [<paramref name="startSeconds"/>, <paramref name="endSeconds"/>] with at most
    /// about <paramref name="targetTicks"/> ticks, in s, without building the ticks and their labels.
    /// </summary>
    public static double TimeStep(double startSeconds, double endSeconds, int targetTicks = 6)
    {
        (startSeconds, endSeconds) = TimeDomain(startSeconds, endSeconds);
        var span = endSeconds - startSeconds;
        targetTicks = Math.Max(2, targetTicks);
        var step = ClockStepsSeconds[^1];
        foreach (var candidate in ClockStepsSeconds)
        {
            if (span / candidate <= targetTicks)
            {
                step = candidate;
                break;
            }
        }

        if (span / step > targetTicks)
        {
            step = Math.Ceiling(span / targetTicks / 86400) * 86400; // several days: whole days
        }

        return step;
    }

    /// <summary>The time domain as given, or a 1-s domain at the start when it is not a finite, non-empty interval.</summary>
    private static (double Start, double End) TimeDomain(double startSeconds, double endSeconds)
    {
        if (!double.IsFinite(startSeconds) || !double.IsFinite(endSeconds) || !(endSeconds > startSeconds))
        {
            endSeconds = (double.IsFinite(startSeconds) ? startSeconds : 0) + 1;
            startSeconds = endSeconds - 1;
        }

        return (startSeconds, endSeconds);
    }
}
