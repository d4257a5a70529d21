namespace RelationalNeuro.Hrv;

/// <summary>
/// Options of <see cref="HrvMetrics.Autonomic(System.ReadOnlySpan{double}, AutonomicOptions?)"/>: the stress-index
/// histogram's bin width and the normal values (mean ± SD) that turn each component of the PNS and SNS indexes into a
/// z-score. Immutable; change with <c>with</c>.
/// </summary>
/// <remarks>
/// <para>The PNS/SNS normal values are population statistics of short-term resting recordings. Mean RR 926 ± 90 ms and
/// RMSSD 42 ± 15 ms are Nunan, Sandercock &amp; Brodie 2010 (Pacing Clin Electrophysiol 33:1407), the source Kubios
/// names. The other defaults are derived from those and labelled so in docs/hrv.md ("Autonomic indexes"): SD1 =
/// RMSSD/√2 (29.7 ± 10.6 ms), mean HR = 60000/926 with the delta-method SD (64.8 ± 6.3 bpm), SD2 from SDNN 50 ± 16 ms
/// (Nunan 2010) and SD1 via SD2² = 2·SDNN² − SD1² (64.2 ± 24.9 ms), and √SI from Baevsky's normal range 80–150 read
/// as mean ± 1 SD on the square-root scale (10.6 ± 1.65). Kubios' own table could not be checked here, so the indexes
/// match Kubios' definition but their value can differ from Kubios' by the difference in normal values; set the values
/// your reference population needs.</para>
/// </remarks>
public sealed record AutonomicOptions
{
    /// <summary>The defaults (50-ms bins, the normal values in the remarks).</summary>
    public static AutonomicOptions Default { get; } = new();

    /// <summary>Width of the RR histogram's bins for the stress index, ms (default 50, Kubios' and Baevsky's). Bins are aligned to multiples of the width. Range 1–1000 ms.</summary>
    public double HistogramBinWidthMs { get; init; } = 50;

    /// <summary>Normal mean RR, ms (default 926, Nunan et al. 2010).</summary>
    public double NormalMeanRrMs { get; init; } = 926;

    /// <summary>SD of the normal mean RR, ms (default 90, Nunan et al. 2010).</summary>
    public double NormalMeanRrSdMs { get; init; } = 90;

    /// <summary>Normal RMSSD, ms (default 42, Nunan et al. 2010).</summary>
    public double NormalRmssdMs { get; init; } = 42;

    /// <summary>SD of the normal RMSSD, ms (default 15, Nunan et al. 2010).</summary>
    public double NormalRmssdSdMs { get; init; } = 15;

    /// <summary>Normal SD1, ms (default 29.7 = 42/√2, derived from Nunan's RMSSD).</summary>
    public double NormalSd1Ms { get; init; } = 29.7;

    /// <summary>SD of the normal SD1, ms (default 10.6 = 15/√2).</summary>
    public double NormalSd1SdMs { get; init; } = 10.6;

    /// <summary>Normal mean heart rate, bpm (default 64.8 = 60000/926).</summary>
    public double NormalMeanHrBpm { get; init; } = 64.8;

    /// <summary>SD of the normal mean heart rate, bpm (default 6.3 = 60000 · 90 / 926², delta method).</summary>
    public double NormalMeanHrSdBpm { get; init; } = 6.3;

    /// <summary>Normal stress index (Kubios' square-root scale, dimensionless; default 10.6, Baevsky's 80–150 range on the √ scale).</summary>
    public double NormalStressIndex { get; init; } = 10.6;

    /// <summary>SD of the normal stress index (default 1.65).</summary>
    public double NormalStressIndexSd { get; init; } = 1.65;

    /// <summary>Normal SD2, ms (default 64.2, from Nunan's SDNN 50 ms and SD1 29.7 ms).</summary>
    public double NormalSd2Ms { get; init; } = 64.2;

    /// <summary>SD of the normal SD2, ms (default 24.9 = 16 · 2 · 50 / 64.2, delta method).</summary>
    public double NormalSd2SdMs { get; init; } = 24.9;
}
