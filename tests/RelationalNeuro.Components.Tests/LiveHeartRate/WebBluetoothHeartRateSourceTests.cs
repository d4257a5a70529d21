using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.JSInterop;
using RelationalNeuro.Components;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Components.Tests.LiveHeartRate;

/// <summary>
/// The .NET side of the Web Bluetooth contract, with bUnit's JS interop in strict mode standing in for the ES module
/// (the browser side is exercised in the Playwright tests). Notification values are built byte by byte from the
/// Bluetooth SIG Heart Rate Service specification, §3.1 (flags; UINT8/UINT16 heart rate; UINT16 energy expended;
/// UINT16 RR intervals in 1/1024 s, little-endian).
/// </summary>
public class WebBluetoothHeartRateSourceTests : BunitContext
{
    // flags 0x10 (RR present, UINT8 heart rate); heart rate 72; RR 0x0400 = 1024/1024 s = 1000 ms.
    private static readonly byte[] Hr72Rr1000 = [0x10, 0x48, 0x00, 0x04];

    // flags 0x16 (RR present, contact supported and detected); heart rate 60; RR 0x0333 = 819 → 799.8046875 ms,
    // 0x0366 = 870 → 849.609375 ms.
    private static readonly byte[] Hr60TwoRr = [0x16, 0x3C, 0x33, 0x03, 0x66, 0x03];

    // flags 0x19 (UINT16 heart rate, energy expended, RR); heart rate 0x004B = 75; energy 0x0010 = 16 kJ;
    // RR 0x0300 = 768 → 750 ms.
    private static readonly byte[] Hr75Energy16Rr750 = [0x19, 0x4B, 0x00, 0x10, 0x00, 0x00, 0x03];

    // flags 0x10 announce RR, but a single byte follows the heart rate: half an RR value (malformed).
    private static readonly byte[] OddRrBytes = [0x10, 0x48, 0x00];

    // flags 0x00: heart rate 72 only, no RR.
    private static readonly byte[] HeartRateOnly = [0x00, 0x48];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly BunitJSModuleInterop _module;

    public WebBluetoothHeartRateSourceTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        _module = JSInterop.SetupModule(WebBluetoothHeartRateSource.ModulePath);
    }

    private void SupportIs(string state, string message = "") =>
        _module.Setup<WebBluetoothSupportResult>("getSupport").SetResult(new WebBluetoothSupportResult(state, message));

    private BunitJSInterop SetupSession() => _module.SetupModule(invocation => invocation.Identifier == "createSession");

    [Fact]
    public void Strap_WithoutWebBluetooth_SaysSoAndOffersNoButton()
    {
        SupportIs("unsupported", "This browser has no Web Bluetooth (it is in Chrome and Edge on desktop and Android).");
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Unsupported, cut.Instance.State));
        Assert.Equal("This browser has no Web Bluetooth (it is in Chrome and Edge on desktop and Android).", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.FindAll("button"));
        Assert.Contains("rn-strap--unsupported", cut.Find("[role=group]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Strap_NoAdapter_IsUnavailable()
    {
        SupportIs("unavailable", "No Bluetooth adapter is available (switched off, missing, or blocked).");
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Unavailable, cut.Instance.State));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Strap_ImportFails_IsReportedAsTextNotThrown()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module.Setup<WebBluetoothSupportResult>("getSupport").SetException(new JSException("Failed to fetch dynamically imported module"));
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Unsupported, cut.Instance.State));
        Assert.Equal("Web Bluetooth could not be checked: Failed to fetch dynamically imported module", cut.Find("[role=status]").TextContent);
    }

    // Issue 13, defect 7: a module answering null threw NullReferenceException into the host.
    [Fact]
    public void Strap_ModuleReportsNoSupportObject_IsUnsupportedWithTextNotThrown()
    {
        _module.Setup<WebBluetoothSupportResult>("getSupport").SetResult(null!);
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Unsupported, cut.Instance.State));
        Assert.Equal("Web Bluetooth could not be checked: the browser module reported no support object", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Connect_ChosenStrap_IsConnectedAndHandedToTheApp()
    {
        SupportIs("ready");
        var session = SetupSession();
        session.Setup<WebBluetoothConnectResult>("connect").SetResult(new WebBluetoothConnectResult(true, "connected", "", "Polar H10 A1B2C3"));
        IRrSource? connected = null;
        var cut = Render<HeartRateStrap>(p => p.Add(s => s.OnConnected, (IRrSource s) => connected = s));
        cut.WaitForAssertion(() => Assert.Equal("Connect a chest strap", cut.Find("button").TextContent));

        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Connected, cut.Instance.State));
        Assert.Equal("Connected to Polar H10 A1B2C3.", cut.Find("[role=status]").TextContent);
        Assert.Equal("Disconnect", cut.Find("button").TextContent);
        Assert.Same(cut.Instance.Source, connected);
        var create = Assert.Single(_module.Invocations["createSession"]);
        Assert.IsType<DotNetObjectReference<WebBluetoothHeartRateSource>>(Assert.Single(create.Arguments));
    }

    [Fact]
    public void Connect_ChooserClosed_ReturnsToReadyWithTheReason()
    {
        SupportIs("ready");
        SetupSession().Setup<WebBluetoothConnectResult>("connect")
            .SetResult(new WebBluetoothConnectResult(false, "NotFoundError", "No strap was chosen (the chooser was closed or found no heart-rate device).", ""));
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button")));
        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Equal("No strap was chosen (the chooser was closed or found no heart-rate device).", cut.Find("[role=status]").TextContent));
        Assert.Equal(HeartRateStrapState.Ready, cut.Instance.State);
        Assert.Equal("Connect a chest strap", cut.Find("button").TextContent);
    }

    [Fact]
    public void Disconnected_ByTheStrap_OffersReconnectWhichReconnectsWithoutTheChooser()
    {
        SupportIs("ready");
        var session = SetupSession();
        session.Setup<WebBluetoothConnectResult>("connect").SetResult(new WebBluetoothConnectResult(true, "connected", "", "HRM-Pro"));
        session.Setup<WebBluetoothConnectResult>("reconnect").SetResult(new WebBluetoothConnectResult(true, "connected", "", "HRM-Pro"));
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button")));
        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Connected, cut.Instance.State));

        cut.InvokeAsync(cut.Instance.Source.OnDisconnected);
        cut.WaitForAssertion(() => Assert.Equal("HRM-Pro disconnected. Reconnect when it is back in range.", cut.Find("[role=status]").TextContent));
        Assert.Equal(["Reconnect", "Choose another strap"], cut.FindAll("button").Select(b => b.TextContent));

        cut.Find("button").Click(); // Reconnect
        cut.WaitForAssertion(() => Assert.Equal(HeartRateStrapState.Connected, cut.Instance.State));
        Assert.Single(session.Invocations["reconnect"]);
        Assert.Single(session.Invocations["connect"]);
    }

    [Fact]
    public async Task Dispose_StopsTheSession_AndSwallowsALostCircuit()
    {
        SupportIs("ready");
        var session = SetupSession();
        session.Setup<WebBluetoothConnectResult>("connect").SetResult(new WebBluetoothConnectResult(true, "connected", "", ""));
        session.SetupVoid("dispose").SetException(new JSDisconnectedException("The circuit is gone."));
        var cut = Render<HeartRateStrap>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button")));
        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Equal("Connected to The strap.", cut.Find("[role=status]").TextContent));

        await DisposeComponentsAsync(); // must not throw
        Assert.Single(session.Invocations["dispose"]);
    }

    [Fact]
    public async Task Notifications_SpecByteVectors_BecomeBeatsInOrder_MalformedOnesAreReported()
    {
        SupportIs("ready");
        await using var source = new WebBluetoothHeartRateSource(JSInterop.JSRuntime, _clock);
        var problems = new List<RelationalNeuro.Problem>();
        var measurements = new List<HeartRateMeasurement>();
        var held = new List<RelationalNeuro.Problem>();
        source.PacketRejected += (_, p) => problems.Add(p);
        source.TimestampHeld += (_, p) => held.Add(p);
        source.MeasurementReceived += (_, m) => measurements.Add(m);

        foreach (var value in new[] { Hr72Rr1000, Hr60TwoRr, OddRrBytes, HeartRateOnly, Hr75Energy16Rr750 })
        {
            source.OnMeasurement(value);
        }

        var beats = new List<RrBeat>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        await foreach (var beat in source.ReadBeatsAsync(cts.Token))
        {
            beats.Add(beat);
            if (beats.Count == 4)
            {
                break;
            }
        }

        Assert.Equal([1000.0, 799.8046875, 849.609375, 750.0], beats.Select(b => b.RrMs));
        Assert.Equal([0L, 1, 2, 3], beats.Select(b => b.Index));
        Assert.Equal([72, 60, 72, 75], measurements.Select(m => m.HeartRateBpm));
        Assert.Equal(SensorContactStatus.Detected, measurements[1].SensorContact);
        Assert.Equal(16, measurements[3].EnergyExpendedKilojoules);
        var problem = Assert.Single(problems);
        Assert.Equal("gatt.malformed-value", problem.Code);
        Assert.Equal("packet 2", problem.Location);
        // The two RRs of packet 1 arrive with no time passing since beat 0: the first is held at beat 0's timestamp, and said so.
        Assert.Equal(("gatt.timestamp-backwards", "packet 1"), (Assert.Single(held).Code, held[0].Location));
        Assert.Equal(5, source.PacketsReceived);
        Assert.Equal(1, source.PacketsRejected);
        Assert.Equal(75, source.LastMeasurement?.HeartRateBpm);
    }

    [Fact]
    public async Task Dispose_EndsTheBeatStream()
    {
        var source = new WebBluetoothHeartRateSource(JSInterop.JSRuntime, _clock);
        source.OnMeasurement(Hr72Rr1000);
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var beat in source.ReadBeatsAsync(Xunit.TestContext.Current.CancellationToken))
            {
                count++;
            }

            return count;
        }, Xunit.TestContext.Current.CancellationToken);
        await source.DisposeAsync();
        Assert.Equal(1, await reading.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Pipeline_StrapBytesDriveTheLiveGauge()
    {
        SupportIs("ready");
        var session = SetupSession();
        session.Setup<WebBluetoothConnectResult>("connect").SetResult(new WebBluetoothConnectResult(true, "connected", "", "H10"));
        IRrSource? source = null;
        var strap = Render<HeartRateStrap>(p => p.Add(s => s.OnConnected, (IRrSource s) => source = s));
        strap.WaitForAssertion(() => Assert.Single(strap.FindAll("button")));
        strap.Find("button").Click();
        strap.WaitForAssertion(() => Assert.NotNull(source));

        var gauge = Render<LiveHrvGauge>(p => p.Add(g => g.Source, source).Add(g => g.AutoStart, true)
            .Add(g => g.Format, "0.0").Add(g => g.RenderIntervalMilliseconds, 0));
        // RR 0x0400 = 1000 ms, 0x0433 = 1075 → 1049.8046875 ms, 0x0400 = 1000 ms: differences ±49.8046875 ms,
        // so RMSSD = 49.8046875 ms exactly; heart rate from the last beat 60 000 / 1000 = 60 bpm.
        strap.InvokeAsync(() =>
        {
            strap.Instance.Source.OnMeasurement([0x10, 0x3C, 0x00, 0x04]);
            strap.Instance.Source.OnMeasurement([0x10, 0x3A, 0x33, 0x04, 0x00, 0x04]);
        });
        gauge.WaitForAssertion(() => Assert.Equal("3", gauge.Find(".rn-live__beats").TextContent));
        Assert.Equal("49.8 ms", gauge.Find("[role=meter]").GetAttribute("aria-valuetext"));
        Assert.Equal("60 bpm", gauge.Find(".rn-live__heart-rate").TextContent);
    }

    [Fact]
    public void Strap_BeforeTheSupportAnswer_SaysItIsChecking_UnderStaticRenderingThatItNeedsInteractivity()
    {
        _module.Setup<WebBluetoothSupportResult>("getSupport"); // never answers
        var interactive = Render<HeartRateStrap>();
        Assert.Equal("Checking for Web Bluetooth…", interactive.Find("[role=status]").TextContent);
        Assert.Empty(interactive.FindAll("button"));

        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var staticStrap = Render<HeartRateStrap>();
        Assert.Equal("Connecting a chest strap needs an interactive page.", staticStrap.Find("[role=status]").TextContent);
    }
}
