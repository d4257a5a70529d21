namespace RelationalNeuro.Components;

/// <summary>How a band on a <see cref="HrvGauge"/> reads: below, within or above the reference range.</summary>
public enum GaugeBandTone
{
    /// <summary>Below the reference range (drawn with <c>--rn-band-low</c>).</summary>
    Low = 0,

    /// <summary>Within the reference range (drawn with <c>--rn-band-mid</c>).</summary>
    Within = 1,

    /// <summary>Above the reference range (drawn with <c>--rn-band-high</c>).</summary>
    High = 2,
}

/// <summary>
/// A coloured range on a gauge's scale, supplied by the app (for example a reference range for RMSSD from
/// the client's own baseline or from published norms). The label is read out with the value
/// ("42 ms, within your usual range").
/// </summary>
/// <param name="From">Lower edge, in the gauge's unit (inclusive).</param>
/// <param name="To">Upper edge, in the gauge's unit (exclusive, except at the top of the scale).</param>
/// <param name="Label">Words for the band, used in the accessible value text and the legend.</param>
/// <param name="Tone">Which colour token draws it.</param>
public sealed record GaugeBand(double From, double To, string Label, GaugeBandTone Tone);
