using System.Globalization;
using System.Runtime.CompilerServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>Programmer-error guards shared by the synchrony calculators.</summary>
internal static class SynchronyGuard
{
    public static void AllFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is {values[i]}; grid values must be finite."),
                    name);
            }
        }
    }

    /// <summary>
    /// The preamble every grid calculator shares: two series of one length on a positive rate, and its window (or segment)
    /// and largest lag as whole samples (<see cref="Samples"/>). Exceptions name the caller's arguments.
    /// </summary>
    public static (int Window, int Lag) Geometry(
        ReadOnlySpan<double> seriesA,
        ReadOnlySpan<double> seriesB,
        double sampleRateHz,
        double windowSeconds,
        int minimumWindow,
        double maxLagSeconds,
        [CallerArgumentExpression(nameof(windowSeconds))] string? windowName = null,
        [CallerArgumentExpression(nameof(maxLagSeconds))] string? lagName = null)
    {
        Guard.SameLength(seriesA, seriesB);
        Guard.Positive(sampleRateHz);
        return (Samples(windowSeconds, sampleRateHz, minimumWindow, windowName), Samples(maxLagSeconds, sampleRateHz, 0, lagName));
    }

    /// <summary>Seconds × rate as a whole number of samples (rounded), at least <paramref name="minimum"/>.</summary>
    public static int Samples(double seconds, double rateHz, int minimum, [CallerArgumentExpression(nameof(seconds))] string? name = null)
    {
        var samples = Math.Round(seconds * rateHz);
        if (!(samples >= minimum) || samples > int.MaxValue / 4)
        {
            throw new ArgumentOutOfRangeException(
                name,
                seconds,
                string.Create(CultureInfo.InvariantCulture, $"{seconds} s at {rateHz} Hz is {samples} samples; at least {minimum} are needed."));
        }

        return (int)samples;
    }
}
