using System.Threading.Channels;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Components;

/// <summary>
/// A Bluetooth heart-rate chest strap in the browser, as an <see cref="IRrSource"/>: Web Bluetooth (through a small
/// ES module loaded on first use) subscribes to the Heart Rate Measurement characteristic (0x2A37) and hands each
/// notification's raw bytes to .NET, where Core's <see cref="HeartRateMeasurementParser"/> (via
/// <see cref="GattHeartRateRrSource"/>) turns them into RR beats. The same pipeline takes an
/// <see cref="RrReplaySource"/> instead, so an app can fall back to a recording.
/// </summary>
/// <remarks>
/// <para><b>Contract with the module</b> (<see cref="ModulePath"/>): <c>getSupport()</c> →
/// <c>{ state, message }</c>; <c>createSession(dotNetRef)</c> → a session object with <c>connect()</c> (opens the
/// browser's chooser filtered to the <c>heart_rate</c> service; must follow a user gesture), <c>reconnect()</c>,
/// <c>disconnect()</c> and <c>dispose()</c>, each resolving to <c>{ ok, code, message, deviceName }</c> and never
/// rejecting. The session calls <see cref="OnMeasurement"/> with each notification's bytes (a
/// <c>Uint8Array</c>, sent as binary) and <see cref="OnDisconnected"/> on <c>gattserverdisconnected</c>.</para>
/// <para><b>Errors are states, not exceptions.</b> No method throws for a browser or device problem: an absent API,
/// a closed chooser, a refused permission, a lost circuit (<see cref="JSDisconnectedException"/>) or a failing
/// import end in a <see cref="State"/> and a <see cref="StatusText"/> sentence. Malformed notifications are
/// reported through <see cref="PacketRejected"/> (codes <c>gatt.malformed-value</c>, <c>gatt.zero-rr</c>) and
/// counted, never dropped silently.</para>
/// <para><b>Streaming.</b> Notifications are queued from the moment of connection until read; one reader at a time
/// should enumerate <see cref="ReadBeatsAsync"/> (a second reader would share the queue). The stream stays open
/// across disconnects (beats resume after <see cref="ReconnectAsync"/>) and ends when the source is disposed.</para>
/// <para><b>User gesture.</b> Browsers open the chooser only shortly after a click. Under Blazor Server the click
/// travels to the server and back first; Chromium keeps the gesture valid for about 5 s, enough on any working
/// connection (a slower round trip ends in <c>SecurityError</c>, reported as text).</para>
/// <para><b>Privacy.</b> The bytes go from the strap to the browser tab and, under Blazor Server, over the app's
/// own circuit to its server; the component sends them nowhere else and stores nothing.</para>
/// <para><b>Threading.</b> The JS callbacks arrive on the renderer's dispatcher; <see cref="StateChanged"/> is raised
/// there. The queue is thread-safe.</para>
/// </remarks>
public sealed class WebBluetoothHeartRateSource : IRrSource, IAsyncDisposable
{
    /// <summary>The ES module's path, relative to the app's base address.</summary>
    public const string ModulePath = "./_content/RelationalNeuro.Components/LiveHeartRate/HeartRateStrap.razor.js";

