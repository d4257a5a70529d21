using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Components.Tests.FeelingsWheel;
using RelationalNeuro.Components.Tests.LiveHeartRate;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Components.Tests.Localization;

/// <summary>
/// Every widget rendered under de-DE: its own words come from the German resources (written by hand here, not
/// copied from the .resx), numbers stay invariant, and words that come from Core (pattern names, feeling labels the
/// taxonomy has only in English) stay as Core gives them. The host registers localization the way apps do, through
/// AddRelationalNeuroComponents(); <see cref="WidgetConventionsTests"/> covers a host that does not.
/// </summary>
public sealed class GermanWidgetTests : BunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly UiCulture _culture = new("de-DE");

    public GermanWidgetTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddRelationalNeuroComponents();
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected override void Dispose(bool disposing)
    {
        _culture.Dispose();
        base.Dispose(disposing);
    }

    private static string Text<T>(IRenderedComponent<T> cut, string selector) where T : IComponent =>
        string.Join(' ', cut.Find(selector).TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string[] Buttons<T>(IRenderedComponent<T> cut) where T : IComponent => [.. cut.FindAll("button").Select(b => b.TextContent.Trim())];

    private void Advance<T>(IRenderedComponent<T> cut, double seconds) where T : IComponent
    {
        for (var i = 0; i < (int)Math.Round(seconds * 10); i++)
        {
            cut.InvokeAsync(() => _clock.Advance(TimeSpan.FromMilliseconds(100))).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public void PauseTimer_UnderGerman_SaysEveryStateInGerman()
    {
        var cut = Render<Components.PauseTimer>(p => p.Add(t => t.Pattern, BreathingPatterns.Box4).Add(t => t.Cycles, 3));

        Assert.Equal(["Einatmen 4 Sekunden", "Halten 4 Sekunden", "Ausatmen 4 Sekunden", "Ruhen 4 Sekunden"],
            cut.FindAll(".rn-pause__step").Select(s => string.Join(' ', s.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("Bereit", Text(cut, ".rn-pause__phase"));
        Assert.Equal("16 Sekunden pro Atemzug", Text(cut, ".rn-pause__count"));      // box: 4 × 4 s
        Assert.Equal("3 Atemzüge, 48 Sekunden", Text(cut, ".rn-pause__progress > span"));
        Assert.Equal("Fortschritt der Sitzung", cut.Find("progress").GetAttribute("aria-label"));
        Assert.Equal($"Atemtakt: {BreathingPatterns.Box4.Name}", cut.Find("section").GetAttribute("aria-label")); // the name is Core's
        Assert.Equal(["Start"], Buttons(cut));

        cut.Find("button").Click();
        Advance(cut, 1);
        cut.WaitForAssertion(() => Assert.Equal("Einatmen, 4 Sekunden", Text(cut, "[role=status]")));
        Assert.Equal("Einatmen", Text(cut, ".rn-pause__phase"));
        Assert.Equal("Atemzug 1 von 3", Text(cut, ".rn-pause__progress > span"));
        Assert.Equal(["Pause", "Zurücksetzen"], Buttons(cut));

        cut.Find("button").Click(); // Pause
        Assert.Equal("Pausiert · Einatmen", Text(cut, ".rn-pause__phase"));
        Assert.Equal("Pausiert", Text(cut, "[role=status]"));
        Assert.Equal(["Fortsetzen", "Zurücksetzen"], Buttons(cut));

        cut.Find("button").Click(); // Resume
        Advance(cut, 4);            // t = 5 s: the hold
        cut.WaitForAssertion(() => Assert.Equal("Halten, 4 Sekunden", Text(cut, "[role=status]")));
        Advance(cut, 44);           // t = 49 s > 48 s
        cut.WaitForAssertion(() => Assert.Equal("Fertig. Gut geatmet.", Text(cut, "[role=status]")));
        Assert.Equal("Fertig", Text(cut, ".rn-pause__phase"));
        Assert.Equal(["Noch einmal"], Buttons(cut));
    }

    [Fact]
    public void PauseTimer_UnderGerman_OneSecondIsSingular_AndDecimalsStayInvariant()
    {
        var pattern = new BreathingPattern
        {
            Id = "one-and-a-half",
            Name = "Test",
            Phases = [new BreathPhase(BreathPhaseKind.Inhale, 1), new BreathPhase(BreathPhaseKind.InhaleTopUp, 0.5), new BreathPhase(BreathPhaseKind.Exhale, 1.5)],
            DefaultCycles = 1,
        };
        var cut = Render<Components.PauseTimer>(p => p.Add(t => t.Pattern, pattern));
        Assert.Equal(["Einatmen 1 Sekunde", "Nachatmen 0.5 Sekunden", "Ausatmen 1.5 Sekunden"],
            cut.FindAll(".rn-pause__step").Select(s => string.Join(' ', s.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("1 Atemzug, 3 Sekunden", Text(cut, ".rn-pause__progress > span"));
    }

    [Fact]
    public void HrvGauge_UnderGerman_NoReadingAndOffScale_AreGerman()
    {
        var empty = Render<Components.HrvGauge>(p => p.Add(g => g.Value, null));
        Assert.Equal("Noch kein Messwert", empty.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal("Noch kein Messwert", Text(empty, ".rn-gauge__status"));

        var above = Render<Components.HrvGauge>(p => p.Add(g => g.Value, 212.5).Add(g => g.Format, "0.0"));
        Assert.Equal("212.5 ms, oberhalb der Skala", above.Find("[role=meter]").GetAttribute("aria-valuetext"));

        var below = Render<Components.HrvGauge>(p => p.Add(g => g.Value, 5).Add(g => g.Min, 10));
        Assert.Equal("5 ms, unterhalb der Skala", below.Find("[role=meter]").GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void FeelingsWheel_Interactive_UnderGerman_NamesHintsZoomAndSelectionAreGerman()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = Render<Components.FeelingsWheel>(p => p.Add(w => w.Taxonomy, FeelingsWheelTests.Mini));

        Assert.Equal("Ein Gefühl auswählen", cut.Find("svg").GetAttribute("aria-label"));
        Assert.Equal("Noch nichts ausgewählt.", Text(cut, ".rn-wheel__status"));
        Assert.Equal("↑ ↓ im Ring weiter · → genauer · ← allgemeiner · Eingabetaste wählt aus · + vergrößern · − verkleinern", Text(cut, ".rn-wheel__hint"));
        Assert.Equal("Sad vergrößern", Text(cut, ".rn-wheel__zoom")); // the mini taxonomy has English labels only

        cut.Find(".rn-wheel__zoom").Click();
        Assert.Equal("Ganzes Rad zeigen", Text(cut, ".rn-wheel__zoom"));

        var rated = Render<Components.FeelingsWheel>(p => p.Add(w => w.Taxonomy, FeelingsWheelTests.Mini)
            .Add(w => w.Value, "sad/lonely").Add(w => w.IntensityMax, 5));
        Assert.Equal("Ausgewählt: Sad › Lonely", Text(rated, ".rn-wheel__status"));
        Assert.Equal("Wie stark ist Sad › Lonely? 1 = schwach, 5 = stark", Text(rated, ".rn-wheel__intensity legend"));

        var multiple = Render<Components.FeelingsWheel>(p => p.Add(w => w.Taxonomy, FeelingsWheelTests.Mini).Add(w => w.Multiple, true));
        Assert.Equal("Ein oder mehrere Gefühle auswählen", multiple.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void FeelingsWheel_Static_UnderGerman_FormIsGerman()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = Render<Components.FeelingsWheel>(p => p.Add(w => w.Taxonomy, FeelingsWheelTests.Mini).Add(w => w.IntensityMax, 5));
        Assert.Equal("Auswählen", Text(cut, "button.rn-wheel__submit"));
        Assert.Equal("Wie stark ist es? 1 = schwach, 5 = stark", Text(cut, ".rn-wheel__intensity legend"));
        Assert.Equal("Noch nichts ausgewählt.", Text(cut, ".rn-wheel__status"));
    }

    [Fact]
    public void HeartRateStrap_UnderGerman_ButtonsAndStatusSentencesAreGerman()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var module = JSInterop.SetupModule(WebBluetoothHeartRateSource.ModulePath);
        module.Setup<WebBluetoothSupportResult>("getSupport").SetResult(new WebBluetoothSupportResult("ready", "", "ready"));
        var session = module.SetupModule(invocation => invocation.Identifier == "createSession");
        session.Setup<WebBluetoothConnectResult>("connect").SetResult(new WebBluetoothConnectResult(true, "connected", "", ""));
        session.Setup<WebBluetoothConnectResult>("reconnect").SetResult(new WebBluetoothConnectResult(true, "connected", "", "HRM-Pro"));

        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Equal("Bereit zum Verbinden eines Herzfrequenz-Gurts.", Text(cut, "[role=status]")));
        Assert.Equal("Brustgurt", cut.Find("[role=group]").GetAttribute("aria-label"));
        Assert.Equal(["Brustgurt verbinden"], Buttons(cut));

        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Equal("Verbunden mit dem Gurt.", Text(cut, "[role=status]"))); // a strap without a name
        Assert.Equal(["Trennen"], Buttons(cut));

        cut.InvokeAsync(cut.Instance.Source.OnDisconnected);
        cut.WaitForAssertion(() => Assert.Equal(
            "Verbindung zu dem Gurt getrennt. Erneut verbinden, sobald der Gurt wieder in Reichweite ist.", Text(cut, "[role=status]")));
        Assert.Equal(["Erneut verbinden", "Anderen Gurt auswählen"], Buttons(cut));

        cut.Find("button").Click(); // Reconnect
        cut.WaitForAssertion(() => Assert.Equal("Verbunden mit HRM-Pro.", Text(cut, "[role=status]")));
    }

    [Fact]
    public void HeartRateStrap_UnderGerman_SaysWhyTheBrowserCannotConnect()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var module = JSInterop.SetupModule(WebBluetoothHeartRateSource.ModulePath);
        module.Setup<WebBluetoothSupportResult>("getSupport")
            .SetResult(new WebBluetoothSupportResult("unsupported", "This browser has no Web Bluetooth (it is in Chrome and Edge on desktop and Android).", "no-web-bluetooth"));
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Equal(
            "Dieser Browser hat kein Web Bluetooth (Chrome und Edge auf dem Desktop und unter Android haben es).", Text(cut, "[role=status]")));
    }

    [Fact]
    public void HeartRateStrap_UnderGerman_BeforeTheSupportAnswer_SaysItIsChecking_OrThatStaticPagesCannot()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.SetupModule(WebBluetoothHeartRateSource.ModulePath).Setup<WebBluetoothSupportResult>("getSupport"); // never answers
        var interactive = Render<HeartRateStrap>();
        Assert.Equal("Web Bluetooth wird geprüft…", Text(interactive, "[role=status]"));

        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var still = Render<HeartRateStrap>();
        Assert.Equal("Zum Verbinden eines Brustgurts muss die Seite interaktiv sein.", Text(still, "[role=status]"));
    }

    [Fact]
    public void LiveHrvGauge_UnderGerman_ReadoutsStatusButtonAndSummaryAreGerman()
    {
        var source = new ChannelRrSource();
        var cut = Render<LiveHrvGauge>(p => p.Add(g => g.Source, source).Add(g => g.Format, "0.0").Add(g => g.RenderIntervalMilliseconds, 0));

        Assert.Equal(["Herzfrequenz", "Schläge", "Verworfen"], cut.FindAll(".rn-live__readouts dt").Select(d => d.TextContent.Trim()));
        Assert.Equal("Nicht gestartet.", Text(cut, ".rn-live__status"));
        Assert.Equal("Nicht gestartet", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal("RMSSD live", cut.Find("section").GetAttribute("aria-label"));
        Assert.Equal(["Start"], Buttons(cut));

        cut.Find("button").Click();
        source.WaitForOpenReaders(1);
        Assert.Equal("Läuft.", Text(cut, ".rn-live__status"));
        Assert.Equal("Warte auf Herzschläge", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal(["Stopp"], Buttons(cut));

        source.Push(800, 810);  // RMSSD |810 − 800| = 10 ms; heart rate 60 000 / 810 = 74.07 bpm
        cut.WaitForAssertion(() => Assert.Equal("2", Text(cut, ".rn-live__beats")));
        cut.Find("button").Click(); // Stop
        // Stop lets go of the source first, then renders the Stopped state: wait for that render.
        cut.WaitForAssertion(() => Assert.Equal("Gestoppt.", Text(cut, ".rn-live__status")));
        source.WaitForOpenReaders(0);
        Assert.Equal("Gestoppt. RMSSD 10.0 ms, Herzfrequenz 74 bpm, 2 Schläge, 0 verworfen.", Text(cut, "[role=status]"));
    }

    [Fact]
    public void LiveHrvGauge_MeanHeartRate_UnderGerman_IsLabelledHerzfrequenz()
    {
        var cut = Render<LiveHrvGauge>(p => p.Add(g => g.Metric, LiveHrvMetric.MeanHeartRate));
        Assert.Equal("Herzfrequenz", Text(cut, ".rn-gauge__label"));
        Assert.Equal("Herzfrequenz live", cut.Find("section").GetAttribute("aria-label"));
    }
    [Fact]
    public void SynchronyMeter_UnderGerman_StandingLagAndControlsAreGerman()
    {
        var reading = Render<Components.SynchronyMeter>(p => p.Add(m => m.Value, 0.2).Add(m => m.ChanceLow, 0.1).Add(m => m.ChanceHigh, 0.3).Add(m => m.LagSeconds, -2.4));
        Assert.Equal("0.20 mittleres |z|, im Zufallsbereich (Zufallsband 0.10 bis 0.30); A folgt B mit etwa 2.4 Sekunden Abstand", reading.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal("B führt", reading.FindAll(".rn-sync-meter__scale")[2].TextContent);

        var live = Render<Components.SynchronyMeter>(p => p.Add(m => m.SourceA, new ChannelRrSource()).Add(m => m.SourceB, new ChannelRrSource()));
        Assert.Equal(["Start"], Buttons(live));
        Assert.Equal("Nicht gestartet.", Text(live, ".rn-sync-meter__state"));
        Assert.Equal("Synchronie von A und B", live.Find("section").GetAttribute("aria-label"));
        Assert.Equal("Noch kein Messwert; Führung und Folgen noch nicht bekannt", live.Find("[role=meter]").GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void SynchronyMap_UnderGerman_TitleLegendAndTableAreGerman()
    {
        var result = RelationalNeuro.Synchrony.WindowedCrossCorrelation.Compute(
            [0.0, 1, 2, 3, 4, 6, 6], [1.0, 2, 3, 3, 3, 1, 0], 1,
            RelationalNeuro.Synchrony.WindowedCrossCorrelationOptions.PlainR with { WindowSeconds = 3, IncrementSeconds = 3, MaxLagSeconds = 1 });
        var cut = Render<Components.SynchronyMap>(p => p.Add(m => m.Result, result));
        Assert.Equal("Synchronie-Karte", cut.Find("title").TextContent);
        Assert.Equal("Beste Verzögerung und Wert je Fenster, A und B", Text(cut, "caption"));
        Assert.Equal("nicht berechnet", cut.FindAll(".rn-sync-map__legend li")[^2].TextContent.Trim());
    }
}
