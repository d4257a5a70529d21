using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// The one-call analysis of a 24-h recording (100,000 seeded beats, <see cref="RrSeriesGenerator"/>): every stage, every
/// stage but entropy, and the artifact stage alone for scale; plus the
/// full analysis of the unquantised ComplexityBenchmarks series, on which entropy costs more; and the full analysis with
/// its stages on two threads (<see cref="HrvAnalysisOptions.MaxDegreeOfParallelism"/>).
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*HrvAnalysis*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class HrvAnalysisBenchmarks
{
    private static readonly HrvAnalysisOptions NoEntropy = HrvAnalysisOptions.Default with { IncludeEntropy = false };

    private static readonly HrvAnalysisOptions TwoThreads = HrvAnalysisOptions.Default with { MaxDegreeOfParallelism = 2 };

    private double[] _rrMs = [];
    private double[] _unquantisedRrMs = [];

    [GlobalSetup]
    public void Setup()
    {
        _rrMs = RrSeriesGenerator.Generate(100_000, seed: 20261123);
        _unquantisedRrMs = ComplexitySeries.Generate(100_000, seed: 20261123);
    }

    [Benchmark(Description = "Artifacts.Process alone, 100k beats")]
    public int ArtifactsOnly() => Artifacts.Process(_rrMs).FlaggedCount;

    [Benchmark(Description = "HrvAnalysis.Analyze without entropy, 100k beats")]
    public double? WithoutEntropy() => HrvAnalysis.Analyze(_rrMs, NoEntropy).TimeDomain?.RmssdMs;

    [Benchmark(Baseline = true, Description = "HrvAnalysis.Analyze, all stages, 100k beats")]
    public double? Full() => HrvAnalysis.Analyze(_rrMs, HrvAnalysisOptions.Default).TimeDomain?.RmssdMs;

    [Benchmark(Description = "HrvAnalysis.Analyze, all stages, 100k beats, MaxDegreeOfParallelism = 2 (wall; CPU ≈ Full's)")]
    public double? FullTwoThreads() => HrvAnalysis.Analyze(_rrMs, TwoThreads).TimeDomain?.RmssdMs;

    [Benchmark(Description = "HrvAnalysis.Analyze, all stages, 100k unquantised beats (ComplexitySeries)")]
    public double? FullUnquantised() => HrvAnalysis.Analyze(_unquantisedRrMs, HrvAnalysisOptions.Default).TimeDomain?.RmssdMs;
}
