namespace RelationalNeuro.Hrv;

/// <summary>How Welch's time grid, segment length, FFT length and reported frequency range follow from the record.</summary>
public enum WelchSegmentRule
{
    /// <summary>
    /// The library's rule: grid t_j = j/<see cref="FrequencyDomainOptions.ResamplingRateHz"/> for t_j &lt; t_last from the first
    /// beat; segments of <see cref="FrequencyDomainOptions.SegmentSeconds"/> (or the whole record), FFT length the next power
    /// of two (or <see cref="FrequencyDomainOptions.FftLength"/>); the spectrum from 0 Hz to Nyquist.
    /// </summary>
    Fixed = 0,

    /// <summary>
    /// NeuroKit2's rule (<c>intervals_process</c> and <c>signal_psd</c>, NeuroKit2 0.2.12): beat times are the running sums
    /// of the intervals, t_i = (NN_0 + … + NN_i)/1000 s, and the grid is NumPy's
    /// <c>arange(t_0, t_last + 1/fs, 1/fs)</c>: N points from the first beat through the last (plus one point past it when
    /// the span is not a whole number of steps, where the value is held at the last NN, as <c>interp1d</c>'s fill value
    /// does). Then f_min = 2·fs/(N/2), one segment length nperseg = ⌊(2/f_min)·fs⌋ capped at ⌊N/2⌋ (half the record),
    /// FFT length exactly 2·nperseg (not rounded to a power of two: SciPy's FFT takes any length, and the frequency grid
    /// fs/nfft depends on it), and the PSD kept only for f_min ≤ f ≤ the highest band edge. The arithmetic is done in
    /// NeuroKit2's order so N, nperseg and the kept bins are the same integers. <see cref="FrequencyDomainOptions.SegmentSeconds"/>,
    /// <see cref="FrequencyDomainOptions.SingleSegmentBelowSeconds"/> and <see cref="FrequencyDomainOptions.FftLength"/> are ignored.
    /// </summary>
    NeuroKit2 = 1,
}
