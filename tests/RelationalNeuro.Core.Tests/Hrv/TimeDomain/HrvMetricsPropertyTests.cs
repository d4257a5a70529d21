using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>Invariants of the time-domain and Poincaré metrics over random series (FsCheck).</summary>
public sealed class HrvMetricsPropertyTests
{
    // Intervals 250–2500 ms with 1-µs resolution; 3 to ~300 of them. A second generator draws from few levels
    // (10-ms quantisation) to exercise ties in the histogram-based order statistics.
    private static readonly Gen<double> Interval = Gen.Choose(250_000, 2_500_000).Select(i => i / 1000.0);
    private static readonly Gen<double> QuantisedInterval = Gen.Choose(60, 110).Select(i => i * 10.0);

    private static Arbitrary<double[]> Series(Gen<double> value) =>
        Gen.ArrayOf(value).Where(a => a.Length >= 3).ToArbitrary();

    private static Arbitrary<(double[] Series, int Seed)> SeriesAndSeed =>
        Gen.ArrayOf(Interval).Where(a => a.Length >= 3).Zip(Gen.Choose(0, int.MaxValue - 1)).ToArbitrary();

    [Fact]
    public void TimeDomain_AnySeries_SdnnNonNegative() =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Series(Interval), rr =>
            HrvMetrics.TimeDomain(rr).SdnnMs >= 0 && HrvMetrics.Poincare(rr).Sd1Ms >= 0 && HrvMetrics.Poincare(rr).Sd2Ms >= 0));

    [Fact]
    public void TimeDomain_Permutation_SdnnMeanAndOrderStatisticsUnchanged() =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(SeriesAndSeed, input =>
        {
            var (rr, seed) = input;
            var permuted = rr.ToArray();
            new Random(seed).Shuffle(permuted);
            var a = HrvMetrics.TimeDomain(rr);
            var b = HrvMetrics.TimeDomain(permuted);
            return Close(a.SdnnMs, b.SdnnMs, 1e-9) && Close(a.MeanNnMs, b.MeanNnMs, 1e-12)
                && a.MedianNnMs == b.MedianNnMs && a.IqrNnMs == b.IqrNnMs && a.TriangularIndex == b.TriangularIndex;
        }));

    [Fact]
    public void TimeDomain_ScaledByK_SdnnRmssdAndSd1ScaleByK() =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Series(Interval).Zip(Gen.Choose(1, 40).Select(k => k / 8.0).ToArbitrary()), input =>
        {
            var (rr, k) = input;
            var scaled = rr.Select(x => x * k).ToArray();
            var a = HrvMetrics.TimeDomain(rr);
            var b = HrvMetrics.TimeDomain(scaled);
            return Close(a.SdnnMs * k, b.SdnnMs, 1e-9) && Close(a.RmssdMs * k, b.RmssdMs, 1e-9)
                && Close(HrvMetrics.Poincare(rr).Sd1Ms * k, HrvMetrics.Poincare(scaled).Sd1Ms, 1e-9);
        }));

    [Fact]
    public void TimeDomain_ConstantSeries_ZeroVariability() =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Interval.Zip(Gen.Choose(3, 500)).ToArbitrary(), input =>
        {
            var (value, n) = input;
            var rr = Enumerable.Repeat(value, n).ToArray();
            var r = HrvMetrics.TimeDomain(rr);
            var p = HrvMetrics.Poincare(rr);
            return r.MeanNnMs == value && r.SdnnMs == 0 && r.RmssdMs == 0 && r.SdsdMs == 0 && r.Pnn50Percent == 0
                && r.MadNnMs == 0 && r.IqrNnMs == 0 && p.Sd1Ms == 0 && p.Sd2Ms == 0 && p.Csi is null && p.Sd1OverSd2 is null;
        }));

    [Fact]
    public void TimeDomain_AnySeries_OrderStatisticsEqualSortBasedDefinition()
    {
        // The histogram-and-quickselect path against the textbook definition on a sorted copy (type 7 quantiles).
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Series(Interval), SameAsSorted));
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Series(QuantisedInterval), SameAsSorted));
    }

    private static bool SameAsSorted(double[] rr)
    {
        var sorted = rr.Order().ToArray();
        var median = Type7(sorted, 0.5);
        var iqr = Type7(sorted, 0.75) - Type7(sorted, 0.25);
        var mad = 1.4826 * Type7(rr.Select(x => Math.Abs(x - median)).Order().ToArray(), 0.5);
        var r = HrvMetrics.TimeDomain(rr);
        return Close(r.MedianNnMs, median, 1e-12) && Close(r.IqrNnMs, iqr, 1e-9) && Close(r.MadNnMs, mad, 1e-9);
    }

    private static double Type7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static bool Close(double? expected, double? actual, double relative) =>
        expected is { } e && actual is { } a && Math.Abs(a - e) <= relative * Math.Max(Math.Abs(e), 1);
}
