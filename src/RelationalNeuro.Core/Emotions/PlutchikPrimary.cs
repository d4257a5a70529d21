namespace RelationalNeuro.Emotions;

/// <summary>Plutchik's eight primary emotions, numbered in their order around the wheel (Plutchik 1980).</summary>
public enum PlutchikPrimary
{
    /// <summary>Joy (opposite: sadness).</summary>
    Joy = 0,

    /// <summary>Trust (opposite: disgust).</summary>
    Trust = 1,

    /// <summary>Fear (opposite: anger).</summary>
    Fear = 2,

    /// <summary>Surprise (opposite: anticipation).</summary>
    Surprise = 3,

    /// <summary>Sadness (opposite: joy).</summary>
    Sadness = 4,

    /// <summary>Disgust (opposite: trust).</summary>
    Disgust = 5,

    /// <summary>Anger (opposite: fear).</summary>
    Anger = 6,

    /// <summary>Anticipation (opposite: surprise).</summary>
    Anticipation = 7,
}
