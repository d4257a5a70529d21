using RelationalNeuro.Hrv.Kernels;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Core.Tests.Internal;

/// <summary>
/// The rolling quantiles behind the artifact detectors, on every path (vectorised where the machine allows, and the
/// scalar one forced on the test's thread; over the doubles, and over the 16-bit numbers of the distinct values), against
/// the definition computed the slow way: sort each truncated centred window [t − h, t + h] ∩ [0, n − 1] and interpolate
/// at position q·(m − 1) (pandas <c>rolling(w, center=True, min_periods=1).quantile(q)</c>, linear).
/// </summary>
public sealed class RollingQuantileTests
{
    public static TheoryData<int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var (n, window) in new[] { (0, 3), (1, 1), (1, 91), (2, 3), (5, 9), (7, 91), (30, 11), (200, 1), (200, 3), (200, 9), (200, 31), (400, 91), (400, 101), (300, 301), (4000, 11), (4000, 91) })
        {
            data.Add(n, window, 1);   // continuous values: no ties
            data.Add(n, window, 2);   // 1/128-s quantised RR: many ties, entering = leaving often
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quantiles_EveryPath_EqualsTheSortedWindow(int n, int window, int kind)
    {
        var x = Series(n, kind);
        foreach (var (scalar, ranks) in Paths)
        {
            var q1 = new double[n];
            var q3 = new double[n];
            KernelDispatch.ForceScalar = scalar;
            RollingQuantile.Ranks = ranks;
            try
            {
                RollingQuantile.Quantiles(x, window, 0.25, 0.75, q1, q3);
            }
            finally
            {
                KernelDispatch.ForceScalar = false;
                RollingQuantile.Ranks = 0;
            }

            for (var t = 0; t < n; t++)
            {
                var sorted = Window(x, window, t);
                Assert.Equal(Quantile(sorted, 0.25), q1[t]);
                Assert.Equal(Quantile(sorted, 0.75), q3[t]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Median_EveryPath_EqualsTheSortedWindow(int n, int window, int kind)
    {
        var x = Series(n, kind);
        foreach (var (scalar, ranks) in Paths)
        {
            var median = new double[n];
            KernelDispatch.ForceScalar = scalar;
            RollingQuantile.Ranks = ranks;
            try
            {
                RollingQuantile.Median(x, window, median);
            }
            finally
            {
                KernelDispatch.ForceScalar = false;
                RollingQuantile.Ranks = 0;
            }

            for (var t = 0; t < n; t++)
            {
                var sorted = Window(x, window, t);
                var m = sorted.Length;
                var expected = m % 2 == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
                Assert.Equal(expected, median[t]);
            }
        }
    }

    [Theory]
    [InlineData(91)]
    [InlineData(31)]
    [InlineData(90)]
    public void QuantilesAndMedian_LongQuantisedSeriesByDefault_EqualTheSortedWindow(int window)
    {
        // 3,000 values on the 1/128-s clock and their absolute differences (as the L&T detector's thresholds use):
        // the series the artifact detectors window, checked against the sorted window value by value.
        var rr = Series(3000, kind: 2);
        var differences = rr.Select((v, i) => i == 0 ? 0 : Math.Abs(v - rr[i - 1])).ToArray();
        foreach (var x in new[] { rr, differences })
        {
            var q1 = new double[x.Length];
            var q3 = new double[x.Length];
            var median = new double[x.Length];
            RollingQuantile.Quantiles(x, window, 0.25, 0.75, q1, q3);
            RollingQuantile.Median(x, window, median);
            for (var t = 0; t < x.Length; t++)
            {
                var sorted = Window(x, window, t);
                var m = sorted.Length;
                Assert.Equal(Quantile(sorted, 0.25), q1[t]);
                Assert.Equal(Quantile(sorted, 0.75), q3[t]);
                Assert.Equal(m % 2 == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2, median[t]);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Ranks_WhereTheyCannotServe_TheDoublePathGivesTheSameBits(int kind)
    {
        // Kind 0: −0 and +0 both occur (equal values, two numbers): the rank path must not be taken. Kind 1: more distinct
        // values than 16-bit numbers are kept for. Either way every output equals the double path's bit for bit, and
        // the sorted window's value.
        var random = new Random(20261203 + kind);
        var n = kind == 0 ? 500 : RollingQuantile.MaximumRankValues + 600;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = kind == 0 ? (i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : random.Next(1, 4)) : random.NextDouble();
        }

        double[] Run(int ranks, bool median)
        {
            var a = new double[n];
            var b = new double[n];
            RollingQuantile.Ranks = ranks;
            try
            {
                if (median)
                {
                    RollingQuantile.Median(x, 31, a);
                }
                else
                {
                    RollingQuantile.Quantiles(x, 31, 0.25, 0.75, a, b);
                }
            }
            finally
            {
                RollingQuantile.Ranks = 0;
            }

            return [.. a, .. b];
        }

        foreach (var median in new[] { false, true })
        {
            var forced = Run(1, median);
            var doubles = Run(-1, median);
            Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), forced.Select(BitConverter.DoubleToInt64Bits));
        }

        var q1 = new double[n];
        var q3 = new double[n];
        RollingQuantile.Ranks = 1;
        try
        {
            RollingQuantile.Quantiles(x, 31, 0.25, 0.75, q1, q3);
        }
        finally
        {
            RollingQuantile.Ranks = 0;
        }

        for (var t = 0; t < n; t++)
        {
            var sorted = Window(x, 31, t);
            Assert.Equal(Quantile(sorted, 0.25), q1[t]);
            Assert.Equal(Quantile(sorted, 0.75), q3[t]);
        }
    }

    [Fact]
    public void Median_HandExample_CentredAndTruncatedAtTheEdges()
    {
        // Window 3 over 5, 1, 4, 2, 3: {5, 1} → 3; {5, 1, 4} → 4; {1, 4, 2} → 2; {4, 2, 3} → 3; {2, 3} → 2.5.
        double[] x = [5, 1, 4, 2, 3];
        var median = new double[5];

        RollingQuantile.Median(x, 3, median);

        Assert.Equal([3, 4, 2, 3, 2.5], median);
    }

    /// <summary>Every path: vector or scalar replace step, over doubles (ranks −1) or over value numbers (ranks forced on).</summary>
    private static readonly (bool Scalar, int Ranks)[] Paths = [(false, -1), (true, -1), (false, 1), (true, 1)];

    private static double[] Series(int n, int kind)
    {
        var random = new Random(20261202 + n);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = 800 + (150 * random.NextDouble()) - 75 + (i % 17 == 0 ? 300 : 0);
            x[i] = kind == 2 ? Math.Round(v / 7.8125) * 7.8125 : v;
        }

        return x;
    }

    private static double[] Window(double[] x, int window, int t)
    {
        var h = (window - 1) / 2;
        var from = Math.Max(0, t - h);
        var to = Math.Min(x.Length - 1, t + h);
        var sorted = x[from..(to + 1)];
        Array.Sort(sorted);
        return sorted;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var fraction = position - lo;
        return fraction == 0 || lo + 1 >= sorted.Length ? sorted[lo] : sorted[lo] + ((sorted[lo + 1] - sorted[lo]) * fraction);
    }
}
