using RelationalNeuro.Connectivity;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// The same property (typed outcome, bounded time, nothing non-finite) for the relational measures added after the
/// first hardening pass: dyadic synchrony (alignment, windowed cross-correlation, surrogate synchrony, pseudo-dyads,
/// the rolling meter, the one-call dyad report) and functional connectivity.
/// </summary>
public partial class NumericPropertyTests
{
    /// <summary>A duration or rate option: mostly ordinary, sometimes any double (including ±0, subnormals, ±∞, NaN).</summary>
    private static double AnyOption(Random random, double ordinary) => random.Next(3) == 0 ? AnyDouble(random) : ordinary * (0.5 + random.NextDouble());

    // ---- synchrony ----

    [Fact]
    public void DyadAlignment_AnyInput_TypedFiniteBounded() =>
        Holds("DyadAlignment.Align", r =>
        {
            double[] a = AnyArray(r), b = AnyArray(r);
            var options = DyadAlignmentOptions.Default with
            {
                SampleRateHz = AnyOption(r, 4),
                MaximumGapSeconds = AnyOption(r, 3),
                MinimumOverlapSeconds = AnyOption(r, 60),
            };
            return (Show(a, b, options.SampleRateHz, options.MaximumGapSeconds, options.MinimumOverlapSeconds), () => DyadAlignment.Align(a, b, options));
        });

    [Fact]
    public void WindowedCrossCorrelation_AnyInput_TypedFiniteBounded() =>
        Holds("WindowedCrossCorrelation.Compute", r =>
        {
            double[] a = AnyArray(r), b = r.Next(2) == 0 ? AnyArray(r) : [.. a];
            var rate = AnyOption(r, 4);
            var options = WindowedCrossCorrelationOptions.Rmea with
            {
                WindowSeconds = AnyOption(r, 30),
                IncrementSeconds = AnyOption(r, 15),
                MaxLagSeconds = AnyOption(r, 5),
                FisherZ = r.Next(2) == 0,
                AbsoluteValues = r.Next(2) == 0,
            };
            return (Show(a, b, rate, options.WindowSeconds, options.IncrementSeconds, options.MaxLagSeconds), () => WindowedCrossCorrelation.Compute(a, b, rate, options));
        });

    [Fact]
    public void SurrogateSynchrony_AnyInput_TypedFiniteBounded() =>
        Holds("SurrogateSynchrony.Compute", r =>
        {
            double[] a = AnyArray(r), b = r.Next(2) == 0 ? AnyArray(r) : [.. a];
            var rate = AnyOption(r, 4);
            var options = SurrogateSynchronyOptions.Susy with
            {
                SegmentSeconds = AnyOption(r, 30),
                MaxLagSeconds = AnyOption(r, 3),
                ChanceQuantile = r.Next(3) == 0 ? AnyDouble(r) : 0.95,
            };
            return (Show(a, b, rate, options.SegmentSeconds, options.MaxLagSeconds, options.ChanceQuantile), () => SurrogateSynchrony.Compute(a, b, rate, options));
        });

    [Fact]
    public void PseudoDyadCompare_AnyInput_TypedFinite() =>
        Holds("PseudoDyads.Compare", r =>
        {
            double[] real = AnyArray(r), pseudo = AnyArray(r);
            return (Show(real, pseudo), () => PseudoDyads.Compare(real, pseudo));
        });

    [Fact]
    public void DyadSeriesFromGrid_AnyInput_TypedFinite() =>
        Holds("DyadSeries.FromGrid", r =>
        {
            double[] a = AnyArray(r), b = AnyArray(r);
            double rate = AnyOption(r, 4), start = r.Next(2) == 0 ? 0 : AnyDouble(r);
            return (Show(a, b, rate, start), () => DyadSeries.FromGrid(a, b, rate, start));
        });

    [Fact]
    public void DyadAnalysis_AnyInput_TypedFiniteBounded() =>
        Holds("DyadAnalysis.Analyze", r =>
        {
            double[] a = AnyArray(r), b = AnyArray(r);
            var options = DyadAnalysisOptions.Default with { LeaderThresholdSeconds = r.Next(3) == 0 ? AnyDouble(r) : 0.5 };
            return (Show(a, b, options.LeaderThresholdSeconds), () => DyadAnalysis.Analyze(a, b, options));
        });

