using System.Diagnostics;
using System.Globalization;
using RelationalNeuro.Change;
using RelationalNeuro.Endocrine;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Property tests of the numeric public entry points over the whole double range (issue 13): for random inputs drawn
/// from NaN, ±∞, ±0, subnormals, ±1e308, ±double.MaxValue, the edges of the RR range and ordinary values (and int
/// extremes for counts), every call returns within a time bound, with a typed outcome — a result, or an
/// <see cref="ArgumentException"/> (or subclass) whose <c>ParamName</c> names the argument — and no NaN/∞ anywhere in the
/// result (<see cref="ResultInspector"/>). Seeded and time-boxed: each entry point runs for at most
/// <see cref="Budget"/> (about 25 s in all); a failure prints the seed, replayable with the environment variable
/// <c>RELATIONALNEURO_FUZZ_SEED</c> (default: the UTC date as yyyymmdd, so a day's runs agree and days differ);
/// <c>RELATIONALNEURO_FUZZ_SEEDS</c> = k sweeps k consecutive seeds with every trial (no time box).
/// </summary>
public partial class NumericPropertyTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(900);
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(10);
    private const int MaxTrials = 400;

    private static readonly double[] Hostile =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, 2.2250738585072014E-308,
        1e-300, 1e308, -1e308, double.MaxValue, -double.MaxValue, 1.7e308, 1, -1, 0.5, 0.999, 1e-3, 59_999.999, 60_000, 60_000.000001,
        200, 3000, 1e6, 1e9, 1e11, 8e11, -800, 1e-15,
    ];

    private static readonly int[] HostileInts = [int.MinValue, -1, 0, 1, 2, 3, 5, 100, int.MaxValue - 1, int.MaxValue];

    private static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("RELATIONALNEURO_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : int.Parse(DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // ---- generators ----

    /// <summary>A double: hostile constants, ordinary RR-like values, or log-uniform magnitudes of either sign.</summary>
    private static double AnyDouble(Random random) => random.Next(4) switch
    {
        0 => Hostile[random.Next(Hostile.Length)],
        1 => 300 + (random.NextDouble() * 1700),
        2 => (random.Next(2) == 0 ? 1 : -1) * Math.Pow(10, (random.NextDouble() * 616) - 308),
        _ => random.NextDouble() * 100,
    };

    /// <summary>An array mostly of plausible RR values with some hostile ones, or wholly hostile, of a hostile length.</summary>
    private static double[] AnyArray(Random random)
    {
        int[] lengths = [0, 1, 2, 3, 4, 5, 8, 20, 64, 300, 1000];
        var n = lengths[random.Next(lengths.Length)];
        var mode = random.Next(3);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = mode switch
            {
                0 => 600 + (random.NextDouble() * 600),                                     // all valid
                1 => random.Next(10) == 0 ? AnyDouble(random) : 600 + (random.NextDouble() * 600), // a few hostile
                _ => AnyDouble(random),                                                      // anything
            };
        }

        if (mode == 0 && n > 0 && random.Next(3) == 0)
        {
            values[random.Next(n)] = random.Next(2) == 0 ? RrSeries.MinimumIntervalMs : RrSeries.MaximumIntervalMs; // the range's edges
        }

        return values;
    }

    private static double[] Increasing(Random random, int n)
    {
        var t = new double[n];
        var value = random.Next(2) == 0 ? 0 : AnyDouble(random);
        for (var i = 0; i < n; i++)
        {
            t[i] = value;
            value += random.Next(4) == 0 ? Math.Abs(AnyDouble(random)) : 15;
        }

        return t;
    }

    private static string Show(double[] values) =>
        values.Length <= 8
            ? "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]"
            : string.Create(CultureInfo.InvariantCulture, $"[{values.Length} values: {string.Join(", ", values.Take(6).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}, …]");

    private static string Show(params object[] values) =>
        string.Join(", ", values.Select(v => v is double[] a ? Show(a) : Convert.ToString(v, CultureInfo.InvariantCulture)));

    // ---- the property ----

    private static void Holds(string entryPoint, Func<Random, (string Input, Func<object?> Call)> make)
    {
        // RELATIONALNEURO_FUZZ_SEEDS = k sweeps k consecutive seeds from Seed, each with all MaxTrials (no time budget).
        var sweep = int.TryParse(Environment.GetEnvironmentVariable("RELATIONALNEURO_FUZZ_SEEDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k > 1 ? k : 1;
        var failures = new List<string>();
        for (var seed = Seed; seed < Seed + sweep && failures.Count < 20; seed++)
        {
            var random = new Random(StableSeed(seed, entryPoint));
            var watch = Stopwatch.StartNew();
            for (var trial = 0; trial < MaxTrials && (sweep > 1 || watch.Elapsed < Budget) && failures.Count < 20; trial++)
            {
                var (input, call) = make(random);
                var failure = Check(call);
                if (failure is not null)
                {
                    failures.Add($"{entryPoint}({input}), trial {trial}: {failure}; replay with RELATIONALNEURO_FUZZ_SEED={seed}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        static string? Check(Func<object?> call)
        {
            var task = Within.Start(call);
            try
            {
                if (!task.Wait(CallBound, TestContext.Current.CancellationToken))
                {
                    return $"did not return within {CallBound.TotalSeconds} s";
                }
            }
            catch (AggregateException aggregate)
            {
                var thrown = aggregate.InnerException!;
                return thrown is ArgumentException { ParamName.Length: > 0 } || thrown is FormatException
                    ? null
                    : $"threw {thrown.GetType().Name} ({thrown.Message}); expected a result or an ArgumentException naming the argument";
            }

            var found = ResultInspector.NonFinite(task.Result, "result");
            return found.Count == 0 ? null : $"non-finite values {string.Join(", ", found)}";
        }
    }

    /// <summary>
    /// The seed mixed with the entry point's name by FNV-1a, the same in every process. (<see cref="HashCode"/> is
    /// randomised per process: a run could not be replayed from its printed seed, and a failure CI found once was not
    /// reproducible here.)
    /// </summary>
    internal static int StableSeed(int seed, string name)
    {
        var hash = 2166136261u ^ unchecked((uint)seed);
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }

    // ---- HRV ----

    [Fact]
    public void TimeDomain_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.TimeDomain", r => { var x = AnyArray(r); return (Show(x), () => HrvMetrics.TimeDomain(x)); });

    [Fact]
    public void Poincare_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.Poincare", r => { var x = AnyArray(r); return (Show(x), () => HrvMetrics.Poincare(x)); });

    [Fact]
    public void FrequencyDomain_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.FrequencyDomain", r =>
        {
            var x = AnyArray(r);
            var options = FrequencyDomainOptions.Default with { Method = r.Next(2) == 0 ? SpectralMethod.Welch : SpectralMethod.LombScargle };
            return (Show(x, options.Method), () => HrvMetrics.FrequencyDomain(x, options));
        });

    [Fact]
    public void Entropies_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.SampleEntropy/ApproximateEntropy/MultiscaleEntropy", r =>
        {
            var x = AnyArray(r);
            var options = new EntropyOptions { ToleranceSdFactor = r.Next(3) == 0 ? AnyDouble(r) : 0.2, EmbeddingDimension = r.Next(1, 4) };
            return (Show(x, options.ToleranceSdFactor, options.EmbeddingDimension), () => (HrvMetrics.SampleEntropy(x, options), HrvMetrics.ApproximateEntropy(x, options), HrvMetrics.MultiscaleEntropy(x, 3, options)));
        });

    [Fact]
    public void DetrendedFluctuation_AnyInput_TypedFiniteBounded() =>
        Holds("HrvMetrics.DetrendedFluctuation", r => { var x = AnyArray(r); return (Show(x), () => HrvMetrics.DetrendedFluctuation(x)); });

    [Fact]
    public void Coherence_AnyInput_TypedFiniteBounded() =>
        Holds("HeartRhythmCoherence.Compute", r => { var x = AnyArray(r); return (Show(x), () => HeartRhythmCoherence.Compute(x)); });

    [Fact]
    public void Analyze_AnyInput_NeverThrowsFiniteBounded() =>
        Holds("HrvAnalysis.Analyze", r =>
        {
            var x = AnyArray(r);
            return (Show(x), () => HrvAnalysis.Analyze(x, cancellationToken: TestContext.Current.CancellationToken));
        });

    [Fact]
    public void RrSeries_AnyInput_NeverThrowsFinite() =>
        Holds("RrSeries.From*", r =>
        {
            var x = AnyArray(r);
            return (Show(x), () => (RrSeries.FromIntervalsMs(x), RrSeries.FromIntervalsSeconds(x), RrSeries.FromBeatTimesSeconds(x)));
        });

    [Fact]
    public void RollingHrv_AnyBeats_NeverThrowsFinite() =>
        Holds("RollingHrv.Add", r =>
        {
            var x = AnyArray(r);
            return (Show(x), () =>
            {
                var rolling = new RollingHrv(new RollingHrvOptions { Window = r.Next(2) == 0 ? RollingWindow.OfBeats(30) : RollingWindow.OfDuration(TimeSpan.FromMinutes(1)) });
                return x.Select(v => rolling.Add(v).Snapshot).ToArray(); // the update's RrMs echoes the offered value as given
            });
        });

    // ---- change ----

    [Fact]
    public void EffectSizes_AnyInput_TypedFinite() =>
        Holds("EffectSize", r =>
        {
            double m1 = AnyDouble(r), s1 = AnyDouble(r), m2 = AnyDouble(r), s2 = AnyDouble(r);
            int n1 = HostileInts[r.Next(HostileInts.Length)], n2 = HostileInts[r.Next(HostileInts.Length)];
            var pre = AnyArray(r);
            var post = r.Next(2) == 0 ? pre.Select(v => v * AnyDouble(r)).ToArray() : AnyArray(r).Take(pre.Length).ToArray();
            return (Show(m1, s1, n1, m2, s2, n2, pre, post), () => r.Next(3) switch
            {
                0 => EffectSize.CohensD(m1, s1, n1, m2, s2, n2),
                1 => EffectSize.HedgesG(m1, s1, n1, m2, s2, n2, HedgesCorrection.Exact),
                _ => EffectSize.RepeatedMeasures(pre, post.Length == pre.Length ? post : pre),
            });
        });

    [Fact]
    public void ReliableChangeAndCutoffs_AnyInput_TypedFinite() =>
        Holds("ReliableChange/ClinicalSignificance", r =>
        {
            double pre = AnyDouble(r), post = AnyDouble(r), reliability = r.Next(2) == 0 ? r.NextDouble() : AnyDouble(r), sd = AnyDouble(r), mean = AnyDouble(r);
            return (Show(pre, post, reliability, sd, mean), () => r.Next(3) switch
            {
                0 => ReliableChange.Compute(pre, post, reliability, sd, ChangeDirection.LowerIsBetter),
                1 => ClinicalSignificance.Cutoffs(new Norm(mean, sd), new Norm(pre, Math.Abs(post)), ChangeDirection.HigherIsBetter),
                _ => ClinicalSignificance.Classify(pre, post, reliability, sd, mean, ChangeDirection.HigherIsBetter),
            });
        });

    [Fact]
    public void Trend_AnyInput_TypedFinite() =>
        Holds("Trend.Fit", r =>
        {
            var values = AnyArray(r);
            var weeks = r.Next(2) == 0 ? Increasing(r, values.Length) : AnyArray(r).Take(values.Length).Concat(Enumerable.Repeat(1.0, values.Length)).Take(values.Length).ToArray();
            return (Show(weeks, values), () => Trend.Fit(weeks, values, ChangeDirection.HigherIsBetter));
        });

    // ---- endocrine ----

    [Fact]
    public void EndocrineProfiles_AnyInput_TypedFinite() =>
        Holds("Auc/CortisolAwakeningResponse", r =>
        {
            var n = r.Next(0, 8);
            var times = r.Next(2) == 0 ? Increasing(r, n) : Enumerable.Range(0, n).Select(_ => AnyDouble(r)).ToArray();
            var values = Enumerable.Range(0, n).Select(_ => AnyDouble(r)).ToArray();
            return (Show(times, values), () => r.Next(4) switch
            {
                0 => (object)Auc.Compute(times, values, MissingValuePolicy.Omit),
                1 => Auc.MaxIncrease(times, values, MissingValuePolicy.Omit),
                2 => n >= 2 ? Auc.Slope(times, values, 0, n - 1) : Auc.Compute(times, values),
                _ => CortisolAwakeningResponse.Analyze(times, values),
            });
        });

    [Fact]
    public void CortisolConcentration_AnyInput_TypedFinite() =>
        Holds("CortisolConcentration", r =>
        {
            var value = AnyDouble(r);
            var unit = (CortisolUnit)r.Next(0, 4);
            var text = value.ToString("R", CultureInfo.InvariantCulture) + (r.Next(2) == 0 ? " µg/dL" : " ng/mL");
            return (Show(value, unit, text), () => r.Next(2) == 0
                ? CortisolConcentration.From(value, unit).NanomolesPerLiter
                : CortisolConcentration.Parse(text).ToMicrogramsPerDeciliter());
        });
}
