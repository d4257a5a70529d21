namespace RelationalNeuro.Hrv;

/// <summary>The denominator of LF and HF in normalized units (n.u.).</summary>
public enum NormalizedUnitsBase
{
    /// <summary>LFnu = 100·LF/(LF + HF), HFnu = 100·HF/(LF + HF) — what pyHRV and hrv-analysis report.</summary>
    LfPlusHf = 0,

    /// <summary>
    /// LFnu = 100·LF/(TP − VLF), HFnu = 100·HF/(TP − VLF) — the literal Task Force (1996, Table 2) definition, with TP the
    /// library's total power (ULF + VLF + LF + HF). With this library's additive band integration the two differ only by
    /// the power below the VLF band (ULF, including any DC residue).
    /// </summary>
    TotalMinusVlf = 1,

    /// <summary>
    /// LFnu = 100·LF/TP, HFnu = 100·HF/TP, with TP as <see cref="FrequencyDomainResult.TotalPowerMs2"/> (including VHF when
    /// <see cref="FrequencyDomainOptions.TotalPowerIncludesVhf"/> is set) — NeuroKit2's <c>HRV_LFn</c> and <c>HRV_HFn</c>
    /// times 100 (NeuroKit2 reports the fraction).
    /// </summary>
    TotalPower = 2,
}
