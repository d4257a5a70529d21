using System.Globalization;
using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// The artifact step on whole real 24-h records (issue 15 item 4: ≤ 50 ms and O(n) allocation per record): the default
/// (<see cref="Artifacts.Process(ReadOnlySpan{double}, ArtifactOptions?)"/> with default options, as
/// <see cref="HrvAnalysis"/> runs it: L&amp;T detection and correction, the absolute range, the irregular-rhythm
/// segments) and the <see cref="ArtifactMethod.SinusRhythm"/> option with correction, one row per record:
/// nsr2db nsr001 (106,459 intervals, clean sinus rhythm) from ../shared/reference/hrv/data, and the MIT-BIH Long-Term
/// records 14046 (115,277; 8.6 % ventricular, bigeminy), 14149 (144,817; irregular rhythm throughout) and 14172
/// (66,005; 9.9 % V, 1.5 % S) from ../shared/reference/artifacts/data. Where ../shared is absent, a seeded synthetic
/// series of the record's length stands in (printed in setup).
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*ArtifactRecord*' --job short
/// </summary>
[MemoryDiagnoser]
public class ArtifactRecordBenchmarks
{
    private static readonly ArtifactOptions SinusRhythm = new() { Method = ArtifactMethod.SinusRhythm };

    private static readonly Dictionary<string, (string Path, int Length)> Records = new()
    {
        ["nsr001"] = (Path.Combine("hrv", "data", "nsr2db_nsr001_24h.rr_ms.txt"), 106_459),
        ["ltdb14046"] = (Path.Combine("artifacts", "data", "ltdb_14046.rr_ms.txt"), 115_277),
        ["ltdb14149"] = (Path.Combine("artifacts", "data", "ltdb_14149.rr_ms.txt"), 144_817),
        ["ltdb14172"] = (Path.Combine("artifacts", "data", "ltdb_14172.rr_ms.txt"), 66_005),
    };

    private double[] _rrMs = [];

    /// <summary>The record (a key of <see cref="Records"/>).</summary>
    [Params("nsr001", "ltdb14046", "ltdb14149", "ltdb14172")]
    public string Record { get; set; } = "nsr001";

    [GlobalSetup]
    public void Setup()
    {
        var (relative, length) = Records[Record];
        var reference = FindReference();
        var file = reference is null ? null : Path.Combine(reference, relative);
        if (file is not null && File.Exists(file))
        {
            Console.WriteLine("// " + Record + ": " + Path.GetFullPath(file));
            _rrMs = [.. File.ReadLines(file).Select(l => double.Parse(l, CultureInfo.InvariantCulture))];
            return;
        }

        Console.WriteLine("// ../shared/reference is absent: " + Record + " is a seeded synthetic series of " + length.ToString(CultureInfo.InvariantCulture) + " beats");
        _rrMs = RrSeriesGenerator.Generate(length, seed: 15);
    }

    [Benchmark(Baseline = true, Description = "Default artifact step (L&T + range + irregular-rhythm segments, corrected)")]
    public int Default() => Artifacts.Process(_rrMs).FlaggedCount;

    [Benchmark(Description = "SinusRhythm with correction")]
    public int SinusRhythmCorrected() => Artifacts.Process(_rrMs, SinusRhythm).FlaggedCount;

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
