using BenchmarkDotNet.Attributes;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Benchmarks.Synchrony;

/// <summary>
/// The one-call dyad report (<see cref="DyadAnalysis.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, DyadAnalysisOptions?, CancellationToken)"/>,
/// default options: artifact step, both members' HRV, rMEA's windowed cross-correlation, SUSY all pairs) on RR series of
/// 1 and 22 hours — what the gallery's "Analyse a dyad" runs on two uploaded recordings. The surrogate test's n(n − 1)
/// segment pairs make the cost grow with the square of the length (22 h: 2,640 segments, 7 million pairs).
/// Beats: RR_A(t) = 800 + 40·sin(2πt/10) + 15·sin(2πt/37) ms, RR_B the same 2 s later plus 10·sin(2πt/23), t the beat time.
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*DyadAnalysisBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class DyadAnalysisBenchmarks
{
    private double[] _a = [];
    private double[] _b = [];

    /// <summary>Length of both recordings in hours.</summary>
    [Params(1, 22)]
    public int Hours { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = Rhythm(Hours, t => 800 + (40 * Math.Sin(2 * Math.PI * t / 10)) + (15 * Math.Sin(2 * Math.PI * t / 37)));
        _b = Rhythm(Hours, t => 800 + (40 * Math.Sin(2 * Math.PI * (t - 2) / 10)) + (15 * Math.Sin(2 * Math.PI * (t - 2) / 37)) + (10 * Math.Sin(2 * Math.PI * t / 23)));
    }

    [Benchmark(Description = "DyadAnalysis.Analyze, default options")]
    public double? Analyze() => DyadAnalysis.Analyze(_a, _b).Surrogate.Z;

    private static double[] Rhythm(int hours, Func<double, double> rrAt)
    {
        var rr = new List<double>();
        for (var t = 0.0; t < hours * 3600.0;)
        {
            var v = rrAt(t);
            rr.Add(v);
            t += v / 1000;
        }

        return [.. rr];
    }
}
