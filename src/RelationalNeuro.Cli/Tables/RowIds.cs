using System.Globalization;

namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// The id column of a table with one row per person (questionnaire answers, pre/post scores): a blank id
/// (<c>cli.missing-id</c>) or an id already on an earlier row of the same file (<c>cli.duplicate-id</c>) is a warning
/// on the row — the row is still computed, but it cannot be linked to one person. Ids are compared as written
/// (case-sensitive, after the CSV reader's trimming).
/// </summary>
internal sealed class RowIds(string what)
{
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    /// <summary>The problem with <paramref name="id"/> on <paramref name="line"/>, or null.</summary>
    public Problem? Check(string id, int line)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"line {line}");
        if (id.Length == 0)
        {
            return new Problem("cli.missing-id", $"The {what} column is blank: the row is computed but names no one.", ProblemSeverity.Warning, at);
        }

        if (_firstLine.TryGetValue(id, out var first))
        {
            return new Problem(
                "cli.duplicate-id",
                string.Create(CultureInfo.InvariantCulture, $"'{id}' is also on line {first}: two rows for one {what} (both are computed; check which is meant)."),
                ProblemSeverity.Warning,
                at);
        }

        _firstLine[id] = line;
        return null;
    }
}
