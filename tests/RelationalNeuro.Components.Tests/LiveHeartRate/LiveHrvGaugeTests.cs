using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Components;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components.Tests.LiveHeartRate;

/// <summary>
/// The gauge bound to an in-memory source the test feeds. Expected metrics are worked out by hand from the RR
/// values (the definitions are RollingHrv's: RMSSD over successive differences of adjacent accepted beats, SDNN with
/// N − 1, pNN50 strictly greater than 50 ms, heart rate 60 000 / RR). Time is a fake clock; nothing sleeps.
/// </summary>
public class LiveHrvGaugeTests : BunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ChannelRrSource _source = new();

    public LiveHrvGaugeTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        DefaultWaitTimeout = TimeSpan.FromSeconds(10); // beats cross threads; the shared CI cores can be slow
    }

    private IRenderedComponent<LiveHrvGauge> RenderLive(Action<ComponentParameterCollectionBuilder<LiveHrvGauge>>? more = null, int renderIntervalMilliseconds = 0) =>
        Render<LiveHrvGauge>(p =>
        {
            p.Add(g => g.Source, _source).Add(g => g.Format, "0.0").Add(g => g.RenderIntervalMilliseconds, renderIntervalMilliseconds);
            more?.Invoke(p);
        });

    private void Start(IRenderedComponent<LiveHrvGauge> cut)
    {
        cut.Find("button").Click();
        _source.WaitForOpenReaders(1);
    }

    private static string Text(IRenderedComponent<LiveHrvGauge> cut, string selector) => cut.Find(selector).TextContent.Trim();

    [Fact]
    public void Beats_FourKnownIntervals_GaugeShowsTheirRmssdAndHeartRate()
    {
        var cut = RenderLive();
        Start(cut);
        _source.Push(800, 810, 790, 820);

        // Differences 10, −20, 30 ms: RMSSD = √((100 + 400 + 900) / 3) = √466.67 = 21.60 ms.
        cut.WaitForAssertion(() => Assert.Equal("4", Text(cut, ".rn-live__beats")));
        var meter = cut.Find("[role=meter]");
        Assert.Equal("21.6", meter.GetAttribute("aria-valuenow"));
        Assert.Equal("21.6 ms", meter.GetAttribute("aria-valuetext"));
        Assert.Equal("21.6", Text(cut, ".rn-gauge__number"));
        Assert.Equal("73 bpm", Text(cut, ".rn-live__heart-rate")); // 60 000 / 820 = 73.2
        Assert.Equal("0", Text(cut, ".rn-live__rejected"));
        Assert.Equal(LiveHrvState.Running, cut.Instance.State);
        Assert.Equal("Stop", Text(cut, "button"));
    }

    [Fact]
    public void Beats_WithArtifacts_RejectedAreCountedAndBreakTheDifferenceChain()
    {
        var cut = RenderLive();
        Start(cut);
        // 1300 deviates from the reference median 805 by 495 ms > 20 % (161 ms); 250 is below the 300-ms minimum.
        // Accepted: 800, 810, 790, 820, 780; differences only between beats adjacent in the stream: 10 and 30 ms
        // (810→790 and 820→780 straddle a rejected beat). RMSSD = √((100 + 900) / 2) = √500 = 22.36 ms.
        _source.Push(800, 810, 1300, 790, 820, 250, 780);

        cut.WaitForAssertion(() => Assert.Equal("7", Text(cut, ".rn-live__beats")));
        Assert.Equal("2", Text(cut, ".rn-live__rejected"));
        Assert.Equal("22.4 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal("77 bpm", Text(cut, ".rn-live__heart-rate")); // 60 000 / 780 = 76.9
        Assert.Equal(2, cut.Instance.RejectedBeatCount);
        Assert.Equal(5, cut.Instance.Snapshot.BeatCount);
    }

    [Theory]
    [InlineData(LiveHrvMetric.Sdnn, new double[] { 800, 810, 790, 820 }, "12.9 ms", "SDNN")]          // √(500 / 3) = 12.91
    [InlineData(LiveHrvMetric.Pnn50, new double[] { 800, 900, 860, 880 }, "33.3 %", "pNN50")]       // |Δ| 100, 40, 20 → 1 of 3
    [InlineData(LiveHrvMetric.MeanHeartRate, new double[] { 750, 750, 750 }, "80.0 bpm", "Heart rate")] // 60 000 / 750
    public void Metric_OtherChoices_ShowTheirValueUnitAndName(LiveHrvMetric metric, double[] rr, string valueText, string label)
    {
        var cut = RenderLive(p => p.Add(g => g.Metric, metric));
        Start(cut);
        _source.Push(rr);
        cut.WaitForAssertion(() => Assert.Equal(rr.Length.ToString(CultureInfo.InvariantCulture), Text(cut, ".rn-live__beats")));
        var meter = cut.Find("[role=meter]");
        Assert.Equal(valueText, meter.GetAttribute("aria-valuetext"));
        Assert.Equal(label, meter.GetAttribute("aria-label"));
        Assert.Equal("Live " + label, cut.Find("section").GetAttribute("aria-label"));
    }

    [Fact]
    public void Stop_CancelsTheReadAndKeepsTheLastReading()
    {
        var cut = RenderLive();
        Start(cut);
        _source.Push(800, 810);
        cut.WaitForAssertion(() => Assert.Equal("2", Text(cut, ".rn-live__beats")));

        cut.Find("button").Click(); // Stop
        // Stop lets go of the source first, then renders the Stopped state: wait for that render.
        cut.WaitForAssertion(() => Assert.Equal("Start", Text(cut, "button")));
        _source.WaitForOpenReaders(0);
        Assert.Equal(1, _source.CancelledReads);
        Assert.Equal(LiveHrvState.Stopped, cut.Instance.State);
        Assert.Equal("10.0 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.StartsWith("Stopped. RMSSD 10.0 ms, heart rate 74 bpm, 2 beats, 0 rejected.", Text(cut, "[role=status]"), StringComparison.Ordinal);

        // Beats that arrive after Stop are not read.
        _source.Push(820);
        Assert.Equal("2", Text(cut, ".rn-live__beats"));
    }

    [Fact]
    public void Start_AgainAfterStop_BeginsAFreshWindow()
    {
        var cut = RenderLive();
        Start(cut);
        _source.Push(800, 810);
        cut.WaitForAssertion(() => Assert.Equal("2", Text(cut, ".rn-live__beats")));
        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Equal("Start", Text(cut, "button")));
        _source.WaitForOpenReaders(0);

        cut.Find("button").Click();
        _source.WaitForOpenReaders(1);
        Assert.Equal("0", Text(cut, ".rn-live__beats"));
        Assert.Equal("Waiting for beats", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        _source.Push(900, 940);
        cut.WaitForAssertion(() => Assert.Equal("40.0 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext")));
        Assert.Equal(2, _source.Reads);
    }

    [Fact]
    public async Task Dispose_WhileRunning_CancelsTheRead()
    {
        var cut = RenderLive();
        Start(cut);
        _source.Push(800);
        cut.WaitForAssertion(() => Assert.Equal("1", Text(cut, ".rn-live__beats")));

        await DisposeComponentsAsync();
        _source.WaitForOpenReaders(0);
        Assert.Equal(1, _source.CancelledReads);
    }

    [Fact]
    public void SourceEnds_StateIsCompletedAndAnnounced()
    {
        var cut = RenderLive();
        Start(cut);
        _source.Push(800, 810);
        _source.Complete();
        cut.WaitForAssertion(() => Assert.Equal(LiveHrvState.Completed, cut.Instance.State));
        Assert.Equal("The source ended.", Text(cut, ".rn-live__status"));
        Assert.Equal("The source ended. RMSSD 10.0 ms, heart rate 74 bpm, 2 beats, 0 rejected.", Text(cut, "[role=status]"));
        Assert.Equal("Start", Text(cut, "button"));
    }

    [Fact]
    public void SourceFails_StateIsFailedWithTheReason_NothingIsThrown()
    {
        var cut = RenderLive();
        Start(cut);
        _source.Push(800);
        _source.Complete(new InvalidOperationException("strap out of range"));
        cut.WaitForAssertion(() => Assert.Equal(LiveHrvState.Failed, cut.Instance.State));
        Assert.Equal("The source failed: strap out of range", Text(cut, ".rn-live__status"));
        Assert.Contains("rn-live--failed", cut.Find("section").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_BeatsInsideTheInterval_RenderOnceAtItsEnd()
    {
        var cut = RenderLive(renderIntervalMilliseconds: 250);
        Start(cut);
        _source.Push(800);
        cut.WaitForAssertion(() => Assert.Equal("1", Text(cut, ".rn-live__beats"))); // first beat renders at once

        _source.Push(810, 790); // same instant on the fake clock: analysed, not yet rendered
        // Throttled beats do not render, so poll the analyzer's count rather than wait for a render.
        Assert.True(SpinWait.SpinUntil(() => cut.Instance.BeatCount == 3, TimeSpan.FromSeconds(10)), "the beats were not analysed");
        Assert.Equal("1", Text(cut, ".rn-live__beats"));
        Assert.Equal("Waiting for beats", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));

        await cut.InvokeAsync(() => _clock.Advance(TimeSpan.FromMilliseconds(249)));
        Assert.Equal("1", Text(cut, ".rn-live__beats"));
        await cut.InvokeAsync(() => _clock.Advance(TimeSpan.FromMilliseconds(1)));
        cut.WaitForAssertion(() => Assert.Equal("3", Text(cut, ".rn-live__beats")));
        Assert.Equal("15.8 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext")); // √((100 + 400) / 2) = 15.81
    }

    [Fact]
    public async Task LiveRegion_AnnouncesStateChanges_AndASummaryAtMostEveryInterval()
    {
        var cut = RenderLive(p => p.Add(g => g.AnnouncementIntervalSeconds, 10));
        Assert.Equal("", Text(cut, "[role=status]"));
        Start(cut);
        Assert.Equal("Running.", Text(cut, "[role=status]"));

        _source.Push(800, 810);
        cut.WaitForAssertion(() => Assert.Equal("2", Text(cut, ".rn-live__beats")));
        Assert.Equal("Running.", Text(cut, "[role=status]")); // beats alone do not announce

        // Awaited: the clock must have moved before the beat arrives (a fresh-clone run once saw the beat first).
        await cut.InvokeAsync(() => _clock.Advance(TimeSpan.FromSeconds(10)));
        _source.Push(790);
        cut.WaitForAssertion(() => Assert.Equal("3", Text(cut, ".rn-live__beats")));
        // Differences 10 and −20 ms: √250 = 15.81; heart rate 60 000 / 790 = 75.9.
        Assert.Equal("RMSSD 15.8 ms, heart rate 76 bpm, 3 beats, 0 rejected.", Text(cut, "[role=status]"));

        await cut.InvokeAsync(() => _clock.Advance(TimeSpan.FromSeconds(9)));
        _source.Push(820);
        cut.WaitForAssertion(() => Assert.Equal("4", Text(cut, ".rn-live__beats")));
        Assert.Equal("RMSSD 15.8 ms, heart rate 76 bpm, 3 beats, 0 rejected.", Text(cut, "[role=status]")); // 9 s < 10 s
    }

    [Fact]
    public void AutoStart_StartsOnceInteractive_AndANewSourceReplacesTheOld()
    {
        var cut = RenderLive(p => p.Add(g => g.AutoStart, true).Add(g => g.ShowControls, false));
        _source.WaitForOpenReaders(1);
        Assert.Empty(cut.FindAll("button"));

        var next = new ChannelRrSource();
        cut.Render(p => p.Add(g => g.Source, next));
        cut.WaitForAssertion(() => Assert.Equal(LiveHrvState.Running, cut.Instance.State));
        next.WaitForOpenReaders(1);
        _source.WaitForOpenReaders(0);
        Assert.Equal(1, _source.CancelledReads);
        next.Push(800, 830);
        cut.WaitForAssertion(() => Assert.Equal("30.0 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext")));
    }

    [Fact]
    public void NoSource_StartIsDisabledAndTheGaugeSaysNotStarted()
    {
        var cut = Render<LiveHrvGauge>();
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.Equal("Not started", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal(LiveHrvState.Idle, cut.Instance.State);
    }

    [Fact]
    public void Options_AreUsedForTheWindow()
    {
        // A 2-beat window keeps only the last difference: 800, 810, 850 → window {810, 850}, RMSSD 40 ms.
        var cut = RenderLive(p => p.Add(g => g.Options, new RollingHrvOptions { Window = RollingWindow.OfBeats(2) }));
        Start(cut);
        _source.Push(800, 810, 850);
        cut.WaitForAssertion(() => Assert.Equal("40.0 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext")));
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            var cut = RenderLive();
            Start(cut);
            _source.Push(800, 810, 790, 820);
            cut.WaitForAssertion(() => Assert.Equal("21.6 ms", cut.Find("[role=meter]").GetAttribute("aria-valuetext")));
            Assert.DoesNotContain("21,6", cut.Markup, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Render_ClassAndAttributesLandOnTheSection_NoStyleAttribute()
    {
        var cut = RenderLive(p => p.Add(g => g.Class, "mine").AddUnmatched("id", "live"));
        var section = cut.Find("section");
        Assert.Contains("mine", section.ClassList);
        Assert.Equal("live", section.Id);
        Assert.Empty(cut.FindAll("[style]"));
    }

    [Theory]
    [InlineData(-1, 10, "RenderIntervalMilliseconds")]
    [InlineData(250, 0, "AnnouncementIntervalSeconds")]
    public void Render_InvalidIntervals_ThrowNamingTheParameter(int renderMs, int announceSeconds, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Render<LiveHrvGauge>(p => p
            .Add(g => g.RenderIntervalMilliseconds, renderMs).Add(g => g.AnnouncementIntervalSeconds, announceSeconds)));
        Assert.Equal(name, ex.ParamName);
    }
}
