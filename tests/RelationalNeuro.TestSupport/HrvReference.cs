using Xunit;
using System.Globalization;
using System.Text.Json;

namespace RelationalNeuro.TestSupport;

/// <summary>
/// One reference file of <c>../shared/reference/hrv/</c>: a series and what the peer tools (NeuroKit2,
/// hrv-analysis, pyHRV) returned for it. The schema is in that folder's README. Files are discovered by
/// globbing at test time, so new files are exercised without code changes.
/// </summary>
public sealed class HrvReference
{
    private static readonly Lazy<IReadOnlyList<HrvReference>> Cache = new(LoadAll);

    private HrvReference(string path)
    {
        Path = path;
        using var stream = File.OpenRead(path);
        Root = JsonDocument.Parse(stream).RootElement.Clone();
        SeriesId = Root.GetProperty("series_id").GetString()!;
        Kind = Root.GetProperty("kind").GetString()!;
        var rrFile = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, Root.GetProperty("rr_file").GetString()!);
        RrMs = File.ReadLines(rrFile)
            .Where(l => l.Trim().Length > 0)
            .Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();
    }

    /// <summary>Full path of the JSON file.</summary>
    public string Path { get; }

    /// <summary>The series id (file name without .json).</summary>
    public string SeriesId { get; }

    /// <summary>"real" or "synthetic".</summary>
    public string Kind { get; }

    /// <summary>The RR intervals in ms, read from the data file the JSON names.</summary>
    public double[] RrMs { get; }

    /// <summary>The whole JSON document.</summary>
    public JsonElement Root { get; }

    /// <summary>The ids of every reference file, for <c>[MemberData]</c>. Empty where ../shared is absent.</summary>
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
            data.Add(reference.SeriesId);
        }

        return data;
    }

    /// <summary>The placeholder id that <see cref="Ids"/> yields where ../shared is absent; <see cref="Get"/> skips it.</summary>
    public const string MissingId = "(shared reference data absent)";

    /// <summary>Every reference file in the folder.</summary>
    public static IReadOnlyList<HrvReference> All => Cache.Value;

    /// <summary>The reference file with this id; skips the test where ../shared is absent.</summary>
    public static HrvReference Get(string seriesId)
    {
        SharedData.RequireDirectory(System.IO.Path.Combine("reference", "hrv"));
        return All.Single(r => r.SeriesId == seriesId);
    }

    /// <summary>
    /// A number at a dotted path (e.g. "formula_check.SDNN_ms_ddof1" or "hrvanalysis.get_sampen.values.sampen"),
    /// decoding the README's string encoding of non-finite numbers. Null when the path is absent.
    /// </summary>
    public double? Number(string dottedPath)
    {
        var element = Element(dottedPath);
        if (element is not { } e)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.String => e.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
            },
            _ => null,
        };
    }

    /// <summary>The element at a dotted path, or null.</summary>
    public JsonElement? Element(string dottedPath)
    {
        var current = Root;
        foreach (var part in dottedPath.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>An integer array at a dotted path (e.g. "known_artifacts.rr_indices_touching_non_normal_beat").</summary>
    public int[]? Indices(string dottedPath) =>
        Element(dottedPath) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(x => x.GetInt32()).ToArray() : null;

    /// <inheritdoc />
    public override string ToString() => SeriesId;

    private static IReadOnlyList<HrvReference> LoadAll()
    {
        var folder = SharedData.RequireDirectory(System.IO.Path.Combine("reference", "hrv"));
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Xunit.Assert.NotEmpty(files);
        return files.Select(f => new HrvReference(f)).ToArray();
    }
}
