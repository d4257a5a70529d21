using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// Finds text that cannot be stored without being changed: a string holding a lone UTF-16 surrogate (a high surrogate
/// U+D800–U+DBFF not followed by a low one, or a low surrogate U+DC00–U+DFFF not preceded by a high one; Unicode 15,
/// §3.9 D91). Such a string has no UTF-8 form, so SQLite and the JSON export would write U+FFFD in its place. Every
/// string member of a practice object is visited through the export format's source-generated metadata (the same
/// property names and nesting as the JSON), so a new entry type or member is covered without listing it here.
/// </summary>
internal static class PracticeText
{
    /// <summary>Code of the problem for a string with a lone surrogate.</summary>
    public const string LoneSurrogateCode = "data.lone-surrogate";

    private static InterventionsJsonContext Context => InterventionsJsonContext.Default;

    /// <summary>
    /// Adds <see cref="LoneSurrogateCode"/> for every string in <paramref name="value"/> (and in the objects, lists
    /// and dictionary keys it holds) with a lone surrogate, located by its JSON path relative to the collector.
    /// </summary>
    public static void Check(object? value, ProblemCollector problems) => Visit(value, problems, string.Empty, depth: 0);

    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or −1 when it is valid UTF-16.</summary>
    public static int FirstLoneSurrogate(string text)
    {
        // Rune decoding reports invalid UTF-16 at the offending index without allocating.
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            if (Rune.DecodeFromUtf16(span[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    private static void Visit(object? value, ProblemCollector problems, string path, int depth)
    {
        // Practice objects nest a few levels (record → entry → snapshot); the bound only guards against a cycle.
        if (value is null || depth > 32)
        {
            return;
        }

        if (value is string text)
        {
            Report(text, problems, path);
            return;
        }

        if (value.GetType().IsPrimitive || value is Enum or decimal or DateTimeOffset or DateTime or DateOnly or TimeOnly or TimeSpan or Guid)
        {
            return;
        }

        if (value is IEnumerable<KeyValuePair<string, double>> scores)
        {
            foreach (var (key, _) in scores)
            {
                Report(key, problems, path, "a key of ");
            }

            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry pair in dictionary)
            {
                if (pair.Key is string key)
                {
                    Report(key, problems, path, "a key of ");
                }

                Visit(pair.Value, problems, path, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Visit(item, problems, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", depth + 1);
                i++;
            }

            return;
        }

        if (Context.GetTypeInfo(value.GetType()) is { Kind: JsonTypeInfoKind.Object } info)
        {
            foreach (var property in info.Properties)
            {
                if (property.Get is { } get)
                {
                    Visit(get(value), problems, path + "." + property.Name, depth + 1);
                }
            }
        }
    }

    private static void Report(string text, ProblemCollector problems, string path, string what = "")
    {
        var at = FirstLoneSurrogate(text);
        if (at >= 0)
        {
            var location = path.Length == 0 ? null : path;
            problems.Error(
                LoneSurrogateCode,
                string.Create(CultureInfo.InvariantCulture, $"{what}'{(path.Length == 0 ? "$" : path.TrimStart('.'))}' holds a lone UTF-16 surrogate (U+{(int)text[at]:X4} at index {at}), which has no UTF-8 form: it would be stored as U+FFFD. Send valid Unicode."),
                location);
        }
    }
}