    private readonly IJSRuntime _js;
    private readonly TimeProvider _time;
    private readonly IStringLocalizer _text;
    private readonly Channel<ReadOnlyMemory<byte>> _packets = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleWriter = true });
    private Task<IJSObjectReference?>? _sessionTask;
    private IJSObjectReference? _module;
    private DotNetObjectReference<WebBluetoothHeartRateSource>? _self;
    private bool _disposed;

    /// <summary>Creates the source; nothing is loaded or asked of the browser until the first call.</summary>
    /// <param name="js">The component's JS runtime (scoped to the circuit or the WebAssembly app).</param>
    /// <param name="timeProvider">The clock that stamps notification arrivals; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="localizer">The words of <see cref="StatusText"/>, looked up in the UI culture when a sentence is made:
    /// an <c>IStringLocalizer&lt;HeartRateStrap&gt;</c> (the keys are those of <c>HeartRateStrap.resx</c>); null uses
    /// those resources directly.</param>
    /// <exception cref="ArgumentNullException"><paramref name="js"/> is null.</exception>
    public WebBluetoothHeartRateSource(IJSRuntime js, TimeProvider? timeProvider = null, IStringLocalizer? localizer = null)
    {
        ArgumentNullException.ThrowIfNull(js);
        _js = js;
        _time = timeProvider ?? TimeProvider.System;
        _text = localizer ?? WidgetText.For<HeartRateStrap>(null);
        StatusText = _text["NotChecked"];
    }

    /// <summary>Raised after <see cref="State"/> or <see cref="StatusText"/> changed.</summary>
    public event EventHandler? StateChanged;

    /// <summary>Raised for each well-formed notification read by <see cref="ReadBeatsAsync"/> (heart rate, contact, RR).</summary>
    public event EventHandler<HeartRateMeasurement>? MeasurementReceived;

    /// <summary>Raised for each malformed notification and zero RR interval met by <see cref="ReadBeatsAsync"/>.</summary>
    public event EventHandler<RelationalNeuro.Problem>? PacketRejected;

    /// <summary>Raised when a beat's timestamp was held at the previous beat's (see <see cref="GattHeartRateRrSource.TimestampHeld"/>); the beat is kept.</summary>
    public event EventHandler<RelationalNeuro.Problem>? TimestampHeld;

    /// <summary>Where the connection is.</summary>
    public HeartRateStrapState State { get; private set; }

    /// <summary>A sentence for the state: what is possible, or what went wrong.</summary>
    public string StatusText { get; private set; }

    /// <summary>The chosen strap's advertised name; null before a connection (or when it has none).</summary>
    public string? DeviceName { get; private set; }

    /// <summary>The last well-formed measurement read (heart rate and sensor contact as the strap reports them).</summary>
    public HeartRateMeasurement? LastMeasurement { get; private set; }

    /// <summary>Notifications received from the browser since creation.</summary>
    public long PacketsReceived { get; private set; }

    /// <summary>Notifications (or RR values in them) rejected as malformed since creation.</summary>
    public long PacketsRejected { get; private set; }

    /// <summary>
    /// Loads the module (first call only) and asks the browser whether Web Bluetooth and an adapter are available.
    /// </summary>
    /// <returns><see cref="HeartRateStrapState.Ready"/>, <see cref="HeartRateStrapState.Unsupported"/> or
    /// <see cref="HeartRateStrapState.Unavailable"/> (or the current state when already connecting or connected).</returns>
    public async Task<HeartRateStrapState> CheckSupportAsync()
    {
        if (State is HeartRateStrapState.Connecting or HeartRateStrapState.Connected or HeartRateStrapState.Disconnected)
        {
            return State;
        }

        try
        {
            var module = await ModuleAsync();
            WebBluetoothSupportResult? support = await module.InvokeAsync<WebBluetoothSupportResult>("getSupport");
            if (support is null)
            {
                // A module that answers null (or undefined) is a broken or foreign script: report it, never throw into the host.
                SetState(HeartRateStrapState.Unsupported, _text.Format("CheckFailed", "the browser module reported no support object"));
                return State;
            }

            var state = support.State switch
            {
                "ready" => HeartRateStrapState.Ready,
                "unavailable" => HeartRateStrapState.Unavailable,
                _ => HeartRateStrapState.Unsupported,
            };
            SetState(state, state == HeartRateStrapState.Ready ? _text["ReadyToConnect"] : SupportText(support));
        }
        catch (Exception ex) when (IsInteropFailure(ex))
        {
            SetState(HeartRateStrapState.Unsupported, _text.Format("CheckFailed", ex.Message));
        }

        return State;
    }

    /// <summary>
    /// Opens the browser's device chooser (call it from a click handler), connects to the chosen strap and
    /// subscribes to its heart-rate notifications.
    /// </summary>
    /// <returns><see cref="HeartRateStrapState.Connected"/>, or the state to go back to with <see cref="StatusText"/> saying why.</returns>
    public Task<HeartRateStrapState> ConnectAsync() => ConnectCoreAsync("connect");

    /// <summary>Connects again to the strap chosen before (after <see cref="HeartRateStrapState.Disconnected"/>), without the chooser.</summary>
    /// <returns><see cref="HeartRateStrapState.Connected"/>, or <see cref="HeartRateStrapState.Disconnected"/> with the reason.</returns>
    public Task<HeartRateStrapState> ReconnectAsync() => ConnectCoreAsync("reconnect");

    /// <summary>Stops notifications and closes the connection; the beat stream stays open for a later connection.</summary>
    /// <returns>A task that completes when the browser has let go.</returns>
    public async Task DisconnectAsync()
    {
        if (_sessionTask is null || _disposed)
        {
            return;
        }

        try
        {
            if (await _sessionTask is { } session)
            {
                await session.InvokeVoidAsync("disconnect");
            }
        }
        catch (Exception ex) when (IsInteropFailure(ex))
        {
            // The page or circuit is gone: there is nothing left to disconnect.
        }

        SetState(HeartRateStrapState.Ready, _text["DisconnectedReady"]);
    }

    /// <summary>Called by the module with the bytes of one Heart Rate Measurement notification.</summary>
    /// <param name="value">The characteristic value, flags byte first.</param>
    [JSInvokable]
    public void OnMeasurement(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        PacketsReceived++;
        _packets.Writer.TryWrite(value);
    }

    /// <summary>Called by the module when the strap drops the GATT connection.</summary>
    [JSInvokable]
    public void OnDisconnected()
    {
        if (!_disposed)
        {
            SetState(HeartRateStrapState.Disconnected, _text.Format("Dropped", Name));
        }
    }

    /// <inheritdoc />
    /// <remarks>Beats are decoded by <see cref="GattHeartRateRrSource"/> (timestamps: arrival on the clock, moved back by the later intervals of the same notification).</remarks>
    public IAsyncEnumerable<RrBeat> ReadBeatsAsync(CancellationToken cancellationToken = default)
    {
        var gatt = new GattHeartRateRrSource(_packets.Reader.ReadAllAsync(cancellationToken), _time);
        gatt.MeasurementReceived += (_, measurement) =>
        {
            LastMeasurement = measurement;
            MeasurementReceived?.Invoke(this, measurement);
        };
        gatt.PacketRejected += (_, problem) =>
        {
            PacketsRejected++;
            PacketRejected?.Invoke(this, problem);
        };
        gatt.TimestampHeld += (_, problem) => TimestampHeld?.Invoke(this, problem);
        return gatt.ReadBeatsAsync(cancellationToken);
    }

    /// <summary>
    /// Stops notifications, disconnects the strap, disposes the module and the .NET reference it held, and ends the
    /// beat stream. A lost circuit (<see cref="JSDisconnectedException"/>) is expected here and ignored.
    /// </summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _packets.Writer.TryComplete();
        try
        {
            if (_sessionTask is not null && await _sessionTask is { } session)
            {
                await session.InvokeVoidAsync("dispose");
                await session.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (Exception ex) when (IsInteropFailure(ex))
        {
            // The browser side is already gone with the circuit.
        }
        finally
        {
            _self?.Dispose();
            _self = null;
        }
    }

    private string Name => string.IsNullOrWhiteSpace(DeviceName) ? _text["UnnamedStrap"] : DeviceName;

    /// <summary>The sentence for an unsupported browser: the module's reason in the UI culture where it gave a known code.</summary>
    private string SupportText(WebBluetoothSupportResult support) => support.Code switch
    {
        "insecure-context" => _text["Support.InsecureContext"],
        "no-web-bluetooth" => _text["Support.NoWebBluetooth"],
        "no-adapter" => _text["Support.NoAdapter"],
        "availability-unknown" => _text["Support.AvailabilityUnknown"],
        _ => support.Message,
    };

    private async Task<HeartRateStrapState> ConnectCoreAsync(string method)
    {
        if (_disposed)
        {
            return State;
        }

        var before = State;
        SetState(HeartRateStrapState.Connecting, method == "connect" ? _text["ChooseInList"] : _text.Format("Reconnecting", Name));
        try
        {
            var session = await SessionAsync();
            if (session is null)
            {
                SetState(HeartRateStrapState.Unsupported, _text["LoadFailed"]);
                return State;
            }

            var result = await session.InvokeAsync<WebBluetoothConnectResult>(method);
            if (result.Ok)
            {
                DeviceName = string.IsNullOrWhiteSpace(result.DeviceName) ? null : result.DeviceName;
                SetState(HeartRateStrapState.Connected, _text.Format("Connected", Name));
            }
            else
            {
                SetState(before == HeartRateStrapState.Disconnected ? HeartRateStrapState.Disconnected : HeartRateStrapState.Ready, result.Message);
            }
        }
        catch (Exception ex) when (IsInteropFailure(ex))
        {
            if (_sessionTask is { IsFaulted: true } or { IsCanceled: true })
            {
                _sessionTask = null; // a failed import or session may succeed on the next attempt
            }

            SetState(before is HeartRateStrapState.Disconnected ? before : HeartRateStrapState.Ready, _text.Format("Failed", ex.Message));
        }

        return State;
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await _js.InvokeAsync<IJSObjectReference>("import", ModulePath);

    private Task<IJSObjectReference?> SessionAsync() => _sessionTask ??= CreateSessionAsync();

    private async Task<IJSObjectReference?> CreateSessionAsync()
    {
        var module = await ModuleAsync();
        _self ??= DotNetObjectReference.Create(this);
        return await module.InvokeAsync<IJSObjectReference>("createSession", _self);
    }

    private void SetState(HeartRateStrapState state, string status)
    {
        if (state == State && status == StatusText)
        {
            return;
        }

        State = state;
        StatusText = status;
        StateChanged?.Invoke(this, EventArgs.Empty);
    }

    private static bool IsInteropFailure(Exception ex) =>
        ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException or ObjectDisposedException;
}
