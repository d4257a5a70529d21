using System.Globalization;
using System.Text;
using RelationalNeuro.Io;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>
/// Picks the <see cref="RrFormat"/> for an uploaded file when the person leaves the format on "automatic": a
/// <c>.csv</c>/<c>.tsv</c> name is CSV; a text whose first lines hold rows of two or more numbers, or that names Kubios,
/// is Kubios text; anything else is one value per line (which reports every unusable line with its number, so a wrong
/// guess is never silent).
/// </summary>
internal static class RrFormatGuess
{
    /// <summary>How many bytes of the file's start are looked at.</summary>
    public const int HeadBytes = 8192;

    private static readonly char[] Separators = [' ', '\t', ';', ','];

    public static RrFormat Guess(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || extension.Equals(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return RrFormat.Csv;
        }

        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, HeadBytes)]);
        var lines = head.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(30).ToArray();
        if (lines.Length > 0 && lines[0].Contains("kubios", StringComparison.OrdinalIgnoreCase))
        {
            return RrFormat.KubiosText;
        }

        foreach (var line in lines)
        {
            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields.All(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                return RrFormat.KubiosText;
            }
        }

        return RrFormat.SingleColumn;
    }
}
