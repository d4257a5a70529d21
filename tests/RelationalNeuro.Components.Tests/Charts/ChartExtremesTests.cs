using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Hrv;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components.Tests.Charts;

/// <summary>
/// The charts over the whole double range, as the property tests do for Core: each either renders SVG whose every number is
/// finite (no <c>NaN</c> or <c>Infinity</c> in the markup, which a browser would draw as nothing or at the origin) or
/// refuses a parameter with an <see cref="ArgumentException"/> naming it.
/// </summary>
public sealed partial class ChartExtremesTests : BunitContext
{
    private static readonly double[] Hostile =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, double.Epsilon, -1, 1e-300, 1e308, -1e308, double.MaxValue, 0.5, 3, 1e6];

    [GeneratedRegex(@"NaN|Infinity|∞")]
    private static partial Regex NonFinite();

    /// <summary>Renders; returns null when a parameter was refused with an exception naming <paramref name="parameter"/>.</summary>
    private string? MarkupOrRefusal<T>(Action<ComponentParameterCollectionBuilder<T>> parameters, params string[] parameter)
        where T : IComponent
    {
        try
        {
            return Render(parameters).Markup;
        }
        catch (ArgumentException error)
        {
            Assert.Contains(error.ParamName, parameter);
            return null;
        }
    }

    private static void AssertFinite(string? markup, string what)
    {
        if (markup is not null)
        {
            Assert.False(NonFinite().IsMatch(markup), $"{what}: the markup holds a non-finite number: {NonFinite().Match(markup).Value} in …{markup[Math.Max(0, NonFinite().Match(markup).Index - 80)..Math.Min(markup.Length, NonFinite().Match(markup).Index + 40)]}…");
        }
    }

    private static RrSeries Ordinary() => RrSeries.FromIntervalsMs([.. Enumerable.Range(0, 600).Select(k => 800 + (40 * Math.Sin(k / 5.0)) + (15 * Math.Sin(k / 1.3)))]);

    [Fact]
    public void PowerSpectrumChart_AnyMaxFrequency_FiniteOrRefused()
    {
        var spectrum = HrvMetrics.PowerSpectralDensity(Ordinary().IntervalsMs);
        foreach (var max in Hostile)
        {
            foreach (var log in new[] { false, true })
            {
                var markup = MarkupOrRefusal<Components.PowerSpectrumChart>(p => p.Add(c => c.Spectrum, spectrum).Add(c => c.MaxFrequencyHz, max).Add(c => c.LogarithmicPower, log), "MaxFrequencyHz");
                AssertFinite(markup, $"MaxFrequencyHz {max}, log {log}");
            }
        }
    }

    [Fact]
    public void Tachogram_AnyGapThresholdOrRange_FiniteOrRefused()
    {
        var series = Ordinary();
        foreach (var gap in Hostile)
        {
            AssertFinite(MarkupOrRefusal<Components.Tachogram>(p => p.Add(c => c.Series, series).Add(c => c.GapThresholdSeconds, gap), "GapThresholdSeconds"), $"gap {gap}");
        }

        foreach (var start in Hostile)
        {
            foreach (var end in Hostile)
            {
                AssertFinite(MarkupOrRefusal<Components.Tachogram>(p => p.Add(c => c.Series, series).Add(c => c.Range, new ChartTimeRange(start, end)), "Range"), $"range {start}..{end}");
                AssertFinite(MarkupOrRefusal<Components.Tachogram>(p => p.Add(c => c.Series, series).Add(c => c.Selection, new ChartTimeRange(start, end)), "Selection"), $"selection {start}..{end}");
            }
        }
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    [InlineData(-1e300)]
    public void HrvOverDays_ValuesOfAnyMagnitude_DrawFiniteCoordinates(double scale)
    {
        var start = new DateOnly(2026, 1, 1);
        var days = Enumerable.Range(0, 30).Select(i => new DailyValue(start.AddDays(i), scale * (4 + (0.2 * Math.Sin(i))))).ToList();
        var result = DailyBaseline.Compute(days);
        AssertFinite(Render<Components.HrvOverDays>(p => p.Add(c => c.Result, result).Add(c => c.Metric, "ln RMSSD")).Markup, $"scale {scale}");

        // ±1.7e308 alternating: the range is beyond the double range and left out; the values are drawn.
        var edge = DailyBaseline.Compute([.. Enumerable.Range(0, 30).Select(i => new DailyValue(start.AddDays(i), i % 2 == 0 ? 1.7e308 : -1.7e308))]);
        AssertFinite(Render<Components.HrvOverDays>(p => p.Add(c => c.Result, edge).Add(c => c.Metric, "x")).Markup, "±1.7e308");
    }

    [Fact]
    public void AttachmentQuadrant_AnyScaleOrScores_FiniteOrRefused()
    {
        foreach (var anxiety in Hostile.Where(double.IsFinite))
        {
            var assessments = new[] { new AttachmentAssessment("now", AttachmentStyles.Classify(anxiety, 3.5)) };
            foreach (var min in Hostile)
            {
                foreach (var max in Hostile)
                {
                    var markup = MarkupOrRefusal<Components.AttachmentQuadrant>(p => p.Add(c => c.Assessments, assessments).Add(c => c.ScaleMin, min).Add(c => c.ScaleMax, max), "ScaleMin", "ScaleMax");
                    AssertFinite(markup, $"anxiety {anxiety}, scale {min}..{max}");
                }
            }
        }
    }
}
