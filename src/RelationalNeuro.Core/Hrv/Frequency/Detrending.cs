namespace RelationalNeuro.Hrv;

/// <summary>
/// Trend removal applied to the whole evenly resampled NN series before Welch segmentation. Independently of this
/// choice each Welch segment has its own mean removed (SciPy's default <c>detrend='constant'</c>).
/// </summary>
public enum Detrending
{
    /// <summary>Nothing beyond the per-segment mean removal.</summary>
    None = 0,

    /// <summary>The series mean is subtracted.</summary>
    Mean = 1,

    /// <summary>The least-squares straight line over the whole series is subtracted.</summary>
    Linear = 2,

    /// <summary>
    /// Smoothness-priors detrending (Tarvainen, Ranta-aho &amp; Karjalainen 2002, IEEE Trans Biomed Eng 49:172):
    /// the trend (I + λ²D₂ᵀD₂)⁻¹z is subtracted, with D₂ the second-difference matrix and λ
    /// <see cref="FrequencyDomainOptions.SmoothnessPriorsLambda"/>, applied to the evenly resampled series.
    /// </summary>
    SmoothnessPriors = 3,
}
