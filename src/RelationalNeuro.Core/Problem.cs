namespace RelationalNeuro;

/// <summary>How much a <see cref="Problem"/> matters to the result it is attached to.</summary>
public enum ProblemSeverity
{
    /// <summary>The result is complete; something about the input deserves a look (e.g. a corrected artifact).</summary>
    Warning = 0,

    /// <summary>Part of the result is unavailable because of the data (e.g. too few beats, an unparsable line); the rest is valid.</summary>
    Error = 1,

    /// <summary>
    /// Nothing is wrong with the input: a metric defined only for longer recordings is left empty, as its definition
    /// requires (e.g. ULF, defined on 24 h, for a 22.5-h Holter; code <c>hrv.recording-too-short</c>).
    /// </summary>
    Info = 2,
}

/// <summary>
/// A data problem met while computing a result: named, located and explained, never silent. Results carry a
/// list of these; programmer errors (a negative window length) throw instead.
/// </summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>"hrv.too-few-beats"</c>, <c>"io.unparsable-line"</c>.</param>
/// <param name="Message">A sentence for a person, in English, with the values involved.</param>
/// <param name="Severity">Whether the result is complete (<see cref="ProblemSeverity.Warning"/>), partly unavailable because of the data (<see cref="ProblemSeverity.Error"/>), or leaves out a metric undefined for a recording this short (<see cref="ProblemSeverity.Info"/>).</param>
/// <param name="Location">Where: a metric name, a 1-based line number with content, an index, or a JSON path. Null when the whole input is meant.</param>
public sealed record Problem(string Code, string Message, ProblemSeverity Severity = ProblemSeverity.Error, string? Location = null)
{
    /// <inheritdoc />
    public override string ToString() => Location is null ? $"{Severity} {Code}: {Message}" : $"{Severity} {Code} at {Location}: {Message}";
}
