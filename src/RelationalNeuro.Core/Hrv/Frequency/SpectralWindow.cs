namespace RelationalNeuro.Hrv;

/// <summary>
/// The taper applied to each Welch segment. Both are the periodic ("DFT-even") forms that SciPy's
/// <c>scipy.signal.get_window</c> returns for spectral analysis: w[k] = a − (1 − a)·cos(2πk/L), k = 0…L−1.
/// </summary>
public enum SpectralWindow
{
    /// <summary>Hann (raised cosine), a = 0.5.</summary>
    Hann = 0,

    /// <summary>Hamming, a = 0.54.</summary>
    Hamming = 1,

    /// <summary>No taper (rectangular window).</summary>
    Rectangular = 2,
}
