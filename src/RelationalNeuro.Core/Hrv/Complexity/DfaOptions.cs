namespace RelationalNeuro.Hrv;

/// <summary>
/// Parameters of detrended fluctuation analysis. Immutable; change with <c>with</c>. Each α is the
/// least-squares slope of ln F(n) on ln n over every integer scale n of its range (both ends included).
/// </summary>
/// <remarks>
/// Defaults follow Peng et al. (1995) as the HRV literature cites them: α1 over 4–16 beats, α2 over
/// 16–64 beats, non-overlapping windows, linear detrending, F(n) = root mean square of all residuals.
/// NeuroKit2 instead uses α1 4–11, α2 12…⌊(N + 1)/10⌋ and half-overlapping windows; pyHRV (nolds) uses
/// 4–16 and 17–64 and a RANSAC fit — see docs/hrv-complexity.md for the sizes of
/// the differences.
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
}
