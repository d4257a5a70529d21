using RelationalNeuro.Hrv;

namespace RelationalNeuro.Io;

/// <summary>
/// What a reader got from a text: the RR series, the unit it used and how it decided it, and every line it
/// could not use (1-based line number and content), so nothing is dropped silently.
/// </summary>
/// <remarks>
/// A <c>sealed record</c> like every result that comes from loading or parsing. Equality compares members as records do
/// (the series, the line numbers and the lists by reference); <c>ToString()</c> prints the problem count and codes.
/// </remarks>
public sealed record RrReadResult
{
    private readonly SourceLineMap _sourceLines;

    internal RrReadResult(RrSeries series, SourceLineMap sourceLines, ProblemList problems, int problemCount, bool hasErrors, RrUnit unit, RrUnitSource unitSource, int lineCount, string[] headerLines)
    {
        Series = series;
        _sourceLines = sourceLines;
        Problems = problems;
        ProblemCount = problemCount;
        HasErrors = hasErrors;
        Unit = unit;
        UnitSource = unitSource;
        LineCount = lineCount;
        HeaderLines = headerLines;
    }

    /// <summary>The intervals read, in ms. Its own <see cref="RrSeries.Problems"/> flag values outside physiology by index.</summary>
    public RrSeries Series { get; }

    /// <summary>For each interval of <see cref="Series"/>, the 1-based line it came from.</summary>
    /// <remarks>The reader keeps the lines as runs of consecutive lines; the array behind this span is built on first use
    /// (4 bytes per interval) and kept.</remarks>
    public ReadOnlySpan<int> SourceLineNumbers => _sourceLines.Lines;

    /// <summary>
    /// Reader problems: unparsable lines (code <c>io.unparsable-line</c>, location <c>line N</c>, message quoting
    /// the content), invalid values (<c>io.invalid-interval</c>), missing columns, and summaries. Listed up to
    /// <see cref="RrReadOptions.MaxListedProblems"/>; see <see cref="ProblemCount"/> for the total.
    /// </summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Total number of reader problems, listed or not (the summary problem is not counted).</summary>
    public int ProblemCount { get; }

    /// <summary>True when the reader met an error-level problem (a line it could not use, or no interval at all).</summary>
    public bool HasErrors { get; }

    /// <summary>The unit the values were read in (never <see cref="RrUnit.Auto"/>).</summary>
    public RrUnit Unit { get; }

    /// <summary>How <see cref="Unit"/> was decided.</summary>
    public RrUnitSource UnitSource { get; }

    /// <summary>Number of lines read (including header and blank lines).</summary>
    public int LineCount { get; }

    /// <summary>Lines taken as header (not data), verbatim (at most 64 kept).</summary>
    public IReadOnlyList<string> HeaderLines { get; }
}
