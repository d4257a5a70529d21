using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The state of a <see cref="RollingHrv"/> window after a beat: how full it is and the metrics over the beats in
/// it. A metric that the window cannot give yet is null: mean RR and mean heart rate need 1 beat, SDNN 2 beats,
/// RMSSD and pNN50 one successive difference. <c>default</c> is the empty window.
/// </summary>
public readonly record struct RollingHrvSnapshot
{
    // Metrics are stored as plain doubles (0 when unavailable) and exposed as null according to the counts,
    // which keeps the value small to copy per beat and makes an empty window equal to default.
    private readonly double _meanRrMs;
    private readonly double _sdnnMs;
    private readonly double _rmssdMs;
    private readonly double _pnn50Percent;

    /// <summary>Creates a snapshot, e.g. to drive a gauge in a test or a demo.</summary>
    /// <remarks>Each metric must be given exactly when the counts make it available (see the type's summary).</remarks>
    /// <param name="beatCount">Accepted beats in the window (N).</param>
    /// <param name="differenceCount">Successive differences in the window.</param>
    /// <param name="windowFillFraction">0 to 1.</param>
    /// <param name="meanRrMs">Mean RR in ms, or null.</param>
    /// <param name="sdnnMs">SDNN in ms, or null.</param>
    /// <param name="rmssdMs">RMSSD in ms, or null.</param>
    /// <param name="pnn50Percent">pNN50 in percent, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more differences than beats − 1, or the fill is outside 0–1.</exception>
    /// <exception cref="ArgumentException">A metric is given where the counts make it unavailable, or missing where they make it available.</exception>
    public RollingHrvSnapshot(int beatCount, int differenceCount, double windowFillFraction, double? meanRrMs, double? sdnnMs, double? rmssdMs, double? pnn50Percent)
        : this(beatCount, differenceCount, windowFillFraction, meanRrMs ?? 0, sdnnMs ?? 0, rmssdMs ?? 0, pnn50Percent ?? 0, 0)
    {
        Guard.NonNegative(beatCount);
        Guard.InRange(differenceCount, 0, Math.Max(0, beatCount - 1));
        Guard.InRange(windowFillFraction, 0, 1);
        Consistent(meanRrMs, beatCount > 0, nameof(meanRrMs));
        Consistent(sdnnMs, beatCount > 1, nameof(sdnnMs));
        Consistent(rmssdMs, differenceCount > 0, nameof(rmssdMs));
        Consistent(pnn50Percent, differenceCount > 0, nameof(pnn50Percent));
    }

    private RollingHrvSnapshot(int beatCount, int differenceCount, double windowFillFraction, double meanRrMs, double sdnnMs, double rmssdMs, double pnn50Percent, byte _)
    {
        BeatCount = beatCount;
        DifferenceCount = differenceCount;
        WindowFillFraction = windowFillFraction;
        _meanRrMs = meanRrMs;
        _sdnnMs = sdnnMs;
        _rmssdMs = rmssdMs;
        _pnn50Percent = pnn50Percent;
    }

    /// <summary>Accepted beats in the window (N).</summary>
    public int BeatCount { get; }

    /// <summary>Successive differences in the window: pairs of window beats that were adjacent in the stream (N − 1 when no beat in between was rejected).</summary>
    public int DifferenceCount { get; }

    /// <summary>0 to 1: for a count window N / window beats; for a time window the stream time covered so far / window duration, capped at 1.</summary>
    public double WindowFillFraction { get; }

    /// <summary>True once the window is full (<see cref="WindowFillFraction"/> is 1).</summary>
    public bool IsWindowFull => WindowFillFraction >= 1;

    /// <summary>Mean of the window's intervals in ms; null when the window is empty.</summary>
    public double? MeanRrMs => BeatCount > 0 ? _meanRrMs : null;

    /// <summary>Sample standard deviation of the window's intervals (denominator N − 1) in ms; null below 2 beats.</summary>
    public double? SdnnMs => BeatCount > 1 ? _sdnnMs : null;

    /// <summary>Root mean square of the window's successive differences (denominator: their count) in ms; null without a difference.</summary>
    public double? RmssdMs => DifferenceCount > 0 ? _rmssdMs : null;

    /// <summary>60 000 / <see cref="MeanRrMs"/>: heart rate from the mean interval, in beats per minute; null when the window is empty.</summary>
    public double? MeanHeartRateBpm => BeatCount > 0 ? 60_000.0 / _meanRrMs : null;

    /// <summary>100 × (differences with |Δ| strictly greater than 50 ms) / <see cref="DifferenceCount"/>, in percent; null without a difference.</summary>
    public double? Pnn50Percent => DifferenceCount > 0 ? _pnn50Percent : null;

    internal static RollingHrvSnapshot Create(int beatCount, int differenceCount, double fill, double meanRrMs, double sdnnMs, double rmssdMs, double pnn50Percent) =>
        new(beatCount, differenceCount, fill, meanRrMs, sdnnMs, rmssdMs, pnn50Percent, 0);

    private static void Consistent(double? value, bool available, string name)
    {
        if (value.HasValue != available)
        {
            throw new ArgumentException(available ? "must be given for these counts" : "must be null for these counts", name);
        }
    }
}
