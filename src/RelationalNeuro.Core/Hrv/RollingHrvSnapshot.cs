namespace RelationalNeuro.Hrv;

/// <summary>
/// The state of a <see cref="RollingHrv"/> window after a beat: how full it is and the metrics over the beats in
/// it. A metric that the window cannot give yet is null (SDNN, mean RR and mean heart rate need 2 beats and 1
/// beat respectively; RMSSD and pNN50 need one successive difference).
/// </summary>
/// <param name="BeatCount">Accepted beats in the window (N).</param>
/// <param name="DifferenceCount">Successive differences in the window: pairs of window beats that were adjacent in the stream (N − 1 when no beat in between was rejected).</param>
/// <param name="WindowFillFraction">0 to 1: for a count window N / window beats; for a time window the stream time covered so far / window duration, capped at 1.</param>
/// <param name="MeanRrMs">Mean of the window's intervals in ms; null when empty.</param>
/// <param name="SdnnMs">Sample standard deviation of the window's intervals (denominator N − 1) in ms; null below 2 beats.</param>
/// <param name="RmssdMs">Root mean square of the window's successive differences (denominator: their count) in ms; null without a difference.</param>
/// <param name="MeanHeartRateBpm">60 000 / <paramref name="MeanRrMs"/>: heart rate from the mean interval, in beats per minute; null when empty.</param>
/// <param name="Pnn50Percent">100 × (differences with |Δ| strictly greater than 50 ms) / <paramref name="DifferenceCount"/>, in percent; null without a difference.</param>
public readonly record struct RollingHrvSnapshot(
    int BeatCount,
    int DifferenceCount,
    double WindowFillFraction,
    double? MeanRrMs,
    double? SdnnMs,
    double? RmssdMs,
    double? MeanHeartRateBpm,
    double? Pnn50Percent)
{
    /// <summary>True once the window is full (<see cref="WindowFillFraction"/> is 1).</summary>
    public bool IsWindowFull => WindowFillFraction >= 1;
}