    [Fact]
    public void RollingSynchrony_AnyBeats_TypedFinite() =>
        Holds("RollingSynchrony.Add", r =>
        {
            double[] a = AnyArray(r), b = AnyArray(r);
            var options = new RollingSynchronyOptions
            {
                WindowSeconds = AnyOption(r, 30),
                MaxLagSeconds = AnyOption(r, 3),
                SampleRateHz = AnyOption(r, 4),
                MaxPendingSamples = r.Next(3) == 0 ? HostileInts[r.Next(HostileInts.Length)] : 2_000,
            };
            return (Show(a, b, options.WindowSeconds, options.MaxLagSeconds, options.SampleRateHz, options.MaxPendingSamples), () =>
            {
                var meter = new RollingSynchrony(options);
                var snapshots = new List<RollingSynchronySnapshot>();

                // The work of one trial is bounded: every grid sample updates 2·lag + 1 running sums, so a valid but heavy
                // geometry (500 Hz with ±2.6-s lags: 2,681 sums per sample, 450 grid samples per beat) fed 2,000 beats
                // took 3 s here, near the 10-s bound on a loaded machine. Beats stop once about 2·10⁸ sum updates are
                // done (the slowest trial of 30 daily seeds then took 0.74 s); each Add is still bounded by the call's 10 s,
                // and every snapshot is checked.
                var lags = (2.0 * Math.Min(8192, Math.Round(Math.Abs(options.MaxLagSeconds) * options.SampleRateHz))) + 1;
                var work = 0.0;
                for (var i = 0; i < Math.Max(a.Length, b.Length) && work <= 2e8; i++)
                {
                    if (i < a.Length)
                    {
                        snapshots.Add(meter.Add(DyadMember.A, a[i]));
                        work += GridWork(a[i]);
                    }

                    if (i < b.Length)
                    {
                        snapshots.Add(meter.Add(DyadMember.B, b[i]));
                        work += GridWork(b[i]);
                    }
                }

                return (snapshots, meter.MeanAbsZ());

                // Grid samples a beat fills (an ignored interval fills none) times the sums each updates.
                double GridWork(double rrMs) =>
                    rrMs is >= RelationalNeuro.Hrv.RrSeries.MinimumIntervalMs and <= RelationalNeuro.Hrv.RrSeries.MaximumIntervalMs ? rrMs / 1000 * options.SampleRateHz * lags : 0;
            });
        });

    // ---- connectivity ----

    /// <summary>A time × ROI matrix of a hostile shape (0–40 time points, 0–6 regions), values as <see cref="AnyArray"/>.</summary>
    private static double[,] AnyMatrix(Random random)
    {
        int[] times = [0, 1, 2, 3, 5, 10, 40];
        int t = times[random.Next(times.Length)], n = random.Next(0, 7);
        var flat = AnyArray(random);
        var matrix = new double[t, n];
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < n; j++)
            {
                matrix[i, j] = flat.Length == 0 ? AnyDouble(random) : flat[((i * n) + j) % flat.Length] + (random.Next(4) == 0 ? AnyDouble(random) : random.NextDouble());
            }
        }

        return matrix;
    }

    private static string Show(double[,] matrix) =>
        Show(matrix.Cast<double>().ToArray()) + $" as {matrix.GetLength(0)}×{matrix.GetLength(1)}";

    [Fact]
    public void FunctionalConnectivity_AnyInput_TypedFinite() =>
        Holds("FunctionalConnectivity.Compute", r =>
        {
            var x = AnyMatrix(r);
            var options = ConnectivityOptions.Default with
            {
                Kind = (ConnectivityKind)r.Next(0, 4),
                Estimator = (CovarianceEstimator)r.Next(0, 2),
                ComputeConditioning = r.Next(2) == 0,
            };
            return (Show(x) + $", {options.Kind}, {options.Estimator}", () => FunctionalConnectivity.Compute(x, options));
        });

    [Fact]
    public void ConnectivityHelpers_AnyInput_TypedFinite() =>
        Holds("FisherZ/NodeStrength/GroupAverage/CovarianceToCorrelation/PrecisionToPartialCorrelation", r =>
        {
            var n = r.Next(0, 5);
            var square = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    square[i, j] = r.Next(3) == 0 ? AnyDouble(r) : (i == j ? 1 : (r.NextDouble() * 2) - 1);
                }
            }

            var value = r.Next(2) == 0 ? AnyDouble(r) : (r.NextDouble() * 2) - 1;
            return (Show(square) + $", {value}", () => r.Next(6) switch
            {
                // atanh(±1) = ±∞ is FisherZ's documented answer (a unit diagonal round-trips; FisherZTests), not a failure.
                0 => (object)(Math.Abs(value) == 1 ? FisherZ.Inverse(value) : FisherZ.Transform(value)),
                1 => FisherZ.Inverse(value),
                2 => FunctionalConnectivity.NodeStrength(square, (NodeStrengthWeights)r.Next(0, 4)),
                3 => FunctionalConnectivity.GroupAverage([square, square]),
                4 => FunctionalConnectivity.CovarianceToCorrelation(square),
                _ => FunctionalConnectivity.PrecisionToPartialCorrelation(square),
            });
        });
}
