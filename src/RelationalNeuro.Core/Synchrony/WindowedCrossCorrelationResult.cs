namespace RelationalNeuro.Synchrony;

/// <summary>
/// The window × lag matrix of <see cref="WindowedCrossCorrelation.Compute(DyadSeries, WindowedCrossCorrelationOptions?)"/>, its
/// per-window values (rMEA's <c>ccfRes</c>), its summaries (rMEA's <c>grandAver</c> and <c>summary()</c>, unrounded) and, with
/// <see cref="BestLagRule.PeakNearestZero"/>, Boker et al.'s peak summaries. Lags are signed from A to B: a positive lag
/// means B follows A (rMEA's convention). Cells that could not be computed (a constant block, rMEA's identity rule)
/// are missing: <see cref="Cell"/> returns null for them and every mean drops them.
/// </summary>
/// <remarks>A <see langword="sealed"/> record (it holds the matrix); equality compares the collections by reference.</remarks>
public sealed record WindowedCrossCorrelationResult
{
    private readonly double[] _cells;

    internal WindowedCrossCorrelationResult(
        WindowedCrossCorrelationOptions options,
        double sampleRateHz,
        int windowSamples,
        int maxLagSamples,
        int incrementSamples,
        double[] cells,
        CrossCorrelationWindow[] windows,
        ProblemList problems)
    {
        _cells = cells;
        Options = options;
        SampleRateHz = sampleRateHz;
        WindowSamples = windowSamples;
        MaxLagSamples = maxLagSamples;
        IncrementSamples = incrementSamples;
        Windows = windows;
        Problems = problems;
        var lags = new double[LagCount];
        for (var i = 0; i < lags.Length; i++)
        {
            lags[i] = (i - maxLagSamples) / sampleRateHz;
        }

        LagsSeconds = lags;
        var profile = new double?[LagCount];
        double grand = 0, aLead = 0, bLead = 0, zero = 0;
        int nGrand = 0, nALead = 0, nBLead = 0, nZero = 0;
        for (var l = 0; l < LagCount; l++)
        {
            double sum = 0;
            var n = 0;
            for (var w = 0; w < windows.Length; w++)
            {
                var v = cells[(w * LagCount) + l];
                if (double.IsNaN(v))
                {
                    continue;
                }

                sum += v;
                n++;
            }

            profile[l] = n == 0 ? null : sum / n;
            grand += sum;
            nGrand += n;
            var lag = l - maxLagSamples;
            if (lag > 0)
            {
                aLead += sum;
                nALead += n;
            }
            else if (lag < 0)
            {
                bLead += sum;
                nBLead += n;
            }
            else
            {
                zero += sum;
                nZero += n;
            }
        }

        LagProfile = profile;
        ComputedCellCount = nGrand;
        GrandAverage = nGrand == 0 ? null : grand / nGrand;
        MeanALead = nALead == 0 ? null : aLead / nALead;
        MeanBLead = nBLead == 0 ? null : bLead / nBLead;
        MeanLagZero = nZero == 0 ? null : zero / nZero;

        var lagsFound = new List<double>();
        var values = new List<double>();
        foreach (var window in windows)
        {
            if (window is { BestLagSeconds: { } bestLag, BestValue: { } bestValue })
            {
                lagsFound.Add(bestLag);
                values.Add(bestValue);
            }
        }

        BestLagCount = lagsFound.Count;
        (MeanBestLagSeconds, SdBestLagSeconds) = MeanSd(lagsFound);
        (MeanBestValue, SdBestValue) = MeanSd(values);
        MedianBestLagSeconds = lagsFound.Count == 0 ? null : MathNet.Numerics.Statistics.ArrayStatistics.MedianInplace(lagsFound.ToArray());
    }

    /// <summary>The options the matrix was computed with.</summary>
    public WindowedCrossCorrelationOptions Options { get; }

