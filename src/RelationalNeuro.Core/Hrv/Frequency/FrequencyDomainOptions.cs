namespace RelationalNeuro.Hrv;

/// <summary>
/// How <see cref="HrvMetrics.FrequencyDomain(ReadOnlySpan{double}, FrequencyDomainOptions?)"/> estimates the spectrum and
/// integrates the bands. Immutable; change with <c>with</c>. The defaults are the library's own documented pipeline
/// (docs/hrv-frequency.md); <see cref="PyHrvWelch"/>, <see cref="HrvAnalysisWelch"/>, <see cref="HrvAnalysisLomb"/> and
/// <see cref="NeuroKit2Welch"/> reproduce a peer's pipeline so results can be compared number for number. Like the peers, a preset applies no
/// minimum recording length (<see cref="HfMinimumSeconds"/>, <see cref="LfMinimumSeconds"/>, <see cref="VlfMinimumSeconds"/>
/// and <see cref="UlfMinimumSeconds"/> are 0 in every preset); put them back with <c>with</c> to keep the library's rules.
/// </summary>
/// <remarks>
/// Time axis (all methods): beat k is placed at t_k = (NN_1 + … + NN_k)/1000 s, so the first NN interval sits at t = 0
/// (as pyHRV and hrv-analysis do). Welch resamples onto t = j/<see cref="ResamplingRateHz"/> for every j with
/// t &lt; t_last (end excluded, like NumPy <c>arange</c>). <see cref="WelchSegmentRule.NeuroKit2"/> uses NeuroKit2's axis and
/// grid instead (see there).
/// </remarks>
public sealed record FrequencyDomainOptions
{
    /// <summary>The library defaults: Welch, cubic spline at 4 Hz, linear detrending, Hann, 256-s segments, 50 % overlap.</summary>
    public static FrequencyDomainOptions Default { get; } = new();

    /// <summary>
    /// pyHRV 0.4.1 <c>welch_psd</c> with its defaults: cubic spline (not-a-knot) at 4 Hz, mean removed, Hamming,
    /// segments of 300 samples (75 s) with 150 overlapping, or the whole record as one segment when the beat-time span
    /// is under 300 s, FFT length 4096, bands VLF 0–0.04, LF 0.04–0.15, HF 0.15–0.4 Hz with inclusive edges and
    /// rectangle integration, LF/HF and n.u. over LF + HF; ULF disabled (zero width), so TP = VLF + LF + HF as pyHRV's.
    /// </summary>
    public static FrequencyDomainOptions PyHrvWelch { get; } = new()
    {
        Detrending = Detrending.Mean,
        Window = SpectralWindow.Hamming,
        SegmentSeconds = 75,
        SingleSegmentBelowSeconds = 300,
        SpreadSegmentsOverRecord = false,
        FftLength = 4096,
        Bands = FrequencyBands.Default with { Ulf = default, Vlf = new(0.0, 0.04) },
        Integration = BandIntegration.RectangleInclusive,
        HfMinimumSeconds = 0,
        LfMinimumSeconds = 0,
        VlfMinimumSeconds = 0,
        UlfMinimumSeconds = 0,
    };

    /// <summary>
    /// hrv-analysis 1.0.5 <c>get_frequency_domain_features(method="welch")</c>: linear interpolation at 4 Hz, mean removed,
    /// Hann segments of 256 samples (64 s) with 128 overlapping, FFT length 4096, trapezoid over the bins inside each band, ULF disabled so TP = VLF + LF + HF.
    /// </summary>
    public static FrequencyDomainOptions HrvAnalysisWelch { get; } = new()
    {
        Interpolation = ResamplingInterpolation.Linear,
        Detrending = Detrending.Mean,
        Window = SpectralWindow.Hann,
        SegmentSeconds = 64,
        SpreadSegmentsOverRecord = false,
        FftLength = 4096,
        Bands = FrequencyBands.Default with { Ulf = default },
        Integration = BandIntegration.TrapezoidWithinBand,
        HfMinimumSeconds = 0,
        LfMinimumSeconds = 0,
        VlfMinimumSeconds = 0,
        UlfMinimumSeconds = 0,
    };

    /// <summary>
    /// hrv-analysis 1.0.5 <c>get_frequency_domain_features(method="lomb")</c>: Lomb–Scargle on the beat times with the
    /// frequency grid astropy's <c>autopower(minimum_frequency=0.003, maximum_frequency=0.4)</c> builds (5 samples per
    /// peak), trapezoid over the bins inside each band. Powers are in this library's ms² scaling, which is
    /// 2·mean(NN)/1000 times astropy's <c>normalization="psd"</c> values that hrv-analysis reports.
    /// </summary>
    public static FrequencyDomainOptions HrvAnalysisLomb { get; } = new()
    {
        Method = SpectralMethod.LombScargle,
        LombSamplesPerPeak = 5,
        LombMinimumFrequencyHz = 0.003,
        LombMaximumFrequencyHz = 0.4,
        Bands = FrequencyBands.Default with { Ulf = default },
        Integration = BandIntegration.TrapezoidWithinBand,
        HfMinimumSeconds = 0,
        LfMinimumSeconds = 0,
        VlfMinimumSeconds = 0,
        UlfMinimumSeconds = 0,
    };

