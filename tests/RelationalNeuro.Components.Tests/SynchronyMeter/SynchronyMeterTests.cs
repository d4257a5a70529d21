using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Components.Tests.LiveHeartRate;
using RelationalNeuro.Components.Tests.Localization;

namespace RelationalNeuro.Components.Tests.SynchronyMeter;

/// <summary>
/// The synchrony meter: a given reading drawn and read out (hand-derived geometry and words), and two in-memory sources
/// fed beat by beat through the live engine. Time is a fake clock; nothing sleeps.
/// </summary>
public sealed class SynchronyMeterTests : BunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ChannelRrSource _a = new();
    private readonly ChannelRrSource _b = new();

    public SynchronyMeterTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        DefaultWaitTimeout = TimeSpan.FromSeconds(20); // beats cross threads; the shared cores can be slow
    }

    private IRenderedComponent<Components.SynchronyMeter> RenderReading(double? value, double? low, double? high, double? lag) =>
        Render<Components.SynchronyMeter>(p => p
            .Add(c => c.Value, value).Add(c => c.ChanceLow, low).Add(c => c.ChanceHigh, high).Add(c => c.LagSeconds, lag)
            .Add(c => c.NameA, "the therapist").Add(c => c.NameB, "the client"));

    private IRenderedComponent<Components.SynchronyMeter> RenderLive(Action<ComponentParameterCollectionBuilder<Components.SynchronyMeter>>? more = null) =>
        Render<Components.SynchronyMeter>(p =>
        {
            p.Add(c => c.SourceA, _a).Add(c => c.SourceB, _b).Add(c => c.RenderIntervalMilliseconds, 0);
            more?.Invoke(p);
        });

    private static string Text(IRenderedComponent<Components.SynchronyMeter> cut, string selector) => cut.Find(selector).TextContent.Trim();

    [Fact]
    public void Render_AboveChanceWithLag_MatchesHandDerivedSnapshot()
    {
        var cut = RenderReading(0.42, 0.12, 0.31, 2);

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "SynchronyMeter.above-chance.html"));
        cut.Find("[role=meter]").MarkupMatches(expected);
        Assert.Contains("rn-sync-meter--above", cut.Find("section").GetAttribute("class"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button")); // no sources: a reading, no controls
    }

    [Theory]
    [InlineData(0.2, -2.5, "0.20 mean |z|, within chance (chance band 0.12 to 0.31); the therapist follows the client by about 2.5 seconds", "rn-sync-meter--within")]
    [InlineData(0.05, 0.3, "0.05 mean |z|, below chance (chance band 0.12 to 0.31); in step (within 0.5 seconds)", "rn-sync-meter--below")]
    [InlineData(1.7, null, "1.70 mean |z|, above chance (chance band 0.12 to 0.31); lead and lag not known yet", "rn-sync-meter--above")]
    public void Render_Readings_SpeakStandingAndLagInWords(double value, double? lag, string valueText, string stateClass)
    {
        var cut = RenderReading(value, 0.12, 0.31, lag);

        var meter = cut.Find("[role=meter]");
        Assert.Equal(valueText, meter.GetAttribute("aria-valuetext"));
        Assert.Equal(Math.Min(value, 1).ToString(System.Globalization.CultureInfo.InvariantCulture), meter.GetAttribute("aria-valuenow"));
        Assert.Contains(stateClass, cut.Find("section").GetAttribute("class"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoReading_SaysSoAndDrawsNoFill()
    {
        var cut = RenderReading(double.NaN, null, null, null);

        var meter = cut.Find("[role=meter]");
        Assert.Equal("No reading yet; lead and lag not known yet", meter.GetAttribute("aria-valuetext"));
        Assert.Equal("0", meter.GetAttribute("aria-valuenow"));
        Assert.Equal("0", cut.Find(".rn-sync-meter__fill").GetAttribute("width"));
        Assert.Empty(cut.FindAll(".rn-sync-meter__band"));
        Assert.Empty(cut.FindAll(".rn-sync-meter__lag-marker"));
    }

    [Fact]
    public void Render_BadScale_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Render<Components.SynchronyMeter>(p => p.Add(c => c.Max, 0)));
        Assert.Equal("Max", ex.ParamName);
    }

    [Fact]
    public void Render_UnderGerman_GermanWordsAndInvariantNumbers()
    {
        using var culture = new UiCulture("de-DE");

        var cut = RenderReading(0.5, 0.125, 0.25, 1.5);

        var meter = cut.Find("[role=meter]");
        Assert.Equal("0.5", meter.GetAttribute("aria-valuenow"));
        // 0.125 → "0.13" (away from zero as .NET's "0.00"), never "0,13".
        Assert.Equal("0.50 mittleres |z|, über dem Zufall (Zufallsband 0.13 bis 0.25); the client folgt the therapist mit etwa 1.5 Sekunden Abstand", meter.GetAttribute("aria-valuetext"));
        Assert.Equal("Synchronie", meter.GetAttribute("aria-label"));
        // Band 0.125–0.25: x 16 + 288·0.125 = 52, width 36; lag 1.5 of 3 s: 160 + 144·0.5 = 232.
        Assert.Equal("52", cut.Find(".rn-sync-meter__band").GetAttribute("x"));
        Assert.Equal("36", cut.Find(".rn-sync-meter__band").GetAttribute("width"));
        Assert.Equal("232", cut.Find(".rn-sync-meter__lag-marker").GetAttribute("cx"));
    }

    [Fact]
    public void Live_TwoSources_MeterFollowsTheKnownLag()
    {
        var cut = RenderLive();
        cut.Find("button").Click();
        _a.WaitForOpenReaders(1);
        _b.WaitForOpenReaders(1);

        // B's intervals are A's three beats later: B follows A by about 3 × 0.8 = 2.4 s (a 31-beat wave, so one peak in ±3 s).
        for (var k = 0; k < 60; k++)
        {
            _a.Push(800 + (40 * Math.Sin(k / 5.0)));
            _b.Push(800 + (40 * Math.Sin((k - 3) / 5.0)));
        }

        cut.WaitForAssertion(() => Assert.Equal("60", Text(cut, ".rn-sync-meter__beats-b")));
        cut.WaitForAssertion(() => Assert.StartsWith("B follows A by about 2", Text(cut, ".rn-sync-meter__lag"), StringComparison.Ordinal));
        var meter = cut.Find("[role=meter]");
        Assert.NotEqual("0", meter.GetAttribute("aria-valuenow"));
        Assert.Contains("chance band not known yet", meter.GetAttribute("aria-valuetext"), StringComparison.Ordinal);
        Assert.Equal(60, cut.Instance.RrMsA.Count);
    }

    [Fact]
    public void Live_EnoughSegments_ChanceBandAppears_AndBothEndingCompletes()
    {
        // The callback runs on the renderer's thread after State is set, so the list is read under its lock, after waiting.
        var states = new List<LiveHrvState>();
        var cut = RenderLive(p => p.Add(c => c.OnStateChanged, s =>
        {
            lock (states)
            {
                states.Add(s);
            }
        }));
        cut.Find("button").Click();
        _b.WaitForOpenReaders(1);

        // 200 beats of about 0.8 s: 160 s, more than four 30-s segments. In chunks of 20 (16 s), so neither member runs more
        // than the engine's 60 s ahead of the other, as two straps never do.
        for (var k = 0; k < 200; k++)
        {
            _a.Push(800 + (40 * Math.Sin(k / 5.0)) + (15 * Math.Cos(k / 1.7)));
            _b.Push(800 + (40 * Math.Sin((k - 3) / 5.0)) + (15 * Math.Sin(k / 2.3)));
            if (k % 20 == 19)
            {
                var beats = k + 1;
                cut.WaitForAssertion(() => Assert.Equal((beats, beats), (cut.Instance.Snapshot.BeatsA, cut.Instance.Snapshot.BeatsB)));
            }
        }

        _a.Complete();
        _b.Complete();

        cut.WaitForAssertion(() => Assert.Equal(LiveHrvState.Completed, cut.Instance.State));
        Assert.NotNull(cut.Instance.LiveChanceBand);
        var (low, high) = cut.Instance.LiveChanceBand!.Value;
        Assert.True(low <= high, $"band {low}..{high}");
        Assert.Contains("chance band", Text(cut, ".rn-sync-meter__status"), StringComparison.Ordinal);
        Assert.Equal("Both recordings ended.", Text(cut, ".rn-sync-meter__state"));
        // Polled, not WaitForAssertion: the callback can run after the render bUnit last checked on, and nothing renders after it.
        SpinWait.SpinUntil(() =>
        {
            lock (states)
            {
                return states.Count >= 2;
            }
        }, TimeSpan.FromSeconds(20));
        lock (states)
        {
            Assert.Equal([LiveHrvState.Running, LiveHrvState.Completed], states);
        }
        Assert.Empty(cut.Instance.Snapshot.Problems); // no grid sample was dropped
    }

    [Fact]
    public void Live_OneSourceFails_TheOtherIsReleasedAndTheFailureShown()
    {
        var cut = RenderLive();
        cut.Find("button").Click();
        _a.WaitForOpenReaders(1);
        _b.WaitForOpenReaders(1);

        _a.Complete(new InvalidOperationException("strap lost"));

        cut.WaitForAssertion(() => Assert.Equal(LiveHrvState.Failed, cut.Instance.State));
        Assert.Equal("A source failed: strap lost", Text(cut, ".rn-sync-meter__state"));
        _b.WaitForOpenReaders(0);
    }

    [Fact]
    public async Task Live_Stop_ReleasesBothSources()
    {
        var cut = RenderLive();
        cut.Find("button").Click();
        _a.WaitForOpenReaders(1);
        _b.WaitForOpenReaders(1);

        await cut.InvokeAsync(() => cut.Instance.StopAsync());

        Assert.Equal(0, _a.OpenReaders);
        Assert.Equal(0, _b.OpenReaders);
        Assert.Equal(LiveHrvState.Stopped, cut.Instance.State);
        Assert.Equal("Start", Text(cut, "button"));
    }
}
