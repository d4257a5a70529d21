namespace RelationalNeuro.Hrv;

/// <summary>
/// Parameters of detrended fluctuation analysis. Immutable; change with <c>with</c>. Each α is the
/// least-squares slope of ln F(n) on ln n over every integer scale n of its range (both ends included).
/// </summary>
/// <remarks>
/// Defaults follow Peng et al. (1995) as the HRV literature cites them: α1 over 4–16 beats, α2 over
/// 16–64 beats, non-overlapping windows, linear detrending, F(n) = root mean square of all residuals.
/// NeuroKit2 instead uses α1 4–11, α2 12…⌊(N + 1)/10⌋, half-overlapping windows and leaves out windows whose
/// residual variance is ≤ 10⁻⁸ (<see cref="NeuroKit2"/> reproduces it); pyHRV (nolds) uses 4–16 and 17–64 and a
/// RANSAC fit — see docs/hrv-complexity.md for the sizes of the differences.
/// </remarks>
public sealed record DfaOptions
{
    /// <summary>The defaults: α1 4–16, α2 16–64 beats, non-overlapping windows.</summary>
    public static DfaOptions Default { get; } = new();

    /// <summary>Smallest scale of α1, in beats. Default 4; at least 3.</summary>
    public int ShortTermMinBeats { get; init; } = 4;

    /// <summary>Largest scale of α1, in beats. Default 16.</summary>
    public int ShortTermMaxBeats { get; init; } = 16;

    /// <summary>Smallest scale of α2, in beats. Default 16.</summary>
    public int LongTermMinBeats { get; init; } = 16;

    /// <summary>Largest scale of α2, in beats. Default 64.</summary>
    public int LongTermMaxBeats { get; init; } = 64;

    /// <summary>How windows are laid on the profile. Default <see cref="DfaWindowing.NonOverlapping"/>.</summary>
    public DfaWindowing Windowing { get; init; } = DfaWindowing.NonOverlapping;

    /// <summary>
    /// When true, α2's largest scale is ⌊(N + 1)/10⌋ beats for a series of N intervals (NeuroKit2's "number of peaks
    /// divided by 10") instead of <see cref="LongTermMaxBeats"/>, and α2 is null with <c>hrv.too-few-beats</c> when that is
    /// below <see cref="LongTermMinBeats"/> + 1 (NeuroKit2 skips α2 there). Default false.
    /// </summary>
    public bool LongTermMaxFromLength { get; init; }

    /// <summary>
    /// Windows whose residual variance (mean squared residual of the window's line, ms²) is at most this value are left
    /// out of F(n) instead of counting as 0: NeuroKit2 0.2.12 (<c>_fractal_dfa_fluctuation</c>, <c>var[var &gt; 1e-08]</c>)
    /// drops them. Such windows are exactly linear stretches of the profile — RR constant over the window, common at
    /// 4–11 beats when RR is quantised (whole ms, or 7.8125 ms at 128 Hz). Leaving them out raises F at the smallest
    /// scales and lowers α1 (by up to 0.013 on the reference recordings). Default null: every window counts (Peng et al. 1995).
    /// Must be ≥ 0 when set.
    /// </summary>
    public double? MinimumWindowVariance { get; init; }

    /// <summary>
    /// NeuroKit2 0.2.12 <c>hrv_nonlinear</c>: α1 over 4–11 beats, α2 over 12…⌊(N + 1)/10⌋ beats (no α2 below 129
    /// intervals), half-overlapping windows, windows with residual variance ≤ 10⁻⁸ ms² left out. Reproduces NeuroKit2's
    /// <c>HRV_DFA_alpha1</c> and <c>HRV_DFA_alpha2</c> to rounding on every reference series (docs/hrv-complexity.md). The
    /// library's minimum lengths then coincide with NeuroKit2's (α1 from 12 intervals, α2 from 129).
    /// </summary>
    public static DfaOptions NeuroKit2 { get; } = new()
    {
        ShortTermMinBeats = 4,
        ShortTermMaxBeats = 11,
        LongTermMinBeats = 12,
        LongTermMaxBeats = 13,
        LongTermMaxFromLength = true,
        Windowing = DfaWindowing.HalfOverlapping,
        MinimumWindowVariance = 1e-8,
    };
}