    /// <summary>
    /// NeuroKit2 0.2.12 <c>hrv_frequency(peaks, normalize=False)</c> (Welch, powers in ms²; its default
    /// <c>normalize=True</c> divides the PSD by its maximum, and LF/HF, LFn and HFn are the same either way):
    /// quadratic spline (<c>interp1d(kind='quadratic')</c>) at 100 Hz on NeuroKit2's grid, mean removed, then SciPy
    /// <c>welch</c> with a Hann window of half the record, 50 % overlap, FFT length twice the segment,
    /// <c>detrend=False</c> (no per-segment mean removal) and density scaling; bins below f_min = 2·fs/(N/2) and above
    /// 0.5 Hz dropped (<see cref="WelchSegmentRule.NeuroKit2"/>); bands ULF 0–0.0033, VLF 0.0033–0.04, LF 0.04–0.15,
    /// HF 0.15–0.4, VHF 0.4–0.5 Hz, each the trapezoid over its bins with low ≤ f &lt; high; TP = ULF + VLF + LF + HF + VHF;
    /// LFnu and HFnu = 100·LF/TP and 100·HF/TP (NeuroKit2's <c>HRV_LFn</c>/<c>HRV_HFn</c> are these ÷ 100).
    /// </summary>
    /// <remarks>
    /// A band NeuroKit2 reports as NaN because no bin falls in it (ULF of a record shorter than about 20 min) is null here
    /// with <c>hrv.band-unresolved</c>. NeuroKit2's <c>HRV_LnHF</c> is ln(<see cref="FrequencyDomainResult.HfPowerMs2"/>).
    /// Work: for 24 h of beats the grid has 8.6 million points and the segment 4.3 million; only the bins up to 0.5 Hz are
    /// computed (<c>docs/hrv-frequency.md</c>). Source: NeuroKit2 <c>hrv/hrv_frequency.py</c>, <c>hrv/intervals_process.py</c>,
    /// <c>signal/signal_psd.py</c>, <c>signal/signal_power.py</c>, <c>signal/signal_interpolate.py</c> (Makowski et al. 2021,
    /// Behav Res Methods 53:1689).
    /// </remarks>
    public static FrequencyDomainOptions NeuroKit2Welch { get; } = new()
    {
        ResamplingRateHz = 100,
        Interpolation = ResamplingInterpolation.QuadraticSpline,
        Detrending = Detrending.Mean,
        SegmentMeanRemoval = false,
        Window = SpectralWindow.Hann,
        SegmentRule = WelchSegmentRule.NeuroKit2,
        SegmentOverlap = 0.5,
        SpreadSegmentsOverRecord = false,
        Bands = FrequencyBands.Default with { Ulf = new(0.0, 0.0033), Vlf = new(0.0033, 0.04) },
        Integration = BandIntegration.TrapezoidWithinBand,
        TotalPowerIncludesVhf = true,
        NormalizedUnits = NormalizedUnitsBase.TotalPower,
        HfMinimumSeconds = 0,
        LfMinimumSeconds = 0,
        VlfMinimumSeconds = 0,
        UlfMinimumSeconds = 0,
    };

    /// <summary>Welch (default) or Lomb–Scargle.</summary>
    public SpectralMethod Method { get; init; } = SpectralMethod.Welch;

    /// <summary>Welch: rate of the even time grid in Hz. Default 4 Hz.</summary>
    public double ResamplingRateHz { get; init; } = 4.0;

    /// <summary>Welch: interpolation onto the even grid. Default cubic spline (not-a-knot).</summary>
    public ResamplingInterpolation Interpolation { get; init; } = ResamplingInterpolation.CubicSpline;

    /// <summary>Welch: trend removal over the whole resampled series. Default linear.</summary>
    public Detrending Detrending { get; init; } = Detrending.Linear;

    /// <summary>
    /// Welch with <see cref="Detrending.SmoothnessPriors"/>: the regularization λ, applied to the series resampled at
    /// <see cref="ResamplingRateHz"/>. Default 500. The trend filter's gain falls to ½ at
    /// f = (fs/π)·arcsin(1/(2√λ)): 0.0285 Hz for λ = 500 at 4 Hz.
    /// </summary>
    public double SmoothnessPriorsLambda { get; init; } = 500;

