namespace RelationalNeuro.Hrv;

/// <summary>
/// The state of a <see cref="RollingHrv"/> window after a beat: how full it is and the metrics over the beats in
/// it. A metric that the window cannot give yet is null: mean RR and mean heart rate need 1 beat, SDNN 2 beats,
/// RMSSD and pNN50 one successive difference. <c>default</c> is the empty window.
/// </summary>
/// <remarks>
/// The snapshot holds the window's running sums and computes each metric when it is read (a division and at
/// most one square root), so offering a beat costs no more than the metrics a consumer actually reads. Two
/// snapshots are equal when their counts and sums are equal.
/// </remarks>
public readonly record struct RollingHrvSnapshot
{
    private readonly int _nn50;
    private readonly double _shift;
    private readonly double _sum;
    private readonly double _sumSquares;
    private readonly double _diffSquares;
    private readonly double _fillNumerator;
    private readonly double _fillDenominator;

    internal RollingHrvSnapshot(
        int beatCount, int differenceCount, int nn50, double shift, double sum, double sumSquares, double diffSquares, double fillNumerator, double fillDenominator)
    {
        BeatCount = beatCount;
        DifferenceCount = differenceCount;
        _nn50 = nn50;
        _shift = shift;
        _sum = sum;
        _sumSquares = sumSquares;
        _diffSquares = diffSquares;
        _fillNumerator = fillNumerator;
        _fillDenominator = fillDenominator;
    }

    /// <summary>Accepted beats in the window (N).</summary>
    public int BeatCount { get; }

    /// <summary>Successive differences in the window: pairs of window beats that were adjacent in the stream (N − 1 when no beat in between was rejected).</summary>
    public int DifferenceCount { get; }

    /// <summary>0 to 1: for a count window N / window beats; for a time window the stream time covered so far / window duration, capped at 1.</summary>
    public double WindowFillFraction => _fillDenominator > 0 ? Math.Min(1.0, _fillNumerator / _fillDenominator) : 0;

    /// <summary>True once the window is full (<see cref="WindowFillFraction"/> is 1).</summary>
    public bool IsWindowFull => _fillDenominator > 0 && _fillNumerator >= _fillDenominator;

    /// <summary>Mean of the window's intervals in ms; null when the window is empty.</summary>
    public double? MeanRrMs => BeatCount > 0 ? Mean : null;

    /// <summary>Sample standard deviation of the window's intervals (denominator N − 1) in ms; null below 2 beats.</summary>
    public double? SdnnMs => BeatCount > 1
        ? Math.Sqrt(Math.Max(0, _sumSquares - (_sum * _sum / BeatCount)) / (BeatCount - 1))
        : null;

    /// <summary>Root mean square of the window's successive differences (denominator: their count) in ms; null without a difference.</summary>
    public double? RmssdMs => DifferenceCount > 0 ? Math.Sqrt(Math.Max(0, _diffSquares) / DifferenceCount) : null;

    /// <summary>60 000 / <see cref="MeanRrMs"/>: heart rate from the mean interval, in beats per minute; null when the window is empty.</summary>
    public double? MeanHeartRateBpm => BeatCount > 0 ? 60_000.0 / Mean : null;

    /// <summary>100 × (differences with |Δ| strictly greater than 50 ms) / <see cref="DifferenceCount"/>, in percent; null without a difference.</summary>
    public double? Pnn50Percent => DifferenceCount > 0 ? 100.0 * _nn50 / DifferenceCount : null;

    private double Mean => _shift + (_sum / BeatCount);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"RollingHrvSnapshot {{ BeatCount = {BeatCount}, DifferenceCount = {DifferenceCount}, WindowFillFraction = {WindowFillFraction}, MeanRrMs = {MeanRrMs}, SdnnMs = {SdnnMs}, RmssdMs = {RmssdMs}, MeanHeartRateBpm = {MeanHeartRateBpm}, Pnn50Percent = {Pnn50Percent} }}");
}
