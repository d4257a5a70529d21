using BenchmarkDotNet.Attributes;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Benchmarks.Synchrony;

/// <summary>
/// Dyadic synchrony on a one-hour dyad at 4 Hz (14,400 grid samples, <see cref="OneHourDyad"/>): rMEA's geometry (±5 s,
/// 30-s windows, 15-s step: 238 windows × 41 lags), SUSY all pairs (120 segments of 30 s, 14,280 surrogate pairs, ±3 s)
/// and the live engine per beat. The R tools were timed on the same formula (docs/performance.md, "Dyadic synchrony").
/// Run: dotnet run -c Release --project tests/RelationalNeuro.Benchmarks -- --filter '*SynchronyBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class SynchronyBenchmarks
{
    private const int LiveBeats = 10_000;
    private double[] _a = [];
    private double[] _b = [];
    private double[] _rrA = [];
    private double[] _rrB = [];
    private RollingSynchrony _live = null!;

    /// <summary>
    /// The benchmark dyad, a deterministic formula the R timing script repeats: t_j = j/4 s, j = 0..14399;
    /// A = 800 + 40·d(t) + 12·nA(t), B = 800 + 40·d(t − 2) + 12·nB(t), with d, nA, nB sums of ten sinusoids (0.03–0.36 Hz).
    /// </summary>
    public static (double[] A, double[] B) OneHourDyad()
    {
        var a = new double[14_400];
        var b = new double[14_400];
        for (var j = 0; j < a.Length; j++)
        {
            var t = j / 4.0;
            a[j] = 800 + (40 * D(t)) + (12 * NA(t));
            b[j] = 800 + (40 * D(t - 2)) + (12 * NB(t));
        }

        return (a, b);

        static double D(double t) => Sum(t, 0.03, 0.032, m => m * m, Math.Sin);
        static double NA(double t) => Sum(t, 0.045, 0.029, m => 2 * m, Math.Sin);
        static double NB(double t) => Sum(t, 0.038, 0.031, m => 3 * m, Math.Cos);
        static double Sum(double t, double f0, double df, Func<int, double> phase, Func<double, double> wave)
        {
            var s = 0.0;
            for (var m = 0; m < 10; m++)
            {
                s += wave((2 * Math.PI * (f0 + (df * m)) * t) + phase(m));
            }

            return s / Math.Sqrt(5);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = OneHourDyad();
        var random = new Random(14);
        _rrA = new double[LiveBeats];
        _rrB = new double[LiveBeats];
        for (var i = 0; i < LiveBeats; i++)
        {
            _rrA[i] = 800 + (40 * Math.Sin(i / 5.0)) + (10 * random.NextDouble());
            _rrB[i] = 800 + (40 * Math.Sin((i - 3) / 5.0)) + (10 * random.NextDouble());
        }

        _live = new RollingSynchrony();
        for (var i = 0; i < 200; i++)
        {
            _live.Add(DyadMember.A, _rrA[i]);
            _live.Add(DyadMember.B, _rrB[i]);
        }
    }

    [Benchmark(Description = "WLCC rMEA geometry, 1 h at 4 Hz (238 windows x 41 lags)")]
    public double? WindowedCrossCorrelationOneHour() => WindowedCrossCorrelation.Compute(_a, _b, 4, WindowedCrossCorrelationOptions.Rmea).GrandAverage;

    [Benchmark(Description = "SUSY all pairs, 1 h at 4 Hz (120 segments, 14,280 pairs, 25 lags)")]
    public double? SurrogateSynchronyOneHour() => SurrogateSynchrony.Compute(_a, _b, 4, SurrogateSynchronyOptions.Susy).Z;

    [Benchmark(OperationsPerInvoke = 2 * LiveBeats, Description = "RollingSynchrony.Add per beat (30 s, ±5 s, 4 Hz)")]
    public double? LivePerBeat()
    {
        double? last = null;
        for (var i = 0; i < LiveBeats; i++)
        {
            last = _live.Add(DyadMember.A, _rrA[i]).PeakR;
            last = _live.Add(DyadMember.B, _rrB[i]).PeakR;
        }

        return last;
    }
}
