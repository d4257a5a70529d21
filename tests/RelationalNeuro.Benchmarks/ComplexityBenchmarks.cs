using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks;

/// <summary>
/// Sample entropy, approximate entropy and DFA on seeded, realistic RR series of 5 min, 1 h and 24 h of beats.
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*ComplexityBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ComplexityBenchmarks
{
    private double[] _rrMs = [];

    /// <summary>Beats: 300 ≈ 5 min, 4,000 ≈ 1 h, 100,000 ≈ 24 h.</summary>
    [Params(300, 4_000, 100_000)]
    public int Beats { get; set; }

    [GlobalSetup]
    public void Setup() => _rrMs = ComplexitySeries.Generate(Beats, seed: 20261123);

    [Benchmark(Baseline = true, Description = "Summation pass (floor)")]
    public double Sum()
    {
        var sum = 0.0;
        foreach (var v in _rrMs)
        {
            sum += v;
        }

        return sum;
    }

    [Benchmark(Description = "SampEn m=2")]
    public double? SampleEntropy() => HrvMetrics.SampleEntropy(_rrMs).Value;

    [Benchmark(Description = "ApEn m=2")]
    public double? ApproximateEntropy() => HrvMetrics.ApproximateEntropy(_rrMs).Value;

    /// <summary>What the one-call report computes: SampEn and ApEn from one shared per-template count.</summary>
    [Benchmark(Description = "SampEn + ApEn, shared count")]
    public double? BothEntropies() => HrvMetrics.EntropiesCancellable(_rrMs, null, CancellationToken.None).Approximate.Value;

    [Benchmark(Description = "DFA α1+α2")]
    public double? Dfa() => HrvMetrics.DetrendedFluctuation(_rrMs).Alpha1;
}

/// <summary>
/// A small deterministic RR generator for the complexity benchmarks: a day/night drift of the mean (24-h
/// period), a slow (0.1 Hz-like) and a respiratory (0.25 Hz-like) oscillation in beats, an AR(1) noise term
/// and a rare ectopic-like short/long pair, all from a seeded <see cref="Random"/>.
/// </summary>
internal static class ComplexitySeries
{
    public static double[] Generate(int beats, int seed)
    {
        var random = new Random(seed);
        var rr = new double[beats];
        var noise = 0.0;
        var time = 0.0;
        for (var i = 0; i < beats; i++)
        {
            var dayNight = 120 * Math.Sin(2 * Math.PI * time / 86_400);
            var slow = 35 * Math.Sin(2 * Math.PI * 0.1 * time);
            var fast = 25 * Math.Sin(2 * Math.PI * 0.25 * time);
            noise = (0.7 * noise) + (20 * (random.NextDouble() - 0.5));
            var value = 850 + dayNight + slow + fast + noise;
            if (random.NextDouble() < 0.002 && i + 1 < beats)
            {
                rr[i] = value * 0.65;
                rr[++i] = value * 1.35;
                time += value * 2 / 1000;
                continue;
            }

            rr[i] = Math.Round(value); // devices report whole ms
            time += rr[i] / 1000;
        }

        return rr;
    }
}
