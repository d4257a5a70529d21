using BenchmarkDotNet.Attributes;
using RelationalNeuro.Benchmarks.Charts;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks;

/// <summary>
/// Issue 20 item 3 on the real 24-h reference recording (PhysioNet nsr2db nsr001, 106,459 beats, read in place from
/// ../shared; a seeded synthetic day of as many beats when it is absent): Lomb–Scargle with the default fast sums
/// (81,000 frequencies up to 0.5 Hz; target ≤ 20 ms) against Welch with the library defaults on the same day.
/// </summary>
[MemoryDiagnoser]
public class LombScargleDayBenchmarks
{
    private double[] _day = [];

    /// <summary>Loads the day.</summary>
    [GlobalSetup]
    public void Setup() => _day = ChartRenderBenchmarks.LoadDay().IntervalsMs.ToArray();

    /// <summary>Welch with the library defaults.</summary>
    [Benchmark(Baseline = true, Description = "Welch, 24 h")]
    public double? Welch() => HrvMetrics.FrequencyDomain(_day).LfHfRatio;

    /// <summary>Lomb–Scargle, fast sums (the default algorithm).</summary>
    [Benchmark(Description = "Lomb–Scargle (fast), 24 h")]
    public double? LombScargle() => HrvMetrics.FrequencyDomain(_day, HrvFrequencyBenchmarks.Lomb).LfHfRatio;
}
