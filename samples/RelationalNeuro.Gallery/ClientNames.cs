using System.Globalization;
using System.Text;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery;

/// <summary>
/// How the gallery shows a client's name: a name that would render as nothing (only zero-width, format or blank
/// characters) is refused when typed and shown with a visible fallback when it is already stored; in a list to choose
/// from, clients whose names look the same are told apart.
/// </summary>
internal static class ClientNames
{
    /// <summary>The message shown when a typed name has no visible character.</summary>
    public const string NeedsVisibleCharacter = "A name must contain at least one visible character.";

    /// <summary>
    /// Whether <paramref name="name"/> has at least one character that draws something: not white space, not a control
    /// or format character (zero-width space U+200B, joiners U+200C/U+200D, word joiner U+2060, BOM U+FEFF, soft
    /// hyphen, bidi marks, tags), not a lone combining mark or variation selector, and not one of the letters Unicode
    /// lists as default-ignorable or blank (Hangul fillers U+115F, U+1160, U+3164, U+FFA0; Braille blank U+2800).
    /// </summary>
    public static bool HasVisibleCharacter(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The client's name, or "Unnamed client (id 1a2b3c4d)" when it has no visible character.</summary>
    public static string Shown(Client client) =>
        HasVisibleCharacter(client.DisplayName) ? client.DisplayName : "Unnamed client (id " + ShortId(client.Id) + ")";

    /// <summary>
    /// The text of each client's option in a list to choose from: the shown name; where two or more listed clients'
    /// names look the same (equal, ignoring case and invisible characters), each of them gets its creation date
    /// ("Sam (since 2026-11-23)"), and the start of its id as well when the date is shared too
    /// ("Sam (since 2026-11-23, id 1a2b3c4d)"). Both are stable: they never change while the client exists.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string> ChoiceLabels(IEnumerable<Client> clients)
    {
        var labels = new Dictionary<Guid, string>();
        foreach (var same in clients.GroupBy(c => Key(Shown(c)), StringComparer.OrdinalIgnoreCase))
        {
            var group = same.ToList();
            foreach (var c in group)
            {
                if (group.Count == 1)
                {
                    labels[c.Id] = Shown(c);
                    continue;
                }

                var since = Since(c);
                labels[c.Id] = group.Count(o => Since(o) == since) == 1
                    ? $"{Shown(c)} (since {since})"
                    : $"{Shown(c)} (since {since}, id {ShortId(c.Id)})";
            }
        }

        return labels;
    }

    /// <summary>The first eight hexadecimal digits of <paramref name="id"/>: short, stable, and shown nowhere else.</summary>
    public static string ShortId(Guid id) => id.ToString("N", CultureInfo.InvariantCulture)[..8];

    private static string Since(Client c) => c.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // What a reader sees: compatibility-normalised, without the characters that draw nothing. A name holding a lone
    // surrogate (possible in an imported file) cannot be normalised (string.Normalize throws): it is compared as it is.
    private static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        string normalised;
        try
        {
            normalised = name.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalised = name;
        }

        foreach (var rune in normalised.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                key.Append(rune.ToString());
            }
        }

        return key.ToString();
    }

    private static bool IsVisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800)
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
