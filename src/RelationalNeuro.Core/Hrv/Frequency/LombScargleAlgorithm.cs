namespace RelationalNeuro.Hrv;

/// <summary>How the trigonometric sums of the Lomb–Scargle periodogram are evaluated (<see cref="FrequencyDomainOptions.LombAlgorithm"/>).</summary>
public enum LombScargleAlgorithm
{
    /// <summary>
    /// Default. Press &amp; Rybicki's (1989, ApJ 338:277) reduction of the sums to FFTs on an even grid, with the samples
    /// spread by a Gaussian kernel and the result deconvolved (Greengard &amp; Lee 2004, SIAM Rev 46:443): about
    /// N·28 + 2 FFTs of 3–6 × the frequency count, O(N + F log F). The band powers agree with <see cref="Exact"/> within
    /// 1e-6 relative (tested on real and synthetic recordings; observed ≤ 1e-9, docs/hrv-frequency.md).
    /// </summary>
    Fast = 0,

    /// <summary>
    /// The sums evaluated term by term (a rotation recurrence over the frequency grid): N × F terms, which is 10¹⁰ for a
    /// 24-h recording (tens of seconds). A recording of more than 2³⁴ terms gets <c>hrv.too-long-for-spectrum</c>.
    /// </summary>
    Exact = 1,
}
