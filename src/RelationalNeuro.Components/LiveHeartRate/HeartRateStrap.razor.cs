using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Components;

/// <summary>
/// The controls for a Bluetooth heart-rate chest strap: says whether this browser can use one, offers Connect
/// (the browser's own device chooser), Disconnect, and Reconnect after the strap drops out, and exposes the strap
/// as an <see cref="IRrSource"/> (<see cref="Source"/>) to bind to a <see cref="LiveHrvGauge"/>.
/// </summary>
/// <remarks>
/// <para>After the first interactive render the component loads its ES module (never earlier, and never under
/// static rendering, where it says that connecting needs an interactive page) and asks the browser for Web Bluetooth support. Where there is none (Firefox, Safari, an
/// insecure page, no adapter) it says so in words and offers no button, so the app can offer a replay instead
/// (<see cref="OnStateChanged"/>). Every error (chooser closed, permission refused, strap out of range) becomes
/// the status sentence; nothing is thrown into the host.</para>
/// <para><b>Accessibility.</b> The status sentence is a polite live region that changes only with the connection
/// state. Controls are native buttons. <b>Disposal</b> stops notifications, disconnects GATT and releases the
/// module and the .NET reference (see <see cref="WebBluetoothHeartRateSource.DisposeAsync"/>).</para>
/// </remarks>
public partial class HeartRateStrap
{
    private WebBluetoothHeartRateSource? _source;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private IStringLocalizer? _text;

    private IStringLocalizer T => _text ??= WidgetText.For<HeartRateStrap>(Services);

    /// <summary>The group's accessible name; null (the default) uses the resources' "Chest strap" in the UI culture.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>Label of the connect button; null (the default) uses the resources' "Connect a chest strap" in the UI culture.</summary>
    [Parameter]
    public string? ConnectText { get; set; }

    /// <summary>Raised when a strap is connected, with the source to read beats from.</summary>
    [Parameter]
    public EventCallback<IRrSource> OnConnected { get; set; }

    /// <summary>Raised after each change of <see cref="State"/> (including the support check's outcome).</summary>
    [Parameter]
    public EventCallback<HeartRateStrapState> OnStateChanged { get; set; }

    /// <summary>Extra CSS classes for the group element.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the group element (e.g. <c>id</c>).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>The strap as a beat source (created with the component; nothing is loaded until the first render).</summary>
    public WebBluetoothHeartRateSource Source => _source ??= CreateSource();

    /// <summary>Where the connection is.</summary>
    public HeartRateStrapState State => _source?.State ?? HeartRateStrapState.Unknown;

    private string StatusText => State != HeartRateStrapState.Unknown
        ? Source.StatusText
        : RendererInfo.IsInteractive || AssignedRenderMode is not null
            ? T["Checking"]        // interactive, or prerendering before it
            : T["NeedsInteractive"]; // static server rendering: no JavaScript will run

    private string CssClass
    {
        get
        {
            var state = " rn-strap--" + State.ToString().ToLowerInvariant();
            return string.IsNullOrWhiteSpace(Class) ? "rn-strap" + state : $"rn-strap{state} {Class}";
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Source.CheckSupportAsync();
        }
    }

    /// <summary>Opens the browser's chooser and connects (call from a click, as the button does).</summary>
    /// <returns>A task that completes when the attempt has ended (see <see cref="State"/>).</returns>
    public async Task ConnectAsync()
    {
        if (await Source.ConnectAsync() == HeartRateStrapState.Connected)
        {
            await OnConnected.InvokeAsync(Source);
        }
    }

    /// <summary>Connects again to the strap chosen before.</summary>
    /// <returns>A task that completes when the attempt has ended.</returns>
    public async Task ReconnectAsync()
    {
        if (await Source.ReconnectAsync() == HeartRateStrapState.Connected)
        {
            await OnConnected.InvokeAsync(Source);
        }
    }

    /// <summary>Stops notifications and disconnects.</summary>
    /// <returns>A task that completes when the browser has let go.</returns>
    public Task DisconnectAsync() => Source.DisconnectAsync();

    /// <summary>Disconnects the strap and releases the module (see <see cref="WebBluetoothHeartRateSource.DisposeAsync"/>).</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_source is { } source)
        {
            source.StateChanged -= OnSourceStateChanged;
            await source.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private WebBluetoothHeartRateSource CreateSource()
    {
        var source = new WebBluetoothHeartRateSource(JS, Time, T);
        source.StateChanged += OnSourceStateChanged;
        return source;
    }

    private void OnSourceStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(async () =>
    {
        StateHasChanged();
        await OnStateChanged.InvokeAsync(State);
    });
}