    /// <summary>
    /// Welch: subtract each segment's own mean before tapering (SciPy's default <c>detrend='constant'</c>). False is SciPy's
    /// <c>detrend=False</c>, which NeuroKit2 passes. Default true.
    /// </summary>
    public bool SegmentMeanRemoval { get; init; } = true;

    /// <summary>
    /// Welch: how the grid, segment length, FFT length and reported frequency range follow from the record. Default
    /// <see cref="WelchSegmentRule.Fixed"/>.
    /// </summary>
    public WelchSegmentRule SegmentRule { get; init; } = WelchSegmentRule.Fixed;

    /// <summary>Welch: segment taper. Default Hann.</summary>
    public SpectralWindow Window { get; init; } = SpectralWindow.Hann;

    /// <summary>
    /// Welch: segment length in seconds (rounded to whole samples). Default 256 s (1024 samples at 4 Hz; resolution
    /// 0.0039 Hz). Null, or a record shorter than one segment, analyses the whole record as a single segment.
    /// </summary>
    public double? SegmentSeconds { get; init; } = 256;

    /// <summary>Welch: fraction of a segment shared with the next one, in [0, 1). Default 0.5.</summary>
    public double SegmentOverlap { get; init; } = 0.5;

    /// <summary>
    /// Welch: when the record's beat-time span is shorter than this (seconds), the whole record is one segment
    /// whatever <see cref="SegmentSeconds"/> says (pyHRV's 300-s rule). Default null (no such rule).
    /// </summary>
    public double? SingleSegmentBelowSeconds { get; init; }

    /// <summary>
    /// Welch: when the segments at the nominal step do not reach the end of the record, add one segment and spread all
    /// of them evenly from the first to the last sample (the overlap grows slightly) so no data is left out. When false
    /// the trailing samples are dropped, as SciPy's <c>welch</c> does. Default true.
    /// </summary>
    public bool SpreadSegmentsOverRecord { get; init; } = true;

    /// <summary>
    /// Welch: FFT length (zero padding). Null = the segment length rounded up to a power of two. A value is rounded up to a
    /// power of two and never below the segment length.
    /// </summary>
    public int? FftLength { get; init; }

    /// <summary>Lomb–Scargle: frequency grid step = 1/(samples per peak × record span). Default 2.</summary>
    public double LombSamplesPerPeak { get; init; } = 2;

    /// <summary>
    /// Lomb–Scargle: how the sums are evaluated. Default <see cref="LombScargleAlgorithm.Fast"/> (FFT-based, band powers
    /// within 1e-6 relative of <see cref="LombScargleAlgorithm.Exact"/>); <see cref="LombScargleAlgorithm.Exact"/> sums every
    /// term.
    /// </summary>
    public LombScargleAlgorithm LombAlgorithm { get; init; } = LombScargleAlgorithm.Fast;

    /// <summary>Lomb–Scargle: first grid frequency in Hz. Null = one grid step.</summary>
    public double? LombMinimumFrequencyHz { get; init; }

    /// <summary>Lomb–Scargle: last grid frequency in Hz. Null = the upper edge of <see cref="FrequencyBands.Vhf"/>.</summary>
    public double? LombMaximumFrequencyHz { get; init; }

    /// <summary>The bands. Default <see cref="FrequencyBands.Default"/>.</summary>
    public FrequencyBands Bands { get; init; } = FrequencyBands.Default;

    /// <summary>How the PSD is integrated over each band. Default <see cref="BandIntegration.TrapezoidInterpolatedEdges"/>.</summary>
    public BandIntegration Integration { get; init; } = BandIntegration.TrapezoidInterpolatedEdges;

    /// <summary>
    /// Whether total power also counts the VHF band: TP = ULF + VLF + LF + HF + VHF, as NeuroKit2's <c>HRV_TP</c>. Default
    /// false (TP = ULF + VLF + LF + HF, the Task Force's power at ≤ 0.4 Hz).
    /// </summary>
    public bool TotalPowerIncludesVhf { get; init; }

    /// <summary>Denominator of LFnu/HFnu. Default <see cref="NormalizedUnitsBase.LfPlusHf"/>.</summary>
    public NormalizedUnitsBase NormalizedUnits { get; init; } = NormalizedUnitsBase.LfPlusHf;

    /// <summary>Shortest recording (sum of NN, seconds) for HF and VHF. Default 60 s (Task Force 1996: ~1 min for HF).</summary>
    public double HfMinimumSeconds { get; init; } = 60;

    /// <summary>Shortest recording for LF, total power and the LF/HF-derived values. Default 120 s (Task Force: ~2 min).</summary>
    public double LfMinimumSeconds { get; init; } = 120;

    /// <summary>Shortest recording for VLF. Default 300 s (5 min).</summary>
    public double VlfMinimumSeconds { get; init; } = 300;

    /// <summary>Shortest recording for ULF. Default 86,400 s (24 h).</summary>
    public double UlfMinimumSeconds { get; init; } = 86_400;
}
