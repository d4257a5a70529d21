namespace RelationalNeuro.Synchrony;

/// <summary>Geometry of <see cref="RollingSynchrony"/>. Immutable; change with <c>with</c>.</summary>
public sealed record RollingSynchronyOptions
{
    /// <summary>The defaults: 4 Hz, 30-s window, ±5 s lags (rMEA's geometry), inter-beat interval.</summary>
    public static RollingSynchronyOptions Default { get; } = new();

    /// <summary>Grid rate in Hz (default 4); more than 0 and at most 1000 (an inter-beat series has a few beats per second; a finer grid only interpolates, and each beat fills RR × rate grid samples).</summary>
    public double SampleRateHz { get; init; } = 4;

    /// <summary>Trailing window in s (default 30); rounded to whole samples, at least 3 and at most 1,048,576.</summary>
    public double WindowSeconds { get; init; } = 30;

    /// <summary>Largest lag each way in s (default 5); rounded to whole samples, at most 8,192 (each grid sample updates every lag).</summary>
    public double MaxLagSeconds { get; init; } = 5;

    /// <summary>The signal put on the grid (default inter-beat interval).</summary>
    public DyadSignal Signal { get; init; } = DyadSignal.InterBeatIntervalMs;

    /// <summary>How many grid samples one member may run ahead of the other before its oldest are dropped (default 240, one minute at 4 Hz); 1 to 1,048,576.</summary>
    public int MaxPendingSamples { get; init; } = 240;
}
