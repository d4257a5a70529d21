namespace RelationalNeuro.Cli.Batch;

/// <summary>
/// The rows one unit (a recording, a dyad) produced, and whether any carries a problem (an error-severity one sets exit
/// code 1); with each input file's <see cref="InputStamp"/> when it was read, in <see cref="Tables.TableSchema.InputColumns"/>
/// order (null for a file that could not be read; the list null for units that are not files).
/// </summary>
internal sealed record UnitResult(IReadOnlyList<string[]> Rows, bool HasProblems, bool HasErrors, IReadOnlyList<InputStamp?>? Stamps = null);
