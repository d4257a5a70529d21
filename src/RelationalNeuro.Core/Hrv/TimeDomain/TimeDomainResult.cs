namespace RelationalNeuro.Hrv;

/// <summary>
/// Time-domain and geometric HRV metrics of one NN series, from
/// <see cref="HrvMetrics.TimeDomain(System.ReadOnlySpan{double}, TimeDomainOptions?)"/>.
/// Member names carry units. A metric the series is too short for is <see langword="null"/> and
/// <see cref="Problems"/> says why and what the minimum is.
/// </summary>
/// <remarks>
/// A <see langword="readonly record struct"/>: computing it allocates nothing on the heap when the series is long
/// enough for every metric, or only for SDANN / SDNN index with the default 5-min segments (the problem list is then a
/// shared immutable <see cref="ProblemList"/>). It is about 400 bytes (22 nullable
/// doubles); copying it costs tens of nanoseconds, far below one pass over even a 5-min series. Definitions and citations are on
/// each member and in <c>docs/hrv.md</c>.
/// </remarks>
public readonly record struct TimeDomainResult
{
    /// <summary>Number of NN intervals N given.</summary>
    public int IntervalCount { get; init; }

    /// <summary>Sum of the NN intervals, in seconds (the span the intervals cover).</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Mean NN interval, ms. Minimum 1 interval.</summary>
    public double? MeanNnMs { get; init; }

    /// <summary>SDNN: standard deviation of the NN intervals with the N − 1 normaliser (ddof = 1, as all three peers), ms. Minimum 2 intervals. Task Force 1996.</summary>
    public double? SdnnMs { get; init; }

    /// <summary>RMSSD: √(mean of ΔRR²) over the N − 1 successive differences, ms. Minimum 2 intervals. Task Force 1996.</summary>
    public double? RmssdMs { get; init; }

    /// <summary>
    /// SDSD: standard deviation of successive differences, ms, as chosen by <see cref="TimeDomainOptions.Sdsd"/>
    /// (default: signed differences, N − 2 normaliser, Task Force 1996). Minimum 3 intervals (2 for the population form).
    /// </summary>
    public double? SdsdMs { get; init; }

    /// <summary>NN50: number of successive differences with |ΔRR| strictly greater than 50 ms. Minimum 2 intervals.</summary>
    public int? Nn50 { get; init; }

    /// <summary>pNN50: 100 · NN50 / denominator (<see cref="TimeDomainOptions.PnnDenominator"/>; default N − 1 differences), percent. Minimum 2 intervals.</summary>
    public double? Pnn50Percent { get; init; }

    /// <summary>NN20: number of successive differences with |ΔRR| strictly greater than 20 ms. Minimum 2 intervals.</summary>
    public int? Nn20 { get; init; }

    /// <summary>pNN20: 100 · NN20 / denominator (as <see cref="Pnn50Percent"/>), percent. Minimum 2 intervals.</summary>
    public double? Pnn20Percent { get; init; }

    /// <summary>Mean heart rate as the mean of the instantaneous rates 60000 / RR, bpm (hrv-analysis <c>mean_hr</c>, pyHRV <c>hr_mean</c>). Minimum 1 interval.</summary>
    public double? MeanHrBpm { get; init; }

    /// <summary>Heart rate from the mean interval, 60000 / MeanNN, bpm. Never larger than <see cref="MeanHrBpm"/> (Jensen). Minimum 1 interval.</summary>
    public double? HrFromMeanNnBpm { get; init; }

    /// <summary>SDHR: standard deviation of the instantaneous rates 60000 / RR, bpm; normaliser from <see cref="TimeDomainOptions.SdHr"/> (default N − 1). Minimum 2 intervals.</summary>
    public double? SdHrBpm { get; init; }

    /// <summary>Lowest instantaneous heart rate, 60000 / max RR, bpm. Minimum 1 interval.</summary>
    public double? MinHrBpm { get; init; }

    /// <summary>Highest instantaneous heart rate, 60000 / min RR, bpm. Minimum 1 interval.</summary>
    public double? MaxHrBpm { get; init; }

    /// <summary>Shortest NN interval, ms. Minimum 1 interval.</summary>
    public double? MinNnMs { get; init; }

    /// <summary>Longest NN interval, ms. Minimum 1 interval.</summary>
    public double? MaxNnMs { get; init; }

    /// <summary>Median NN interval, ms (mean of the two middle values when N is even). Minimum 1 interval.</summary>
    public double? MedianNnMs { get; init; }

    /// <summary>
    /// MadNN: scaled median absolute deviation, 1.4826 · median(|RR − median(RR)|), ms (NeuroKit2 <c>HRV_MadNN</c>;
    /// the factor makes it estimate the SD of normal data). Minimum 1 interval.
    /// </summary>
    public double? MadNnMs { get; init; }

    /// <summary>
    /// IQRNN: 75th minus 25th percentile of the NN intervals, ms, with linear interpolation between order statistics
    /// (Hyndman &amp; Fan type 7, NumPy's default, as NeuroKit2 <c>HRV_IQRNN</c>). Minimum 1 interval.
    /// </summary>
    public double? IqrNnMs { get; init; }

    /// <summary>CVNN = SDNN / MeanNN (dimensionless ratio, not percent). Minimum 2 intervals.</summary>
    public double? CvNn { get; init; }

    /// <summary>CVSD = RMSSD / MeanNN (dimensionless ratio, not percent). Minimum 2 intervals.</summary>
    public double? CvSd { get; init; }

    /// <summary>
    /// HRV triangular index: N divided by the count of the most populated histogram bin, bins of
    /// <see cref="HistogramBinWidthMs"/> (default 7.8125 ms, Task Force 1996). Dimensionless. Minimum 1 interval.
    /// </summary>
    public double? TriangularIndex { get; init; }

    /// <summary>
    /// TINN: base width M − N of the triangle fitted by least squares to the NN histogram (Task Force 1996), ms, on
    /// the histogram of <see cref="HistogramBinWidthMs"/>; a multiple of the bin width, at least two bin widths.
    /// Minimum 1 interval. See <c>docs/hrv.md</c> for the discretisation.
    /// </summary>
    public double? TinnMs { get; init; }

    /// <summary>Width in ms of the histogram bins behind <see cref="TriangularIndex"/> and <see cref="TinnMs"/>.</summary>
    public double HistogramBinWidthMs { get; init; }

    /// <summary>
    /// SDANN: standard deviation (N − 1 normaliser) of the mean NN of each complete segment of
    /// <see cref="SegmentDurationSeconds"/> (default 5 min), ms. Needs at least two complete segments (a recording of at
    /// least 10 min with the default). Task Force 1996.
    /// </summary>
    public double? SdannMs { get; init; }

    /// <summary>SDNN index: mean of the SDNN (N − 1 normaliser) of each complete segment, ms. Same minimum as <see cref="SdannMs"/>.</summary>
    public double? SdnnIndexMs { get; init; }

    /// <summary>Segment length behind <see cref="SdannMs"/> and <see cref="SdnnIndexMs"/>, seconds.</summary>
    public double SegmentDurationSeconds { get; init; }

    /// <summary>Number of complete segments used for <see cref="SdannMs"/> and <see cref="SdnnIndexMs"/> (0 when they are null).</summary>
    public int SegmentCount { get; init; }

    /// <summary>Why any metric is null (code <c>hrv.too-few-beats</c> or <c>hrv.recording-too-short</c>, location = metric name). Empty when all are available.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    }
}
