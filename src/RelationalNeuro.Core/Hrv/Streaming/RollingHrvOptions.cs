namespace RelationalNeuro.Hrv;

/// <summary>
/// Options for <see cref="RollingHrv"/>: the window and the artifact-screening rule applied to each new beat.
/// Immutable; change with <c>with</c>.
/// </summary>
/// <remarks>
/// Screening, in order: a value that is not a finite number in (0, <see cref="RrSeries.MaximumIntervalMs"/>] ms is <see cref="BeatScreening.Invalid"/>;
/// an interval outside [<see cref="MinRrMs"/>, <see cref="MaxRrMs"/>] is out of range; otherwise, when
/// <see cref="MaxDeviationFraction"/> is set and at least one earlier in-range beat exists, an interval whose
/// absolute difference from the median of the last <see cref="ReferenceBeats"/> in-range beats exceeds
/// <c>MaxDeviationFraction × median</c> is <see cref="BeatScreening.DeviatesFromReference"/>. The reference
/// holds every in-range beat, accepted or not, so a sustained change of rhythm is followed after about
/// <c>ReferenceBeats / 2</c> beats while an isolated ectopic pair does not move it. The 20 % rule is Malik et
/// al.'s (1989), who compared each interval with the previous one (<c>ReferenceBeats = 1</c> reproduces that);
/// the 300–2000 ms range is the plausibility range common in HRV software (e.g. hrv-analysis
/// <c>remove_outliers</c> defaults to 300–2000 ms).
/// <para>Malik M, Farrell T, Cripps T, Camm AJ. Heart rate variability in relation to prognosis after myocardial
/// infarction: selection of optimal processing techniques. Eur Heart J. 1989;10(12):1060–1074.</para>
/// </remarks>
public sealed record RollingHrvOptions
{
    /// <summary>The window; default the last 60 accepted beats.</summary>
    public RollingWindow Window { get; init; } = RollingWindow.OfBeats(60);

    /// <summary>Shortest accepted interval in ms (inclusive); default 300 ms. Also bounds a time window's capacity. Must lie in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>].</summary>
    public double MinRrMs { get; init; } = 300;

    /// <summary>Longest accepted interval in ms (inclusive); default 2000 ms. Must lie in [<see cref="MinRrMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>].</summary>
    public double MaxRrMs { get; init; } = 2000;

    /// <summary>
    /// Largest accepted deviation from the reference median, as a fraction of it (0.20 = 20 %, strictly greater
    /// is rejected); null turns the relative test off. Default 0.20.
    /// </summary>
    public double? MaxDeviationFraction { get; init; } = 0.20;

    /// <summary>How many recent in-range beats form the reference median; 1 to 15, default 5.</summary>
    public int ReferenceBeats { get; init; } = 5;
}