    /// <summary>Grid rate in Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>Window length in samples (rMEA <c>win</c>).</summary>
    public int WindowSamples { get; }

    /// <summary>Largest lag each way in samples (rMEA <c>lagSamp</c>).</summary>
    public int MaxLagSamples { get; }

    /// <summary>Step between window starts in samples (rMEA <c>inc</c>).</summary>
    public int IncrementSamples { get; }

    /// <summary>Number of windows: <c>ceil((N − win − L + 1)/inc)</c> (rMEA); 0 when the series is too short (see <see cref="Problems"/>).</summary>
    public int WindowCount => Windows.Count;

    /// <summary>Number of lags, 2L + 1.</summary>
    public int LagCount => (2 * MaxLagSamples) + 1;

    /// <summary>The lag of each column in s, from −L/fs to +L/fs; positive = B follows A.</summary>
    public IReadOnlyList<double> LagsSeconds { get; }

    /// <summary>Per-window values, in window order.</summary>
    public IReadOnlyList<CrossCorrelationWindow> Windows { get; }

    /// <summary>Mean over windows of each lag's computed cells (the lag profile), in <see cref="LagsSeconds"/> order; null for a lag with none.</summary>
    public IReadOnlyList<double?> LagProfile { get; }

    /// <summary>Number of computed (non-missing) cells.</summary>
    public int ComputedCellCount { get; }

    /// <summary>Mean of all computed cells (rMEA <c>grandAver</c>: not the mean of window means); null when none.</summary>
    public double? GrandAverage { get; }

    /// <summary>Mean of all computed cells at lags &gt; 0, A leading (rMEA <c>summary()</c>'s A_lead, unrounded).</summary>
    public double? MeanALead { get; }

    /// <summary>Mean of all computed cells at lags &lt; 0, B leading (rMEA <c>summary()</c>'s B_lead, unrounded).</summary>
    public double? MeanBLead { get; }

    /// <summary>Mean of the computed lag-0 cells (rMEA <c>summary()</c>'s lag_zero, unrounded).</summary>
    public double? MeanLagZero { get; }

    /// <summary>Number of windows with a best lag.</summary>
    public int BestLagCount { get; }

    /// <summary>Mean best lag over windows in s (Boker's summary of peak lags).</summary>
    public double? MeanBestLagSeconds { get; }

    /// <summary>SD (n − 1) of the best lags in s; null with fewer than two.</summary>
    public double? SdBestLagSeconds { get; }

    /// <summary>Median best lag over windows in s (the lag the report's verdict names).</summary>
    public double? MedianBestLagSeconds { get; }

    /// <summary>Mean of the windows' best values (Boker's mean peak r when so configured).</summary>
    public double? MeanBestValue { get; }

    /// <summary>SD (n − 1) of the windows' best values; null with fewer than two.</summary>
    public double? SdBestValue { get; }

    /// <summary>Problems: <c>sync.too-short</c>, <c>sync.non-finite</c>. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>One cell: the (transformed) correlation of window <paramref name="window"/> at lag column <paramref name="lagIndex"/>.</summary>
    /// <param name="window">0-based window index.</param>
    /// <param name="lagIndex">0-based column, lag = <see cref="LagsSeconds"/>[lagIndex].</param>
    /// <returns>The value, or null when the cell could not be computed (constant block or the identity rule).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public double? Cell(int window, int lagIndex)
    {
        Internal.Guard.InRange(window, 0, WindowCount - 1);
        Internal.Guard.InRange(lagIndex, 0, LagCount - 1);
        var v = _cells[(window * LagCount) + lagIndex];
        return double.IsNaN(v) ? null : v;
    }

    private static (double? Mean, double? Sd) MeanSd(List<double> values)
    {
        if (values.Count == 0)
        {
            return (null, null);
        }

        var (mean, squares) = Internal.SampleMoments.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        return (mean, values.Count < 2 ? null : Math.Sqrt(squares / (values.Count - 1)));
    }
}
