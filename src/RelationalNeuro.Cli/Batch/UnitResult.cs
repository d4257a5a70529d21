namespace RelationalNeuro.Cli.Batch;

/// <summary>The rows one input produced, and whether any carries a problem (an error-severity one sets exit code 1).</summary>
internal sealed record UnitResult(IReadOnlyList<string[]> Rows, bool HasProblems, bool HasErrors);
