namespace RelationalNeuro.Interventions;

/// <summary>
/// HRV measured around a breathing session (computed by the HRV module or a device). Every member is optional:
/// record what was measured.
/// </summary>
public sealed record HrvSnapshot
{
    /// <summary>Length of the recording in seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Root mean square of successive RR differences, ms.</summary>
    public double? RmssdMs { get; init; }

    /// <summary>Standard deviation of NN intervals, ms.</summary>
    public double? SdnnMs { get; init; }

    /// <summary>Mean heart rate, beats per minute.</summary>
    public double? MeanHeartRateBpm { get; init; }

    /// <summary>Low-frequency power (0.04–0.15 Hz), ms².</summary>
    public double? LfPowerMs2 { get; init; }

    /// <summary>High-frequency power (0.15–0.40 Hz), ms².</summary>
    public double? HfPowerMs2 { get; init; }
}
