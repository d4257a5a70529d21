using System.Globalization;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// The whole 24-h reference recordings the record benchmarks run on: nsr2db nsr001 (106,459 intervals, clean sinus
/// rhythm) from ../shared/reference/hrv/data, and the MIT-BIH Long-Term records 14046 (115,277; 8.6 % ventricular,
/// bigeminy), 14149 (144,817; irregular rhythm throughout) and 14172 (66,005; 9.9 % V, 1.5 % S) from
/// ../shared/reference/artifacts/data. Where ../shared is absent, a seeded synthetic series of the record's length
/// stands in (printed).
/// </summary>
internal static class ReferenceRecords
{
    private static readonly Dictionary<string, (string Path, int Length)> Records = new()
    {
        ["nsr001"] = (Path.Combine("hrv", "data", "nsr2db_nsr001_24h.rr_ms.txt"), 106_459),
        ["ltdb14046"] = (Path.Combine("artifacts", "data", "ltdb_14046.rr_ms.txt"), 115_277),
        ["ltdb14149"] = (Path.Combine("artifacts", "data", "ltdb_14149.rr_ms.txt"), 144_817),
        ["ltdb14172"] = (Path.Combine("artifacts", "data", "ltdb_14172.rr_ms.txt"), 66_005),
    };

    /// <summary>The record's RR intervals in ms (a key of the four above).</summary>
    public static double[] Load(string record)
    {
        var (relative, length) = Records[record];
        var reference = FindReference();
        var file = reference is null ? null : Path.Combine(reference, relative);
        if (file is not null && File.Exists(file))
        {
            Console.WriteLine("// " + record + ": " + Path.GetFullPath(file));
            return [.. File.ReadLines(file).Select(l => double.Parse(l, CultureInfo.InvariantCulture))];
        }

        Console.WriteLine("// ../shared/reference is absent: " + record + " is a seeded synthetic series of " + length.ToString(CultureInfo.InvariantCulture) + " beats");
        return RrSeriesGenerator.Generate(length, seed: 15);
    }

    // The shared reference folder: RELATIONALNEURO_SHARED, else ../shared beside the repository root.
    private static string? FindReference()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RELATIONALNEURO_SHARED");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.Combine(fromEnvironment, "reference");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RelationalNeuro.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "reference");
            }
        }

        return null;
    }
}
