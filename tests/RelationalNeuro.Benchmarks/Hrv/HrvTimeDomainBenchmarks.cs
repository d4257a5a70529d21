using BenchmarkDotNet.Attributes;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Hrv;

/// <summary>
/// Time-domain and Poincaré metrics on 5 min, 1 h and 24 h of beats, against one plain summation pass over the same
/// array (the memory-bound floor the issue measures against).
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*HrvTimeDomain*'
/// </summary>
[MemoryDiagnoser]
public class HrvTimeDomainBenchmarks
{
    private double[] _rr = [];

    [Params(300, 4_000, 100_000)]
    public int Beats { get; set; }

    [GlobalSetup]
    public void Setup() => _rr = RrSeriesGenerator.Generate(Beats);

    [Benchmark(Baseline = true)]
    public double PlainSum()
    {
        var sum = 0.0;
        foreach (var x in _rr)
        {
            sum += x;
        }

        return sum;
    }

    [Benchmark]
    public TimeDomainResult TimeDomain() => HrvMetrics.TimeDomain(_rr);

    [Benchmark]
    public PoincareResult Poincare() => HrvMetrics.Poincare(_rr);

    [Benchmark]
    public double TimeDomainAndPoincare()
    {
        var time = HrvMetrics.TimeDomain(_rr);
        var poincare = HrvMetrics.Poincare(_rr);
        return time.SdnnMs!.Value + poincare.Sd1Ms!.Value;
    }
}
