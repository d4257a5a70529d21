namespace RelationalNeuro.Io;

/// <summary>Options for <see cref="RrReader"/>. Immutable; change with <c>with</c>.</summary>
public sealed record RrReadOptions
{
    /// <summary>Default options: unit detected, delimiter detected, column <c>null</c> (see <see cref="ColumnName"/>).</summary>
    public static RrReadOptions Default { get; } = new();

    /// <summary>The unit of the values; <see cref="RrUnit.Auto"/> (default) uses the header, then the median rule.</summary>
    public RrUnit Unit { get; init; } = RrUnit.Auto;

    /// <summary>
    /// CSV: the header name of the RR column (case-insensitive, surrounding spaces and quotes ignored). Null
    /// (default): the first column whose name contains "rr", "ibi" or "interval". Kubios text: the column whose
    /// header names RR, else the last column. Ignored for single-column text.
    /// </summary>
    public string? ColumnName { get; init; }

    /// <summary>CSV delimiter; null (default) detects it from the header line (the most frequent of <c>,</c> <c>;</c> tab outside quotes).</summary>
    public char? Delimiter { get; init; }

    /// <summary>How many line problems are listed at most (default 100); the rest are counted in <see cref="RrReadResult.ProblemCount"/>.</summary>
    public int MaxListedProblems { get; init; } = 100;

    /// <summary>
    /// Longest line read in full, in characters (default 4096, at most <see cref="MaxLineLengthLimit"/>); longer lines
    /// are reported as problems, with their start quoted. The readers hold buffers of this size.
    /// </summary>
    public int MaxLineLength { get; init; } = 4096;

    /// <summary>The largest <see cref="MaxLineLength"/> accepted: 1,048,576 characters (an RR line is a few dozen).</summary>
    public const int MaxLineLengthLimit = 1 << 20;

    /// <summary>
    /// Most intervals read from one file (default 10,000,000: about three months of beats at 75 bpm; a 24-h recording has
    /// about 100,000). Reading stops there with the error <c>io.too-many-intervals</c> naming the line, and the result holds
    /// the intervals before it; without a bound a file of billions of lines (a corrupt export, a hostile file) would take
    /// all the memory there is. At most <see cref="MaxIntervalsLimit"/>.
    /// </summary>
    public int MaxIntervals { get; init; } = 10_000_000;

    /// <summary>The largest <see cref="MaxIntervals"/> accepted: 200,000,000 (1.6 GB of intervals).</summary>
    public const int MaxIntervalsLimit = 200_000_000;
}
