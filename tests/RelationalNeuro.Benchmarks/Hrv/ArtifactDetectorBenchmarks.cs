using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// The artifact detectors on a 24-h recording: 115,000 seeded beats (<see cref="RrSeriesGenerator"/>) with premature
/// beats at a Holter-like load (every 12th beat on average 35 % early with a full compensatory pause, and bigeminy
/// episodes of 40 beats), detection only (flag-only) and with correction. Issue 15: the sinus-rhythm detector ≤ 50 ms.
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*ArtifactDetector*' --job short
/// </summary>
[MemoryDiagnoser]
public class ArtifactDetectorBenchmarks
{
    private static readonly ArtifactOptions LipponenTarvainen = new() { Method = ArtifactMethod.LipponenTarvainen, Correction = ArtifactCorrection.FlagOnly };
    private static readonly ArtifactOptions SinusFlagOnly = new() { Method = ArtifactMethod.SinusRhythm, Correction = ArtifactCorrection.FlagOnly };
    private static readonly ArtifactOptions SinusCorrect = new() { Method = ArtifactMethod.SinusRhythm };

    private double[] _rrMs = [];
    private double[] _cleanRrMs = [];

    [GlobalSetup]
    public void Setup()
    {
        _rrMs = RrSeriesGenerator.Generate(115_000, seed: 20261202);
        _cleanRrMs = RrSeriesGenerator.Generate(115_000, seed: 20261202);
        var random = new Random(15);
        for (var i = 10; i < _rrMs.Length - 2; i++)
        {
            var bigeminy = i % 5_000 < 40 && (i & 1) == 0;
            if (bigeminy || random.Next(12) == 0)
            {
                var cycle = _rrMs[i] + _rrMs[i + 1];
                _rrMs[i] *= 0.65;
                _rrMs[i + 1] = cycle - _rrMs[i];
                i++;
            }
        }
    }

    [Benchmark(Baseline = true, Description = "L&T one pass (flag only), 115k beats")]
    public int LipponenTarvainenFlags() => Artifacts.Process(_rrMs, LipponenTarvainen).FlaggedCount;

    [Benchmark(Description = "SinusRhythm (flag only, with irregular-rhythm segments), 115k beats")]
    public int SinusRhythmFlags() => Artifacts.Process(_rrMs, SinusFlagOnly).FlaggedCount;

    [Benchmark(Description = "SinusRhythm with correction, 115k beats")]
    public int SinusRhythmCorrected() => Artifacts.Process(_rrMs, SinusCorrect).NnIntervalsMs.Length;

    [Benchmark(Description = "Default (L&T + range, correction, irregular-rhythm check), 115k beats")]
    public int Default() => Artifacts.Process(_rrMs).FlaggedCount;

    [Benchmark(Description = "Default on the same series without ectopy (no segment passes Dash's tests), 115k beats")]
    public int DefaultClean() => Artifacts.Process(_cleanRrMs).FlaggedCount;
}
