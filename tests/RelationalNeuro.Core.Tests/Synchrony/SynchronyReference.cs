using System.Globalization;
using System.Text.Json;
using RelationalNeuro.Hrv;
using RelationalNeuro.Synchrony;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Synchrony;

/// <summary>
/// One dyad of <c>../shared/reference/synchrony</c> (schema in that folder's README): the RR files, the 4-Hz grid CSV and
/// what rMEA 1.2.2 and SUSY 0.1.0 returned. Files are found by globbing, read in place, never copied.
/// </summary>
internal sealed class SynchronyReference
{
    public const string MissingId = "(shared synchrony reference absent)";

    private static readonly Lazy<IReadOnlyList<SynchronyReference>> Cache = new(LoadAll);

    private SynchronyReference(string path)
    {
        using var stream = File.OpenRead(path);
        Root = JsonDocument.Parse(stream).RootElement.Clone();
        Id = Root.GetProperty("dyad_id").GetString()!;
        var folder = Path.GetDirectoryName(path)!;
        var files = Root.GetProperty("files");
        RrA = ReadColumn(Path.Combine(folder, files.GetProperty("a_rr_ms").GetString()!));
        RrB = ReadColumn(Path.Combine(folder, files.GetProperty("b_rr_ms").GetString()!));
        var lines = File.ReadAllLines(Path.Combine(folder, files.GetProperty("resampled").GetString()!)).Skip(1).Where(l => l.Length > 0).ToArray();
        GridT = new double[lines.Length];
        GridA = new double[lines.Length];
        GridB = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            GridT[i] = Parse(cells[0]);
            GridA[i] = Parse(cells[1]);
            GridB[i] = Parse(cells[2]);
        }
    }

    public string Id { get; }

    public JsonElement Root { get; }

    public double[] RrA { get; }

    public double[] RrB { get; }

    public double[] GridT { get; }

    public double[] GridA { get; }

    public double[] GridB { get; }

    public double FirstBeatA => Root.GetProperty("input").GetProperty("a").GetProperty("first_beat_s").GetDouble();

    public double FirstBeatB => Root.GetProperty("input").GetProperty("b").GetProperty("first_beat_s").GetDouble();

    public bool InShuffleSet => Root.GetProperty("in_shuffle_set").GetBoolean();

    public DyadSeries Grid => DyadSeries.FromGrid(GridA, GridB, 4, GridT[0]);

    public static IReadOnlyList<SynchronyReference> All => Cache.Value;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        if (SharedData.Directory is null)
        {
            data.Add(MissingId);
            return data;
        }

        foreach (var reference in All)
        {
            data.Add(reference.Id);
        }

        return data;
    }

    public static SynchronyReference Get(string id)
    {
        SharedData.RequireDirectory(Path.Combine("reference", "synchrony"));
        return All.Single(r => r.Id == id);
    }

    public static JsonElement PseudoShuffle()
    {
        var folder = SharedData.RequireDirectory(Path.Combine("reference", "synchrony"));
        using var stream = File.OpenRead(Path.Combine(folder, "pseudo_shuffle.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>An RR series on the common clock: beat times first_beat_s + cumsum(RR)/1000, as the README builds them.</summary>
    public static RrSeries Series(double[] rrMs, double firstBeatS)
    {
        if (firstBeatS == 0)
        {
            return RrSeries.FromIntervalsMs(rrMs);
        }

        var times = new double[rrMs.Length + 1];
        var sum = 0.0;
        times[0] = firstBeatS;
        for (var k = 0; k < rrMs.Length; k++)
        {
            sum += rrMs[k];
            times[k + 1] = firstBeatS + (sum / 1000.0);
        }

        return RrSeries.FromBeatTimesSeconds(times);
    }

    /// <summary>A number, decoding "NaN"/"Infinity"/"-Infinity" strings.</summary>
    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new FormatException($"Not a number: {s}"),
        },
        _ => throw new FormatException($"Not a number: {element}"),
    };

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    /// <summary>The README's tolerance: |actual − expected| ≤ 1e-9 + 1e-9·|expected|; a non-finite expected value must come back null.</summary>
    public static void Close(double expected, double? actual, string what)
    {
        if (!double.IsFinite(expected))
        {
            Assert.True(actual is null, $"{what}: expected {expected} (null here), got {actual}");
            return;
        }

        Assert.True(actual.HasValue, $"{what}: expected {expected}, got null");
        var tolerance = 1e-9 + (1e-9 * Math.Abs(expected));
        Assert.True(Math.Abs(actual!.Value - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (diff {Math.Abs(actual.Value - expected):E2})");
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double[] ReadColumn(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToArray();

    private static IReadOnlyList<SynchronyReference> LoadAll()
    {
        var root = SharedData.Directory;
        if (root is null)
        {
            return [];
        }

        var folder = Path.Combine(root, "reference", "synchrony");
        return Directory.GetFiles(folder, "*.json")
            .Where(p => Path.GetFileName(p) != "pseudo_shuffle.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SynchronyReference(p))
            .ToArray();
    }
}
