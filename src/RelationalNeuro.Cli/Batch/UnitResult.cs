namespace RelationalNeuro.Cli.Batch;

/// <summary>
/// The rows one input produced, and whether any carries a problem (an error-severity one sets exit code 1); with the
/// input's <see cref="InputStamp"/> when it was read (null when it could not be, or for units that are not files).
/// </summary>
internal sealed record UnitResult(IReadOnlyList<string[]> Rows, bool HasProblems, bool HasErrors, InputStamp? Stamp = null);
