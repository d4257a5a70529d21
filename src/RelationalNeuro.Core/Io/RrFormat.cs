namespace RelationalNeuro.Io;

/// <summary>The RR text formats <see cref="RrReader"/> understands. Details and examples: docs/io.md.</summary>
public enum RrFormat
{
    /// <summary>
    /// One interval per line, optionally preceded by one header line (first non-blank line, if it is not a number).
    /// Polar (Polar Flow / Polar Beat RR export) and Elite HRV exports are this format.
    /// </summary>
    SingleColumn = 0,

    /// <summary>Delimited text (<c>,</c> <c>;</c> or tab, detected from the header line) with a header; the RR column is chosen by name.</summary>
    Csv = 1,

    /// <summary>
    /// Kubios-style text: any number of header lines, then rows of one (RR) or more (e.g. time, RR) numeric
    /// columns separated by white space, tab, comma or semicolon.
    /// </summary>
    KubiosText = 2,
}
