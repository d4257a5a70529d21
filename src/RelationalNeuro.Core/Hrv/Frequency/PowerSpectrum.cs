namespace RelationalNeuro.Hrv;

/// <summary>
/// A one-sided power spectral density of an NN series, for plotting and custom band analysis
/// (<see cref="HrvMetrics.PowerSpectralDensity(ReadOnlySpan{double}, FrequencyDomainOptions?)"/>).
/// </summary>
/// <param name="Method">The spectral method used.</param>
/// <param name="FrequenciesHz">The frequency grid in Hz, ascending and evenly spaced.</param>
/// <param name="DensityMs2PerHz">The PSD at each frequency in ms²/Hz; integrating it over a band gives ms².</param>
/// <param name="FrequencyResolutionHz">1/(Welch segment length) or 1/(record span) for Lomb–Scargle, in Hz.</param>
/// <param name="Problems">Why the spectrum is empty (too few beats), or empty.</param>
public sealed record PowerSpectrum(
    SpectralMethod Method,
    IReadOnlyList<double> FrequenciesHz,
    IReadOnlyList<double> DensityMs2PerHz,
    double FrequencyResolutionHz,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Why the spectrum is empty (too few beats), or empty. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
