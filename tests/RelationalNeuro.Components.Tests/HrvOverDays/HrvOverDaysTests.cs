using RelationalNeuro.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components.Tests.HrvOverDays;

public class HrvOverDaysTests : BunitContext
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private static readonly DailyBaselineOptions Small = new()
    {
        BaselineDays = 3,
        MinimumBaselineDays = 2,
        NormalRangeDays = 5,
        MinimumNormalRangeDays = 4,
        WidthStandardDeviations = 1,
    };

    // The DailyBaselineTests worked example, without the duplicate and the NaN (Jan 3 and Jan 6 absent).
    private static DailyBaselineResult Example() => DailyBaseline.Compute(
        [
            new(Jan1, 4.0), new(Jan1.AddDays(1), 4.2), new(Jan1.AddDays(3), 3.8),
            new(Jan1.AddDays(4), 4.4), new(Jan1.AddDays(6), 3.0), new(Jan1.AddDays(7), 2.6),
        ],
        Small);

    [Fact]
    public void Render_EightDays_MatchesHandDerivedSnapshot()
    {
        var cut = Render<Components.HrvOverDays>(p => p.Add(c => c.Result, Example()).AddUnmatched("id", "days"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "HrvOverDays.eight-days.html"));
        cut.MarkupMatches(expected);
    }

    // A stable fortnight then a drop (the DailyBaselineTests case): the latest baseline is below the range, in words and shape.
    [Fact]
    public void Render_Drop_ReadsBelowYourUsualRange()
    {
        var input = Enumerable.Range(0, 14).Select(d => new DailyValue(Jan1.AddDays(d), d % 2 == 0 ? 4.0 : 4.2))
            .Concat(Enumerable.Range(14, 3).Select(d => new DailyValue(Jan1.AddDays(d), 3.5)))
            .ToList();
        var cut = Render<Components.HrvOverDays>(p => p.Add(c => c.Result, DailyBaseline.Compute(input)));

        var desc = cut.Find("desc").TextContent;
        Assert.Contains("On 2026-01-17 the 7-day baseline 3.84 is below your usual range 3.87 to 4.12.", desc, StringComparison.Ordinal);
        Assert.Contains("The usual range is the 60-day mean ± 0.5 SD.", desc, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll(".rn-hrvdays__day--below").Count);
    }

    [Fact]
    public void Render_TooFewDays_SaysARangeIsStillComing()
    {
        var cut = Render<Components.HrvOverDays>(p => p.Add(c => c.Result, DailyBaseline.Compute([new(Jan1, 4.0), new(Jan1.AddDays(1), 4.1)])));
        Assert.EndsWith("No usual range yet: it needs 14 measurements within 60 days.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".rn-hrvdays__range"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoResult_SaysSo()
    {
        var cut = Render<Components.HrvOverDays>(p => p.Add(c => c.Result, null));
        Assert.Equal("ln RMSSD: no measurements yet.", cut.Find("desc").TextContent);
        Assert.Empty(cut.FindAll("[style]"));
    }

    [Fact]
    public void Render_UnderGerman_WordsGermanNumbersInvariant()
    {
        using var culture = new UiCulture("de-DE");
        var cut = Render<Components.HrvOverDays>(p => p.Add(c => c.Result, Example()));
        Assert.Equal("ln RMSSD über die Tage", cut.Find("title").TextContent);
        Assert.Contains("Am 2026-01-08 liegt der 3-Tage-Ausgangswert 2.8 innerhalb des üblichen Bereichs 2.64 bis 4.26.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal("fehlt", cut.FindAll("tbody tr")[2].Children[1].TextContent);
        Assert.DoesNotContain("2,64", cut.Markup, StringComparison.Ordinal);
    }
}
