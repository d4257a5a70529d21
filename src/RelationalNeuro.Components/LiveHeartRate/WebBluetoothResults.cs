namespace RelationalNeuro.Components;

/// <summary>What the module's <c>getSupport()</c> resolves to: <c>state</c> is "ready", "unsupported" or "unavailable".</summary>
internal sealed record WebBluetoothSupportResult(string State, string Message);

/// <summary>What the session's <c>connect()</c>, <c>reconnect()</c> resolve to; <c>code</c> is the DOMException name on failure.</summary>
internal sealed record WebBluetoothConnectResult(bool Ok, string Code, string Message, string DeviceName);
