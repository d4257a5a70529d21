using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hardening;

public sealed class ResultInspectorTests
{
    private sealed record Inner(double Value, double? Maybe);

    private readonly record struct Outer(double A, Inner Inner, IReadOnlyList<Inner> List, double[] Values);

    [Fact]
    public void NonFinite_FiniteGraph_FindsNothing()
    {
        var outer = new Outer(1, new Inner(2, null), [new Inner(3, 4)], [5, 6]);

        Assert.Empty(ResultInspector.NonFinite(outer));
    }

    [Fact]
    public void NonFinite_NaNAndInfinityAnywhere_NamesEachPath()
    {
        var outer = new Outer(double.NaN, new Inner(2, double.PositiveInfinity), [new Inner(3, 4), new Inner(double.NegativeInfinity, null)], [5, double.NaN]);

        var found = ResultInspector.NonFinite(outer, "r");

        Assert.Equal(["r.A = NaN", "r.Inner.Maybe = Infinity", "r.List[1].Value = -Infinity", "r.Values[1] = NaN"], found);
    }

    [Fact]
    public void NonFinite_SpanBackedProperty_ReadsTheBackingArray()
    {
        // RrSeries.IntervalsMs is a ReadOnlySpan<double>, unreadable by reflection; the inspector reads its array.
        var series = RrSeries.FromIntervalsMs([800, 810]);
        Assert.Empty(ResultInspector.NonFinite(series));
        Assert.Equal(2, series.Count);
    }
}
