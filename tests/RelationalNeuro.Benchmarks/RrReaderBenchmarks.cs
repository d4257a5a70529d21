using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using RelationalNeuro.Io;

namespace RelationalNeuro.Benchmarks;

/// <summary>
/// <see cref="RrReader"/> per format on the seeded ingestion series (<see cref="HrvIngestionBenchmarks.Series"/>: 4,000
/// and 100,000 beats ≈ 1 h and 24 h) written the way each format stores it: one value per line; CSV with a time
/// column, the RR column and a note column (<c>time_s,RR (ms),note</c>); Kubios text with three header lines and
/// tab-separated time and RR in seconds. Only the public API is used, so the file also runs against older versions.
/// The <c>file</c> benchmarks read the same texts from temporary files with <see cref="RrReader.ReadFile"/> (what the CLI
/// does); the allocation a file read may cost is compared with the file's size (issue 20: at most 2×).
/// </summary>
[MemoryDiagnoser]
public class RrReaderBenchmarks
{
    private string _single = "";
    private string _csv = "";
    private string _kubios = "";
    private string _directory = "";

    [Params(4_000, 100_000)]
    public int Beats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rr = HrvIngestionBenchmarks.Series(Beats, seed: 42);
        var single = new StringBuilder();
        var csv = new StringBuilder("time_s,RR (ms),note\n");
        var kubios = new StringBuilder("Kubios HRV RR interval data\nSubject: 01\nTime (s)\tRR (s)\n");
        var t = 0.0;
        foreach (var v in rr)
        {
            single.Append(v.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
            csv.Append(t.ToString("0.###", CultureInfo.InvariantCulture)).Append(',')
               .Append(v.ToString("0.###", CultureInfo.InvariantCulture)).Append(",ok\n");
            kubios.Append(t.ToString("0.000", CultureInfo.InvariantCulture)).Append('\t')
                  .Append((v / 1000).ToString("0.000", CultureInfo.InvariantCulture)).Append('\n');
            t += v / 1000;
        }

        _single = single.ToString();
        _csv = csv.ToString();
        _kubios = kubios.ToString();
        _directory = Directory.CreateTempSubdirectory("rn-reader-bench-").FullName;
        File.WriteAllText(SingleFilePath, _single);
        File.WriteAllText(CsvFilePath, _csv);
        File.WriteAllText(KubiosFilePath, _kubios);
        Console.WriteLine($"// file sizes: single column {new FileInfo(SingleFilePath).Length} B, CSV {new FileInfo(CsvFilePath).Length} B, Kubios {new FileInfo(KubiosFilePath).Length} B");
    }

    private string SingleFilePath => Path.Combine(_directory, "single.txt");

    private string CsvFilePath => Path.Combine(_directory, "rr.csv");

    private string KubiosFilePath => Path.Combine(_directory, "kubios.txt");

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "single column")]
    public int SingleColumn() => RrReader.Read(new StringReader(_single), RrFormat.SingleColumn).Series.Count;

    [Benchmark(Description = "CSV (3 columns)")]
    public int Csv() => RrReader.Read(new StringReader(_csv), RrFormat.Csv).Series.Count;

    [Benchmark(Description = "Kubios text")]
    public int Kubios() => RrReader.Read(new StringReader(_kubios), RrFormat.KubiosText).Series.Count;

    [Benchmark(Description = "single column, file")]
    public int SingleColumnFile() => RrReader.ReadFile(SingleFilePath, RrFormat.SingleColumn).Series.Count;

    [Benchmark(Description = "CSV (3 columns), file")]
    public int CsvFile() => RrReader.ReadFile(CsvFilePath, RrFormat.Csv).Series.Count;

    [Benchmark(Description = "Kubios text, file")]
    public int KubiosFile() => RrReader.ReadFile(KubiosFilePath, RrFormat.KubiosText).Series.Count;
}
