using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The extent of a <see cref="RollingHrv"/> window: either the last <see cref="Beats"/> accepted beats, or the
/// accepted beats whose whole interval lies within the last <see cref="Duration"/> of the stream.
/// Create one with <see cref="OfBeats"/> or <see cref="OfDuration"/>; <c>default</c> is not a valid window.
/// </summary>
public readonly record struct RollingWindow
{
    private RollingWindow(int? beats, TimeSpan? duration)
    {
        Beats = beats;
        Duration = duration;
    }

    /// <summary>The number of accepted beats in a full count-based window; null for a time-based window.</summary>
    public int? Beats { get; }

    /// <summary>The span of a time-based window; null for a count-based window.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>True for a window defined by <see cref="Duration"/>.</summary>
    public bool IsTimeBased => Duration is not null;

    /// <summary>A window of the last <paramref name="count"/> accepted beats (N beats, up to N − 1 successive differences).</summary>
    /// <param name="count">Beats in a full window; at least 2.</param>
    /// <returns>The count-based window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 2.</exception>
    public static RollingWindow OfBeats(int count) => new(Guard.InRange(count, 2, int.MaxValue / 2), null);

    /// <summary>
    /// A window of the accepted beats whose interval lies entirely within the last <paramref name="duration"/>
    /// of the stream (its clock is the running sum of every offered finite positive interval).
    /// </summary>
    /// <param name="duration">The window span; positive. <see cref="RollingHrv"/> requires it to be at least <see cref="RollingHrvOptions.MaxRrMs"/>.</param>
    /// <returns>The time-based window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is zero or negative.</exception>
    public static RollingWindow OfDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "must be greater than zero");
        }

        return new(null, duration);
    }

    /// <inheritdoc />
    public override string ToString() => Duration is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"last {d.TotalSeconds} s")
        : Beats is { } b ? string.Create(CultureInfo.InvariantCulture, $"last {b} beats") : "(no window)";
}
