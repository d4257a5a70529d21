namespace RelationalNeuro.Hrv;

/// <summary>How the power spectral density of an NN series is estimated.</summary>
public enum SpectralMethod
{
    /// <summary>
    /// Welch's averaged periodogram of the NN series resampled evenly (Welch 1967, IEEE Trans Audio Electroacoust 15:70):
    /// interpolation, detrending, windowed overlapping segments, mean of the segment periodograms.
    /// </summary>
    Welch = 0,

    /// <summary>
    /// Lomb–Scargle periodogram computed directly on the uneven beat times, without resampling (Lomb 1976,
    /// Astrophys Space Sci 39:447; Scargle 1982, ApJ 263:835; floating-mean form of Zechmeister &amp; Kürster 2009,
    /// A&amp;A 496:577), scaled to ms²/Hz so that a sinusoid of amplitude A ms integrates to A²/2 ms².
    /// </summary>
    LombScargle = 1,
}
