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
        return (Samples(windowSeconds, sampleRateHz, minimumWindow, windowName), Samples(maxLagSeconds, sampleRateHz, 0, lagName, MaxLagSamples));
    }

    /// <summary>Seconds × rate as a whole number of samples (rounded), at least <paramref name="minimum"/> and at most <paramref name="maximum"/>.</summary>
    public static int Samples(double seconds, double rateHz, int minimum, [CallerArgumentExpression(nameof(seconds))] string? name = null, int maximum = int.MaxValue / 4)
    {
        var samples = Math.Round(seconds * rateHz);
        if (!(samples >= minimum) || samples > maximum)
        {
            throw new ArgumentOutOfRangeException(
                name,
                seconds,
                string.Create(CultureInfo.InvariantCulture, $"{seconds} s at {rateHz} Hz is {samples} samples; {minimum} to {maximum} are allowed."));
        }

        return (int)samples;
    }

    /// <summary>
    /// The largest lag of the grid calculators in samples (2²⁰: 72 h at 4 Hz). A result holds one entry per lag whether or
    /// not the series are long enough, so a lag of 10⁸ samples asked for gigabytes before the series were even looked at.
    /// </summary>
    public const int MaxLagSamples = 1 << 20;

    /// <summary>The most grid samples per second <see cref="DyadAlignment"/> and <see cref="RollingSynchrony"/> make from beats.</summary>
    public const double MaxBeatGridRateHz = 1000;

    /// <summary>A rate for a grid made from beats: finite, more than 0, at most <see cref="MaxBeatGridRateHz"/>.</summary>
    public static double BeatGridRate(double rateHz, [CallerArgumentExpression(nameof(rateHz))] string? name = null)
    {
        if (!(rateHz > 0 && rateHz <= MaxBeatGridRateHz))
        {
            throw new ArgumentOutOfRangeException(
                name,
                rateHz,
                string.Create(CultureInfo.InvariantCulture, $"{name} was {rateHz}; a grid made from heart beats must be more than 0 and at most {MaxBeatGridRateHz} Hz (each beat fills RR × rate samples)."));
        }

        return rateHz;
    }
}
