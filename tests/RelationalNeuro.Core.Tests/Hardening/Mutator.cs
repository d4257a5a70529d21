using System.Text;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Seeded mutations of a valid input: bit flips, byte insertion and deletion, splices from another seed, truncation,
/// numeric tokens replaced by extremes, and structural JSON edits (null elements, a string where a number was, an
/// array where an object was, a dropped comma, a duplicated block). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    /// <summary>Numbers a parser must survive: the double range's ends, subnormals, overflow, non-finite words, int edges.</summary>
    public static readonly string[] Extremes =
    [
        "1e308", "-1e308", "1.7976931348623157e308", "1e309", "-1e309", "4.9e-324", "1e-310", "0", "-0", "-1",
        "NaN", "Infinity", "-Infinity", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "99999999999999999999999999", "0.000000001", "1e-5", "812000000", "81200000", "812000",
    ];

    private static readonly string[] JsonFragments = ["null", "[]", "{}", "\"2\"", "1", "[null]", "[1]", "{\"a\":null}", "true", "\"\uD800\""];

    public static byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> others, Random random, bool json)
    {
        var data = new List<byte>(seed);
        var count = 1 + random.Next(4);
        for (var m = 0; m < count; m++)
        {
            var op = random.Next(json ? 10 : 7);
            switch (op)
            {
                case 0 when data.Count > 0:
                    var at = random.Next(data.Count);
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.Insert(random.Next(data.Count + 1), (byte)random.Next(256));
                    break;
                case 2 when data.Count > 0:
                    var del = random.Next(data.Count);
                    data.RemoveRange(del, Math.Min(data.Count - del, 1 + random.Next(8)));
                    break;
                case 3 when others.Count > 0:
                    var other = others[random.Next(others.Count)];
                    if (other.Length > 0)
                    {
                        var from = random.Next(other.Length);
                        var length = Math.Min(other.Length - from, 1 + random.Next(256));
                        data.InsertRange(random.Next(data.Count + 1), other.AsSpan(from, length).ToArray());
                    }

                    break;
                case 4 when data.Count > 0:
                    data = data.GetRange(0, random.Next(data.Count));
                    break;
                case 5 or 6:
                    data = ReplaceText(data, text => ReplaceNumber(text, random));
                    break;
                case 7:
                    data = ReplaceText(data, text => InsertAfter(text, random, '[', JsonFragments[random.Next(JsonFragments.Length)] + ","));
                    break;
                case 8:
                    data = ReplaceText(data, text => ReplaceValue(text, random));
                    break;
                case 9:
                    data = ReplaceText(data, text => Structural(text, random));
                    break;
            }
        }

        return [.. data];
    }

    private static List<byte> ReplaceText(List<byte> data, Func<string, string> edit)
    {
        var text = Encoding.UTF8.GetString([.. data]);
        return [.. Encoding.UTF8.GetBytes(edit(text))];
    }

    /// <summary>Replaces one numeric token (a run of digits with its sign, point and exponent) by an extreme.</summary>
    private static string ReplaceNumber(string text, Random random)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !IsNumberChar(text[i - 1])))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return text;
        }

        var start = starts[random.Next(starts.Count)];
        if (start > 0 && text[start - 1] == '-')
        {
            start--;
        }

        var end = start + 1;
        while (end < text.Length && IsNumberChar(text[end]))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, start), Extremes[random.Next(Extremes.Length)], text.AsSpan(end));

        static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-';
    }

    private static string InsertAfter(string text, Random random, char after, string insert)
    {
        var positions = Positions(text, after);
        return positions.Count == 0 ? text : text.Insert(positions[random.Next(positions.Count)] + 1, insert);
    }

    /// <summary>Replaces the value after one ':' by a fragment of another JSON type.</summary>
    private static string ReplaceValue(string text, Random random)
    {
        var positions = Positions(text, ':');
        if (positions.Count == 0)
        {
            return text;
        }

        var start = positions[random.Next(positions.Count)] + 1;
        var end = start;
        var depth = 0;
        var inString = false;
        while (end < text.Length)
        {
            var c = text[end];
            if (inString)
            {
                if (c == '\\')
                {
                    end++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }

            end++;
        }

        return string.Concat(text.AsSpan(0, start), JsonFragments[random.Next(JsonFragments.Length)], text.AsSpan(end));
    }

    /// <summary>Swaps a bracket kind, drops a comma, or duplicates a stretch of the text.</summary>
    private static string Structural(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        switch (random.Next(3))
        {
            case 0:
                var brackets = Positions(text, '[');
                if (brackets.Count > 0)
                {
                    var at = brackets[random.Next(brackets.Count)];
                    return string.Concat(text.AsSpan(0, at), "{", text.AsSpan(at + 1));
                }

                return text;
            case 1:
                var commas = Positions(text, ',');
                return commas.Count == 0 ? text : text.Remove(commas[random.Next(commas.Count)], 1);
            default:
                var from = random.Next(text.Length);
                var length = Math.Min(text.Length - from, 1 + random.Next(200));
                return text.Insert(from, text.Substring(from, length));
        }
    }

    private static List<int> Positions(string text, char c)
    {
        var list = new List<int>();
        for (var i = text.IndexOf(c, StringComparison.Ordinal); i >= 0; i = text.IndexOf(c, i + 1))
        {
            list.Add(i);
        }

        return list;
    }
}
