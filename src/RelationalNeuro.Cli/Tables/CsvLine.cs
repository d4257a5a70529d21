using System.Text;

namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// RFC 4180 fields on one physical line: the tool's CSV writers never put a line break inside a field
/// (messages are flattened), so a line is a row. Quotes are doubled inside quoted fields.
/// </summary>
internal static class CsvLine
{
    /// <summary>The field as written: quoted when it holds a comma, a quote or a line break.</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Splits one line into unescaped fields (a quote left open is closed at the end of the line).</summary>
    public static List<string> Split(ReadOnlySpan<char> line, char delimiter = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r' && c != '\n')
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
