namespace RelationalNeuro.Hrv;

/// <summary>
/// What <see cref="RollingHrv"/> decided about one offered beat. Only <see cref="Accepted"/> beats enter the
/// window; every other value names the rule the beat failed (see <see cref="RollingHrvOptions"/>).
/// </summary>
public enum BeatScreening
{
    /// <summary>The beat passed every rule and is in the window.</summary>
    Accepted = 0,

    /// <summary>The value was NaN, infinite, zero, negative or above <see cref="RrSeries.MaximumIntervalMs"/> (60,000 ms). It does not advance the stream's clock.</summary>
    Invalid = 1,

    /// <summary>The interval was shorter than <see cref="RollingHrvOptions.MinRrMs"/>.</summary>
    BelowMinimum = 2,

    /// <summary>The interval was longer than <see cref="RollingHrvOptions.MaxRrMs"/>.</summary>
    AboveMaximum = 3,

    /// <summary>
    /// The interval differed from the median of the recent in-range beats by more than
    /// <see cref="RollingHrvOptions.MaxDeviationFraction"/> of that median.
    /// </summary>
    DeviatesFromReference = 4,
}
