using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks;

/// <summary>
/// Frequency-domain HRV on 5 min (300 beats), 1 h (4,000) and 24 h (100,000 beats): Welch (library defaults: cubic spline
/// at 4 Hz, linear detrending, Hann 256-s segments, 50 % overlap) against Lomb–Scargle on the beat times, and the coherence
/// ratio, and the <see cref="FrequencyDomainOptions.NeuroKit2Welch"/> preset (quadratic spline at 100 Hz, one segment of half
/// the record, FFT length 2·segment by chirp-z over the bins ≤ 0.5 Hz; 8 million grid points for 24 h). Inputs are seeded: NN = 800 ms + 40·sin(2π·0.1 t) + 30·sin(2π·0.25 t) + 20·sin(2π·0.01 t) + uniform ±25 ms noise.
/// </summary>
[MemoryDiagnoser]
public class HrvFrequencyBenchmarks
{
    /// <summary>Lomb–Scargle with every other option at the library default.</summary>
    internal static readonly FrequencyDomainOptions Lomb = FrequencyDomainOptions.Default with { Method = SpectralMethod.LombScargle };

    private double[] nn = [];

    /// <summary>Number of NN intervals.</summary>
    [Params(300, 4_000, 100_000)]
    public int Beats { get; set; }

    /// <summary>Builds the seeded series.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        nn = new double[Beats];
        var t = 0.0;
        for (var i = 0; i < Beats; i++)
        {
            var value = 800 + (40 * Math.Sin(2 * Math.PI * 0.1 * t)) + (30 * Math.Sin(2 * Math.PI * 0.25 * t))
                + (20 * Math.Sin(2 * Math.PI * 0.01 * t)) + ((random.NextDouble() - 0.5) * 50);
            nn[i] = value;
            t += value / 1000;
        }
    }

    /// <summary>Welch with the library defaults.</summary>
    [Benchmark(Baseline = true)]
    public double? Welch() => HrvMetrics.FrequencyDomain(nn).LfHfRatio;

    /// <summary>Lomb–Scargle on the beat times (2 samples per peak, up to 0.5 Hz).</summary>
    [Benchmark]
    public double? LombScargle() => HrvMetrics.FrequencyDomain(nn, Lomb).LfHfRatio;

    /// <summary>NeuroKit2's Welch pipeline (<see cref="FrequencyDomainOptions.NeuroKit2Welch"/>).</summary>
    [Benchmark]
    public double? NeuroKit2Welch() => HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.NeuroKit2Welch).LfHfRatio;

    /// <summary>hrv-analysis' Welch (<see cref="FrequencyDomainOptions.HrvAnalysisWelch"/>: 64-s segments zero-padded to 4,096 points).</summary>
    [Benchmark]
    public double? HrvAnalysisWelch() => HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.HrvAnalysisWelch).LfHfRatio;

    /// <summary>pyHRV's Welch (<see cref="FrequencyDomainOptions.PyHrvWelch"/>: 300-sample segments zero-padded to 4,096 points).</summary>
    [Benchmark]
    public double? PyHrvWelch() => HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.PyHrvWelch).LfHfRatio;

    /// <summary>Coherence ratio, 64-s windows every 5 s.</summary>
    [Benchmark]
    public double? Coherence() => HeartRhythmCoherence.Compute(nn).MeanRatio;
}
