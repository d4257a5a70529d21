using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Benchmarks;

/// <summary>
/// Artifact detection + correction and RR text reading on seeded realistic series: 5 min, 1 h and 24 h of beats
/// (300, 4,000, 100,000), sinus rhythm around 800 ms with respiratory and slow oscillations, noise, and 1 % premature
/// beats with compensatory pauses plus 0.2 % missed and extra detections.
/// </summary>
[MemoryDiagnoser]
public class HrvIngestionBenchmarks
{
    private double[] _rr = [];
    private string _text = "";

    [Params(300, 4_000, 100_000)]
    public int Beats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rr = Series(Beats, seed: 42);
        var sb = new StringBuilder();
        foreach (var v in _rr)
        {
            sb.Append(v.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        }

        _text = sb.ToString();
    }

    internal static double[] Series(int n, int seed)
    {
        var random = new Random(seed);
        var rr = new List<double>(n + 16);
        var t = 0.0;
        while (rr.Count < n)
        {
            var x = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (25 * Math.Sin(2 * Math.PI * 0.25 * t)) + (10 * ((random.NextDouble() * 2) - 1));
            var u = random.NextDouble();
            if (u < 0.01 && rr.Count + 2 <= n)
            {
                rr.Add(x * 0.65);      // premature beat
                rr.Add(x * 1.35);      // compensatory pause
            }
            else if (u < 0.012)
            {
                rr.Add(x * 2);         // missed detection
            }
            else if (u < 0.014 && rr.Count + 2 <= n)
            {
                rr.Add(x * 0.3);       // extra detection
                rr.Add(x * 0.7);
            }
            else
            {
                rr.Add(x);
            }

            t += x / 1000;
        }

        return [.. rr.Take(n)];
    }

    [Benchmark(Baseline = true, Description = "Artifacts.Process (default: L&T + range)")]
    public int DefaultDetectAndCorrect() => Artifacts.Process(_rr).FlaggedCount;

    [Benchmark(Description = "Artifacts.Process (Malik, correct)")]
    public int Malik() => Artifacts.Process(_rr, new ArtifactOptions { Method = ArtifactMethod.Malik }).FlaggedCount;

    [Benchmark(Description = "RrReader single column (ms)")]
    public int ReadSingleColumn() => RrReader.Read(new StringReader(_text), RrFormat.SingleColumn).Series.Count;
}
