namespace RelationalNeuro.Hrv;

/// <summary>
/// The spectral bands of HRV. Defaults follow the Task Force of the ESC and NASPE (1996, Circulation 93:1043,
/// Table 2): ULF ≤ 0.003 Hz, VLF 0.003–0.04 Hz, LF 0.04–0.15 Hz, HF 0.15–0.4 Hz; VHF 0.4–0.5 Hz as NeuroKit2 reports it.
/// Change them with <c>with</c>, e.g. <c>FrequencyBands.Default with { Hf = new(0.15, 0.5) }</c> for fast breathing.
/// </summary>
public sealed record FrequencyBands
{
    /// <summary>The Task Force bands plus VHF 0.4–0.5 Hz.</summary>
    public static FrequencyBands Default { get; } = new();

    /// <summary>Ultra-low frequency, default 0–0.003 Hz (needs about 24 h of recording).</summary>
    public FrequencyBand Ulf { get; init; } = new(0.0, 0.003);

    /// <summary>Very low frequency, default 0.003–0.04 Hz (needs ≥ 5 min of recording).</summary>
    public FrequencyBand Vlf { get; init; } = new(0.003, 0.04);

    /// <summary>Low frequency, default 0.04–0.15 Hz (needs ≥ 2 min of recording).</summary>
    public FrequencyBand Lf { get; init; } = new(0.04, 0.15);

    /// <summary>High frequency, default 0.15–0.4 Hz (needs ≥ 1 min of recording).</summary>
    public FrequencyBand Hf { get; init; } = new(0.15, 0.4);

    /// <summary>Very high frequency, default 0.4–0.5 Hz.</summary>
    public FrequencyBand Vhf { get; init; } = new(0.4, 0.5);
}
