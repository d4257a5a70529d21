namespace RelationalNeuro.Synchrony;

/// <summary>How <see cref="WindowedCrossCorrelation"/> picks each window's lag.</summary>
public enum BestLagRule
{
    /// <summary>
    /// rMEA's <c>bestLag</c>: the lag of the first maximum of the window's (transformed) row — a global maximum, so with
    /// absolute values a strong negative correlation can win, and a far lag can beat a nearer peak.
    /// </summary>
    GlobalMaximum = 0,

    /// <summary>
    /// Boker et al. (2002) peak picking: the local maximum nearest lag 0. The lag range is widened from 0 one lag each way
    /// at a time; the largest value seen so far is accepted as the peak once <see cref="WindowedCrossCorrelationOptions.PeakSearchRegion"/>
    /// further widenings do not exceed it. A window whose search reaches the edge of the lag range first has no peak.
    /// Works on the cells as transformed; Boker et al. used signed r (<see cref="WindowedCrossCorrelationOptions.Boker"/>).
    /// Between two equal candidates at the same distance from 0 the positive lag wins.
    /// </summary>
    PeakNearestZero = 1,
}
