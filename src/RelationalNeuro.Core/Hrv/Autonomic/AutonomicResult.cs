namespace RelationalNeuro.Hrv;

/// <summary>
/// Baevsky's stress index and Kubios' PNS and SNS indexes of one NN series, from
/// <see cref="HrvMetrics.Autonomic(System.ReadOnlySpan{double}, AutonomicOptions?)"/>. A value that is undefined for the
/// series is <see langword="null"/> with a problem saying why; never infinity or NaN.
/// </summary>
public readonly record struct AutonomicResult
{
    /// <summary>Number of NN intervals given.</summary>
    public int IntervalCount { get; init; }

    /// <summary>The histogram's bin width used, ms (an option echoed for provenance).</summary>
    public double HistogramBinWidthMs { get; init; }

    /// <summary>Mo, the mode: centre of the most populated histogram bin, s (ties: the shortest such bin).</summary>
    public double? ModeS { get; init; }

    /// <summary>AMo, the amplitude of the mode: share of intervals in the modal bin, % of all intervals.</summary>
    public double? AmplitudeOfModePercent { get; init; }

    /// <summary>MxDMn, the variation range: longest minus shortest interval, s.</summary>
    public double? VariationRangeS { get; init; }

    /// <summary>Baevsky's stress index SI = AMo / (2 · Mo · MxDMn) with AMo in %, Mo and MxDMn in s (Baevsky &amp; Chernikova 2017). Null when MxDMn = 0.</summary>
    public double? BaevskyStressIndex { get; init; }

    /// <summary>Kubios' stress index: the square root of <see cref="BaevskyStressIndex"/> (Kubios HRV user's guide). Null when that is null.</summary>
    public double? StressIndex { get; init; }

    /// <summary>
    /// PNS index: the mean of the z-scores of mean RR, RMSSD and SD1 against the normal values in
    /// <see cref="AutonomicOptions"/> (Kubios' definition), in SD units; 0 = the normal population's mean. Null when SD1 is undefined.
    /// </summary>
    public double? PnsIndex { get; init; }

    /// <summary>
    /// SNS index: the mean of the z-scores of mean HR, <see cref="StressIndex"/> and SD2, SD2's taken with a minus sign
    /// (a smaller SD2 means more sympathetic activity), in SD units; 0 = the normal population's mean. Null when a component is undefined.
    /// </summary>
    public double? SnsIndex { get; init; }

    /// <summary>Problems: too few intervals, a zero variation range, or an undefined component.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    }
}
