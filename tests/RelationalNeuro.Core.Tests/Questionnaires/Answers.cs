using System.Globalization;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// Compact answer notation for test tables: comma-separated values in item order; "_" is a missing answer and
/// "kxv" repeats v k times (e.g. "8x4,7,27x4" or "3x_,33x2").
/// </summary>
internal static class Answers
{
    public static double?[] Parse(string text)
    {
        var result = new List<double?>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var count = 1;
            var token = raw;
            var x = raw.IndexOf('x', StringComparison.Ordinal);
            if (x > 0)
            {
                count = int.Parse(raw[..x], CultureInfo.InvariantCulture);
                token = raw[(x + 1)..];
            }

            double? value = token == "_" ? null : double.Parse(token, CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                result.Add(value);
            }
        }

        return [.. result];
    }
}
