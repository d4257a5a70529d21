using System.Globalization;
using System.Text;

namespace RelationalNeuro.Cli.Tables;

/// <summary>The <c>problems</c> column: every problem with the file and line it concerns.</summary>
internal static class ProblemText
{
    /// <summary>
    /// Every problem as <c>file:line: severity code: message</c>, joined by " | ". The line comes from a <c>line N</c>
    /// location, from an <c>index i</c> location mapped through <paramref name="sourceLines"/> (offset by
    /// <paramref name="indexOffset"/>), or else from <paramref name="rowLine"/> (the input row the result came from);
    /// any other location is kept as <c>at location</c>. Control characters become spaces, so a cell is one line.
    /// </summary>
    public static string Describe(string file, IReadOnlyList<Problem> problems, ReadOnlySpan<int> sourceLines, int indexOffset, int? rowLine = null)
    {
        var builder = new StringBuilder();
        foreach (var problem in problems)
        {
            if (builder.Length > 0)
            {
                builder.Append(" | ");
            }

            builder.Append(file);
            var location = problem.Location;
            if (location is not null && location.StartsWith("line ", StringComparison.Ordinal))
            {
                builder.Append(':').Append(location.AsSpan(5));
                location = null;
            }
            else if (location is not null && location.StartsWith("index ", StringComparison.Ordinal)
                && int.TryParse(location.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index + indexOffset < sourceLines.Length)
            {
                builder.Append(':').Append(sourceLines[index + indexOffset].ToString(CultureInfo.InvariantCulture));
                location = null;
            }
            else if (rowLine is { } line)
            {
                builder.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(": ").Append(problem.Severity switch { ProblemSeverity.Error => "error ", ProblemSeverity.Info => "info ", _ => "warning " }).Append(problem.Code);
            if (location is not null)
            {
                builder.Append(" at ").Append(location);
            }

            builder.Append(": ").Append(problem.Message);
        }

        // On the string, not through StringBuilder's indexer, which walks the builder's chunks at every call: over the
        // ~40,000 problems of a hostile FHIR file that loop was quadratic (5.5 s for 40,000 repeated items, minutes for 200,000).
        var text = builder.ToString();
        return text.AsSpan().IndexOfAnyInRange('\u0000', '\u001F') < 0 && text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0
            ? text
            : string.Create(text.Length, text, static (span, source) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? ' ' : source[i];
                }
            });
    }

    /// <summary>The distinct codes joined by ';' (the library's <c>problem_codes</c> convention).</summary>
    public static string Codes(IReadOnlyList<Problem> problems) => string.Join(';', problems.Select(p => p.Code).Distinct(StringComparer.Ordinal));

    /// <summary>Whether any problem is an error.</summary>
    public static bool AnyError(IReadOnlyList<Problem> problems) => problems.Any(p => p.Severity == ProblemSeverity.Error);
}
