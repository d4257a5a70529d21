using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Components.Charts;

namespace RelationalNeuro.Components.Tests.Charts.Shared;

/// <summary>
/// Properties of M4 (Jugel et al. 2014) checked against a bucketing written here independently: every column's
/// first, last, minimum and maximum survive, a gap (NaN) inside a column survives, output indices strictly increase
/// (time is monotone), and the output is bounded by 5 per column — at most 2 per horizontal viewBox unit with
/// <see cref="ChartLayout.Columns"/>.
/// </summary>
public sealed class M4DownsamplerTests
{
    private sealed record Case(double[] X, double[] Y, int Columns, double Start, double End);

    private static readonly Gen<Case> Cases =
        from n in Gen.Choose(0, 2500)
        from steps in Gen.ArrayOf(Gen.Choose(1, 2000), n)
        from values in Gen.ArrayOf(Gen.Frequency((30, Gen.Choose(300, 1600).Select(v => (double)v)), (1, Gen.Constant(double.NaN))), n)
        from columns in Gen.Choose(1, 300)
        from trimStart in Gen.Choose(0, 20)
        from trimEnd in Gen.Choose(0, 20)
        select Build(steps, values, columns, trimStart, trimEnd);

    private static Case Build(int[] steps, double[] values, int columns, int trimStart, int trimEnd)
    {
        var x = new double[steps.Length];
        var t = 0.0;
        for (var i = 0; i < steps.Length; i++)
        {
            t += steps[i] / 1000.0; // strictly increasing beat times in s
            x[i] = t;
        }

        var start = x.Length > 0 ? x[0] + trimStart : 0;
        var end = x.Length > 0 ? x[^1] - trimEnd : 1;
        return new Case(x, values, columns, start, end > start ? end : start + 1);
    }

    // The bucket of a point, written from the definition: equal columns over [start, end], outside points clamped.
    private static int Bucket(double x, Case c) =>
        Math.Clamp((int)Math.Floor((x - c.Start) / ((c.End - c.Start) / c.Columns)), 0, c.Columns - 1);

    [Fact]
    public void Select_IndicesStrictlyIncrease_AndAreBounded()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var kept = M4Downsampler.Select(c.X, c.Y, c.Start, c.End, c.Columns);
            var increasing = kept.Zip(kept.Skip(1)).All(p => p.First < p.Second && c.X[p.First] < c.X[p.Second]);
            var bounded = c.X.Length <= c.Columns ? kept.Length == c.X.Length : kept.Length <= M4Downsampler.MaxPointsPerColumn * c.Columns;
            return increasing && bounded;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Select_EveryBucketsFirstLastMinMaxAndGapSurvive()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var kept = M4Downsampler.Select(c.X, c.Y, c.Start, c.End, c.Columns).ToHashSet();
            foreach (var bucket in Enumerable.Range(0, c.X.Length).GroupBy(i => Bucket(c.X[i], c)))
            {
                var finite = bucket.Where(i => double.IsFinite(c.Y[i])).ToList();
                var keptHere = bucket.Where(kept.Contains).ToList();
                if (finite.Count > 0)
                {
                    var keptValues = keptHere.Where(i => double.IsFinite(c.Y[i])).Select(i => c.Y[i]).ToList();
                    if (!kept.Contains(finite[0]) || !kept.Contains(finite[^1])
                        || !keptValues.Contains(finite.Min(i => c.Y[i])) || !keptValues.Contains(finite.Max(i => c.Y[i])))
                    {
                        return false;
                    }
                }

                if (bucket.Any(i => double.IsNaN(c.Y[i])) && !keptHere.Any(i => double.IsNaN(c.Y[i])))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Select_WithLayoutColumns_KeepsAtMostTwoPointsPerViewBoxUnit()
    {
        // 24 h of beats at ~0.8 s: 108,000 points into a 350-unit-wide plot.
        var layout = new ChartLayout(400, 240, 44, 24, 6, 36);
        var n = 108_000;
        var x = new double[n];
        var y = new double[n];
        var random = new Random(18);
        for (var i = 0; i < n; i++)
        {
            x[i] = i * 0.8;
            y[i] = 800 + (100 * Math.Sin(i / 500.0)) + random.Next(-40, 40) + (i % 997 == 0 ? double.NaN : 0);
        }

        var kept = M4Downsampler.Select(x, y, x[0], x[^1], layout.Columns(M4Downsampler.MaxPointsPerColumn));
        Assert.InRange(kept.Length, 1, 2 * layout.PlotWidth);
        Assert.Equal(y.Where(double.IsFinite).Max(), kept.Select(i => y[i]).Where(double.IsFinite).Max());
        Assert.Equal(y.Where(double.IsFinite).Min(), kept.Select(i => y[i]).Where(double.IsFinite).Min());
    }

    [Fact]
    public void Select_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>("y", () => M4Downsampler.Select([1, 2], [1], 0, 2, 1));
}
