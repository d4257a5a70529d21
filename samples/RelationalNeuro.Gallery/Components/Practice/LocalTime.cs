using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RelationalNeuro.Gallery.Components.Practice;

/// <summary>A wall-clock time typed in a date or date-time field, placed in a client's time zone.</summary>
internal static class LocalTime
{
    /// <summary>
    /// The instant of <paramref name="local"/> in <paramref name="zone"/> (a time skipped by a clock change takes the
    /// zone's standard offset, as <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> gives it). False when that instant
    /// lies outside what <see cref="DateTimeOffset"/> holds (UTC years 1 to 9999): 0001-01-01 00:00 east of UTC, or
    /// 9999-12-31 23:00 west of it, both of which a date field accepts.
    /// </summary>
    public static bool TryPlace(DateTime local, TimeZoneInfo zone, out DateTimeOffset at, [NotNullWhen(false)] out string? problem)
    {
        var offset = zone.GetUtcOffset(local);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            at = default;
            problem = string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} in {zone.Id} is outside the calendar this app keeps (years 1 to 9999 in UTC); check the date.");
            return false;
        }

        at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        problem = null;
        return true;
    }
}
