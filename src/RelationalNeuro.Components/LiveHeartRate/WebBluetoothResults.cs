namespace RelationalNeuro.Components;

/// <summary>
/// What the module's <c>getSupport()</c> resolves to: <c>state</c> is "ready", "unsupported" or "unavailable";
/// <c>code</c> names the reason ("insecure-context", "no-web-bluetooth", "no-adapter", "availability-unknown") so
/// .NET can say it in the UI culture; <c>message</c> is the module's English sentence for any other reason.
/// </summary>
internal sealed record WebBluetoothSupportResult(string State, string Message, string? Code = null);

/// <summary>What the session's <c>connect()</c>, <c>reconnect()</c> resolve to; <c>code</c> is the DOMException name on failure.</summary>
internal sealed record WebBluetoothConnectResult(bool Ok, string Code, string Message, string DeviceName);
