namespace RelationalNeuro.Hrv;

/// <summary>Which measure of a paced-breathing segment picks the resonance frequency (Lehrer et al. 2000; Shaffer &amp; Meehan 2020).</summary>
public enum ResonanceCriterion
{
    /// <summary>Largest LF power (ms², 0.04–0.15 Hz). The default.</summary>
    LfPower = 0,

    /// <summary>Largest LF peak of the PSD (ms²/Hz).</summary>
    LfPeakDensity = 1,

    /// <summary>Largest mean peak-to-trough heart-rate difference per breath (bpm).</summary>
    PeakToTroughHeartRate = 2,
}
