namespace RelationalNeuro;

/// <summary>How much a <see cref="Problem"/> matters to the result it is attached to.</summary>
public enum ProblemSeverity
{
    /// <summary>The result is complete; something about the input deserves a look (e.g. a corrected artifact).</summary>
    Warning = 0,

    /// <summary>Part of the result is unavailable (e.g. a metric needs more data); the rest is valid.</summary>
    Error = 1,
}

/// <summary>
/// A data problem met while computing a result: named, located and explained, never silent. Results carry a
/// list of these; programmer errors (a negative window length) throw instead.
/// </summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>"hrv.too-few-beats"</c>, <c>"io.unparsable-line"</c>.</param>
/// <param name="Message">A sentence for a person, in English, with the values involved.</param>
/// <param name="Severity">Whether the result is complete (<see cref="ProblemSeverity.Warning"/>) or partly unavailable.</param>
/// <param name="Location">Where: a metric name, a 1-based line number with content, an index, or a JSON path. Null when the whole input is meant.</param>
public sealed record Problem(string Code, string Message, ProblemSeverity Severity = ProblemSeverity.Error, string? Location = null)
{
    /// <inheritdoc />
    public override string ToString() => Location is null ? $"{Severity} {Code}: {Message}" : $"{Severity} {Code} at {Location}: {Message}";
}
