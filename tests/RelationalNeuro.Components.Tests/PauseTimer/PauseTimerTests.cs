using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Components;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Components.Tests.PauseTimer;

/// <summary>
/// The timer runs on a fake clock: every test advances time explicitly, none sleeps. Expected positions are
/// worked out from the pattern's phase durations (box breathing: 4 s in, 4 s hold, 4 s out, 4 s rest).
/// </summary>
public class PauseTimerTests : BunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public PauseTimerTests() => Services.AddSingleton<TimeProvider>(_clock);

    private IRenderedComponent<Components.PauseTimer> RenderTimer(BreathingPattern pattern, int? cycles = null,
        Action<ComponentParameterCollectionBuilder<Components.PauseTimer>>? more = null) =>
        Render<Components.PauseTimer>(p =>
        {
            p.Add(t => t.Pattern, pattern).Add(t => t.Cycles, cycles);
            more?.Invoke(p);
        });

    // Steps the clock in whole ticks (no floating-point accumulation), letting the widget's timer fire as it would.
    private void Advance(IRenderedComponent<Components.PauseTimer> cut, double seconds, double step = 0.1)
    {
        var remaining = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        var stepTicks = (long)Math.Round(step * TimeSpan.TicksPerSecond);
        while (remaining > 0)
        {
            var ticks = Math.Min(stepTicks, remaining);
            cut.InvokeAsync(() => _clock.Advance(TimeSpan.FromTicks(ticks))).GetAwaiter().GetResult();
            remaining -= ticks;
        }
    }

    [Fact]
    public void Render_BoxTwoSecondsIntoTheFirstInhale_MatchesHandDerivedSnapshot()
    {
        // Snapshots/PauseTimer.box-running-2s.html, worked from the widget's geometry, not copied from output:
        // ring r = MaxRadius 88; box breathing has no top-up, so the inhale grows from MinRadius 38 towards
        // 38 + 0.85 × (88 − 38) = 80.5 over 0.85 of its span: r = 38 + 0.5 × 42.5 / 0.85 = 63 at half the 4-s phase.
        // Count-down ceil(4 − 2) = 2; progress 2 of 3 × 16 = 48 s, round(100 × 2 / 48) = 4 %; the live region holds
        // the phase announcement "Breathe in, 4 seconds".
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 3);
        cut.Find("button").Click();
        Advance(cut, 2);

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "PauseTimer.box-running-2s.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_BeforeStart_ListsThePatternStepsAndOffersStart()
    {
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 3);
        Assert.Equal(["Breathe in 4 seconds", "Hold 4 seconds", "Breathe out 4 seconds", "Rest 4 seconds"],
            cut.FindAll(".rn-pause__step").Select(li => li.TextContent.Trim().Replace("\n", " ", StringComparison.Ordinal)).Select(s => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("Start", cut.Find("button").TextContent);
        Assert.Equal("3 breaths, 48 seconds", cut.Find(".rn-pause__progress span").TextContent);
        Assert.Equal("Box breathing 4-4-4-4 pacer", cut.Find("section").GetAttribute("aria-label"));
    }

    [Fact]
    public void Start_ThenTime_WalksThroughThePhasesWithCountDownAndAnnouncements()
    {
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 2);
        cut.Find("button").Click();
        Assert.Equal("Breathe in", cut.Find(".rn-pause__phase").TextContent);
        Assert.Equal("4", cut.Find(".rn-pause__count").TextContent);
        Assert.Equal("Breathe in, 4 seconds", cut.Find("[role=status]").TextContent);

        Advance(cut, 1.5);                                        // 2.5 s left → shows 3
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find(".rn-pause__count").TextContent));

        Advance(cut, 3.0);                                        // t = 4.5 s: hold, 3.5 s left
        cut.WaitForAssertion(() => Assert.Equal("Hold", cut.Find(".rn-pause__phase").TextContent));
        Assert.Equal("4", cut.Find(".rn-pause__count").TextContent);
        Assert.Equal("Hold, 4 seconds", cut.Find("[role=status]").TextContent);
        Assert.Equal("step", cut.FindAll(".rn-pause__step")[1].GetAttribute("aria-current"));

        Advance(cut, 12.0);                                       // t = 16.5 s: second breath, breathing in
        cut.WaitForAssertion(() => Assert.Equal("Breath 2 of 2", cut.Find(".rn-pause__progress span").TextContent));
        Assert.Equal("Breathe in", cut.Find(".rn-pause__phase").TextContent);
    }

    [Fact]
    public void Events_PhaseChangesAndCompletion_AreRaisedOnceEach_WithTheSummary()
    {
        var phases = new List<(int Cycle, BreathPhaseKind Kind)>();
        BreathingSessionSummary? summary = null;
        var completions = 0;
        var cut = RenderTimer(BreathingPatterns.FourSevenEightDefault, cycles: 2, p => p
            .Add(t => t.OnPhaseChanged, pos => phases.Add((pos.Cycle, pos.Phase.Kind)))
            .Add(t => t.OnCompleted, s => { summary = s; completions++; }));
        cut.Find("button").Click();
        Advance(cut, 40.0);                                       // 2 × 19 s = 38 s, then 2 s more

        Assert.Equal(
            [(0, BreathPhaseKind.Inhale), (0, BreathPhaseKind.Hold), (0, BreathPhaseKind.Exhale),
             (1, BreathPhaseKind.Inhale), (1, BreathPhaseKind.Hold), (1, BreathPhaseKind.Exhale)],
            phases);
        Assert.Equal(1, completions);
        Assert.NotNull(summary);
        Assert.Equal("4-7-8", summary.PatternId);
        Assert.Equal(2, summary.CyclesCompleted);
        Assert.Equal(TimeSpan.FromSeconds(38), summary.Breathing);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 38, TimeSpan.Zero), summary.EndedAt);
        Assert.Equal("Done", cut.Find(".rn-pause__phase").TextContent);
        Assert.Equal("Again", cut.Find("button").TextContent);
    }

    [Fact]
    public void PauseAndResume_TimeWhilePausedDoesNotCount()
    {
        BreathingSessionSummary? summary = null;
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 1, p => p.Add(t => t.OnCompleted, s => summary = s));
        cut.Find("button").Click();
        Advance(cut, 5.0);                                        // hold, 3 s left
        cut.Find("button").Click();                               // Pause
        Assert.Equal("Paused · Hold", cut.Find(".rn-pause__phase").TextContent);
        Advance(cut, 60.0);                                       // a minute away
        Assert.Equal("Paused · Hold", cut.Find(".rn-pause__phase").TextContent);
        Assert.Equal("3", cut.Find(".rn-pause__count").TextContent);

        cut.Find("button").Click();                               // Resume
        Advance(cut, 11.0);                                       // 16 s of breathing in all
        cut.WaitForAssertion(() => Assert.NotNull(summary));
        Assert.Equal(TimeSpan.FromSeconds(16), summary!.Breathing);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 1, 16, TimeSpan.Zero), summary.EndedAt);
    }

    [Fact]
    public void Reset_ReturnsToReady()
    {
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 1);
        cut.Find("button").Click();
        Advance(cut, 2.0);
        cut.FindAll("button")[1].Click();                         // Reset
        Assert.Equal("Ready", cut.Find(".rn-pause__phase").TextContent);
        Assert.Equal("Start", cut.Find("button").TextContent);
        Advance(cut, 5.0);
        Assert.Equal("Ready", cut.Find(".rn-pause__phase").TextContent);
    }

    [Fact]
    public void TenMinuteSession_WithAJitteryDisplayTimer_HasNoCumulativeDrift()
    {
        // Resonance breathing 6/min: 5 s in, 5 s out; 60 cycles = 600 s. The display refresh is stepped in uneven
        // increments (0.137 s); the position must still be exact at known instants.
        var completed = false;
        var cut = RenderTimer(BreathingPatterns.Resonance6, cycles: 60, p => p.Add(t => t.OnCompleted, _ => completed = true));
        cut.Find("button").Click();
        Advance(cut, 597.5, step: 0.137);                          // ≈ t = 597.5: cycle 59, breathing out, 2.5 s left
        cut.WaitForAssertion(() => Assert.Equal("Breath 60 of 60", cut.Find(".rn-pause__progress span").TextContent));
        Assert.Equal("Breathe out", cut.Find(".rn-pause__phase").TextContent);
        var left = cut.Instance.Position.SecondsLeftInPhase;
        var elapsed = (_clock.GetUtcNow() - new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)).TotalSeconds;
        Assert.Equal(600 - elapsed, left, 1e-6);                  // exactly what the clock says, not the tick count
        Assert.False(completed);
        Advance(cut, 3.0, step: 0.137);
        cut.WaitForAssertion(() => Assert.True(completed));
    }

    [Fact]
    public void ReducedMotion_ShapeStaysStill_TimingStaysVisible()
    {
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 1, p => p.Add(t => t.ReducedMotion, true));
        cut.Find("button").Click();
        var radius = cut.Find(".rn-pause__shape").GetAttribute("r");
        Advance(cut, 2.0);
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".rn-pause__count").TextContent));
        Assert.Equal(radius, cut.Find(".rn-pause__shape").GetAttribute("r"));
        Assert.Contains("rn-pause--still", cut.Find("section").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void BreathShape_GrowsOnInhale_ShrinksOnExhale()
    {
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 1);
        cut.Find("button").Click();
        Assert.Equal("38", cut.Find(".rn-pause__shape").GetAttribute("r"));       // start of inhale: minimum radius
        Advance(cut, 2.0);
        cut.WaitForAssertion(() => Assert.Equal("63", cut.Find(".rn-pause__shape").GetAttribute("r"))); // half way: (38 + 88) / 2
        Advance(cut, 8.0);                                                        // t = 10: exhale, half way
        cut.WaitForAssertion(() => Assert.Equal("63", cut.Find(".rn-pause__shape").GetAttribute("r")));
        Assert.Contains("rn-pause__shape--exhale", cut.Find(".rn-pause__shape").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            var cut = RenderTimer(BreathingPatterns.Resonance(5.5), cycles: 2);
            Assert.Contains("5.5 Sekunden", cut.Markup, StringComparison.Ordinal);  // 60 / 5.5 / 2 = 5.4545… → "5.5"; the word follows the UI culture
            cut.Find("button").Click();
            Advance(cut, 1.3);
            cut.WaitForAssertion(() => Assert.DoesNotMatch(@"r=""\d+,\d", cut.Markup));
            Assert.Matches(@"<progress max=""21.82"" value=""1.3""", cut.Markup);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void InvalidParameters_ThrowNamingTheParameter()
    {
        Assert.Equal("Pattern", Assert.Throws<ArgumentNullException>(() => Render<Components.PauseTimer>()).ParamName);
        var broken = BreathingPatterns.Box4 with { Phases = [new(BreathPhaseKind.Inhale, 0)] };
        Assert.Equal("Pattern", Assert.Throws<ArgumentException>(() => RenderTimer(broken)).ParamName);
        Assert.Equal("Cycles", Assert.Throws<ArgumentOutOfRangeException>(() => RenderTimer(BreathingPatterns.Box4, cycles: 0)).ParamName);
    }

    [Fact]
    public async Task Dispose_StopsTheTimer()
    {
        var completed = false;
        var cut = RenderTimer(BreathingPatterns.Box4, cycles: 1, p => p.Add(t => t.OnCompleted, _ => completed = true));
        cut.Find("button").Click();
        await DisposeComponentsAsync();
        Advance(cut, 20.0);                                        // no callback into a disposed component
        Assert.False(completed);
    }

    [Fact]
    public void Markup_HasNoStyleAttribute() =>
        Assert.Empty(RenderTimer(BreathingPatterns.CyclicSigh).FindAll("[style]"));
}
