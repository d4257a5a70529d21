using System.Globalization;

namespace RelationalNeuro.Endocrine;

/// <summary>Shared invariant parsing of "<c>&lt;number&gt; &lt;unit&gt;</c>" text for the concentration value types.</summary>
internal static class ConcentrationText
{
    /// <summary>Splits "12.3 nmol/L" into the number and the unit token. The number is invariant-culture (a point as decimal separator, optional exponent).</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, out double value, out ReadOnlySpan<char> unit)
    {
        value = 0;
        unit = default;
        text = text.Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0)
        {
            return false;
        }

        unit = text[(space + 1)..].Trim();
        return unit.Length > 0
            && double.TryParse(text[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>Unit tokens compare case-insensitively; the micro sign (U+00B5), Greek mu (U+03BC) and ASCII "u" are the same prefix.</summary>
    public static bool UnitIs(ReadOnlySpan<char> token, string canonical)
    {
        if (token.Length != canonical.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            if (!SameChar(token[i], canonical[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static string Number(double value, string? format) =>
        value.ToString(string.IsNullOrEmpty(format) ? "R" : format, CultureInfo.InvariantCulture);

    public static string ParseError(string? text, string units) =>
        string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a concentration: expected an invariant-culture number, a space and one of {units} (e.g. \"12.3 nmol/L\"), finite and not negative.");

    private static bool SameChar(char a, char b) => Fold(a) == Fold(b);

    private static char Fold(char c) => c switch
    {
        '\u00B5' or '\u03BC' or 'u' or 'U' => 'u',
        _ => char.ToLowerInvariant(c),
    };
}
