namespace RelationalNeuro.Components;

/// <summary>Where a <see cref="WebBluetoothHeartRateSource"/> (and its <see cref="HeartRateStrap"/> control) is.</summary>
public enum HeartRateStrapState
{
    /// <summary>Support not checked yet (before the first interactive render, or under static rendering).</summary>
    Unknown = 0,

    /// <summary>The browser has no Web Bluetooth (Firefox, Safari, an insecure page, or a platform where Chromium disables it).</summary>
    Unsupported = 1,

    /// <summary>Web Bluetooth exists but the browser reports no usable Bluetooth adapter (<c>getAvailability()</c> is false).</summary>
    Unavailable = 2,

    /// <summary>Web Bluetooth is available: a strap can be connected (a click asks the browser's device chooser).</summary>
    Ready = 3,

    /// <summary>The chooser is open or the GATT connection is being set up.</summary>
    Connecting = 4,

    /// <summary>Subscribed to Heart Rate Measurement notifications.</summary>
    Connected = 5,

    /// <summary>The strap dropped the connection (<c>gattserverdisconnected</c>); it can be reconnected without the chooser.</summary>
    Disconnected = 6,
}
