namespace RelationalNeuro.Components;

/// <summary>
/// A stretch of a recording's time, in seconds on the series' own clock (<see cref="Hrv.RrSeries.GetBeatTimesSeconds"/>:
/// 0 at the first beat for a series built from intervals): a chart's zoom range or a selected window to analyse.
/// </summary>
/// <param name="StartSeconds">Start, in s.</param>
/// <param name="EndSeconds">End, in s; greater than <paramref name="StartSeconds"/> for a usable range.</param>
public readonly record struct ChartTimeRange(double StartSeconds, double EndSeconds)
{
    /// <summary>The length, <see cref="EndSeconds"/> − <see cref="StartSeconds"/>, in s.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>True when both ends are finite and <see cref="EndSeconds"/> &gt; <see cref="StartSeconds"/>.</summary>
    public bool IsValid => double.IsFinite(StartSeconds) && double.IsFinite(EndSeconds) && EndSeconds > StartSeconds;
}
