namespace RelationalNeuro.Components;

/// <summary>What a <see cref="Tachogram"/> plots on its vertical axis.</summary>
public enum TachogramQuantity
{
    /// <summary>The RR interval in ms, as recorded.</summary>
    RrIntervalMs = 0,

    /// <summary>The instantaneous heart rate 60,000 / RR, in beats per minute.</summary>
    HeartRateBpm = 1,
}
