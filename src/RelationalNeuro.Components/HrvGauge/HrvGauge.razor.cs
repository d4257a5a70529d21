using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;

namespace RelationalNeuro.Components;

/// <summary>
/// A radial gauge for RMSSD or any metric with a unit and reference bands: an SVG arc computed in C# with a
/// fixed viewBox, the value and unit as text, and <c>role="meter"</c> with <c>aria-valuenow/min/max</c> and an
/// <c>aria-valuetext</c> that says the unit and the band ("42 ms, within your usual range").
/// </summary>
/// <remarks>
/// <para>The gauge only renders what it is given: the app computes the metric (for example with a streaming
/// HRV analyzer, beat by beat) and sets <see cref="Value"/>. A missing or non-finite value shows "no reading";
/// a value outside the scale is drawn at the scale's end and read out as it is, with "above/below the scale".</para>
/// <para>The fill moves with a CSS transition of <c>stroke-dashoffset</c> whose duration is
/// <c>--rn-duration</c>, which is 0 under <c>prefers-reduced-motion</c> or <c>data-motion="reduce"</c>.
/// Every number in the markup uses the invariant culture.</para>
/// </remarks>
public partial class HrvGauge
{
    private const double CenterX = 100;
    private const double CenterY = 90;
    private const double Radius = 72;
    private const double BandRadius = 84;
    private const double StartAngle = 150;   // degrees, clockwise from +x (SVG y points down)
    private const double SweepAngle = 240;

    /// <summary>The value to show, in <see cref="Unit"/>; null (or NaN) when there is no reading yet.</summary>
    [Parameter]
    public double? Value { get; set; }

    /// <summary>Start of the scale, in <see cref="Unit"/>. Default 0.</summary>
    [Parameter]
    public double Min { get; set; }

    /// <summary>End of the scale, in <see cref="Unit"/>; must be greater than <see cref="Min"/>. Default 150.</summary>
    [Parameter]
    public double Max { get; set; } = 150;

    /// <summary>The unit written after the number and read out with it. Default "ms".</summary>
    [Parameter]
    public string Unit { get; set; } = "ms";

    /// <summary>The metric's name: the meter's accessible name and the visible caption. Default "RMSSD".</summary>
    [Parameter]
    public string Label { get; set; } = "RMSSD";

    /// <summary>
    /// Coloured reference bands, in <see cref="Unit"/>, supplied by the app. Optional. The arcs are recomputed when
    /// the list instance, <see cref="Min"/> or <see cref="Max"/> changes (not on every new value, so a live gauge
    /// redraws cheaply): to change the bands, pass a new list rather than editing the old one in place.
    /// </summary>
    [Parameter]
    public IReadOnlyList<GaugeBand>? Bands { get; set; }

    /// <summary>.NET numeric format for the number (invariant culture). Default "0".</summary>
    [Parameter]
    public string Format { get; set; } = "0";

    /// <summary>Text shown and read out when there is no value; null (the default) uses the resources' "No reading yet" in the UI culture.</summary>
    [Parameter]
    public string? NoReadingText { get; set; }

    /// <summary>Extra CSS classes for the meter element.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the meter element (e.g. <c>id</c>, <c>data-*</c>).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    private readonly record struct DrawnBand(string Path, GaugeBandTone Tone);

    private IReadOnlyList<DrawnBand> DrawnBands { get; set; } = [];

    private IReadOnlyList<GaugeBand>? _drawnFor;
    private double _drawnMin = double.NaN;
    private double _drawnMax = double.NaN;

    private static readonly string TrackPath = ArcPath(Radius, 0, 1);

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private IStringLocalizer? _text;

    private IStringLocalizer T => _text ??= WidgetText.For<HrvGauge>(Services);

    private string EmptyText => NoReadingText ?? T["NoReading"];

    private bool HasReading => Value is { } v && double.IsFinite(v);

    private double Fraction => HasReading ? FractionOf(Value!.Value) : 0;

    /// <summary>
    /// Where <paramref name="value"/> lies on the scale, in [0, 1]. When Max − Min overflows (Min −1e308, Max 1e308 made the
    /// fraction NaN, written as <c>stroke-dashoffset="NaN"</c>) the halves of the values are used, whose differences are finite.
    /// </summary>
    private double FractionOf(double value)
    {
        var span = Max - Min;
        var fraction = double.IsFinite(span) ? (value - Min) / span : ((value / 2) - (Min / 2)) / ((Max / 2) - (Min / 2));
        return double.IsNaN(fraction) ? 0 : Math.Clamp(fraction, 0, 1);
    }

    private double DashOffset => Math.Round(1000 * (1 - Fraction), 2);

    private double AriaValueNow => HasReading ? Math.Clamp(Value!.Value, Min, Max) : Min;

    private GaugeBand? CurrentBand => HasReading ? BandOf(Value!.Value) : null;

    private string DisplayNumber => HasReading ? FormatValue(Value!.Value) : "–";

    private static readonly double MinLabelX = Math.Round(CenterX + (Radius * Math.Cos(Radians(StartAngle))), 2);

    private static readonly double MaxLabelX = Math.Round(CenterX + (Radius * Math.Cos(Radians(StartAngle + SweepAngle))), 2);

    private string CssClass
    {
        get
        {
            var state = HasReading ? (CurrentBand is { } b ? " rn-gauge--" + Tone(b.Tone) : "") : " rn-gauge--empty";
            return string.IsNullOrWhiteSpace(Class) ? "rn-gauge" + state : $"rn-gauge{state} {Class}";
        }
    }

    private string ValueText
    {
        get
        {
            if (!HasReading)
            {
                return EmptyText;
            }

            var value = Value!.Value;
            var text = $"{FormatValue(value)} {Unit}";
            if (value < Min)
            {
                text = T.Format("BelowScale", text);
            }
            else if (value > Max)
            {
                text = T.Format("AboveScale", text);
            }

            return CurrentBand is { } band ? $"{text}, {band.Label}" : text;
        }
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !(Max > Min))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"HrvGauge needs finite Min < Max; got Min={Min}, Max={Max}."),
                nameof(Max));
        }

        // A live gauge gets a new Value on every beat with the same bands and scale: keep the drawn arcs.
        if (ReferenceEquals(Bands, _drawnFor) && Min == _drawnMin && Max == _drawnMax)
        {
            return;
        }

        var drawn = new List<DrawnBand>();
        foreach (var band in Bands ?? [])
        {
            if (!double.IsFinite(band.From) || !double.IsFinite(band.To) || !(band.To > band.From))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Band '{band.Label}' needs finite From < To; got {band.From}..{band.To}."),
                    nameof(Bands));
            }

            var from = FractionOf(band.From);
            var to = FractionOf(band.To);
            if (to > from)
            {
                drawn.Add(new DrawnBand(ArcPath(BandRadius, from, to), band.Tone));
            }
        }

        DrawnBands = drawn;
        _drawnFor = Bands;
        _drawnMin = Min;
        _drawnMax = Max;
    }

    private GaugeBand? BandOf(double value)
    {
        if (Bands is null)
        {
            return null;
        }

        foreach (var band in Bands)
        {
            if (value >= band.From && (value < band.To || (value == band.To && band.To >= Max)))
            {
                return band;
            }
        }

        return null;
    }

    private string FormatValue(double value) => value.ToString(Format, CultureInfo.InvariantCulture);

    private static string Num(double value) => ChartNumber.Svg(value);

    private static string Tone(GaugeBandTone tone) => tone switch
    {
        GaugeBandTone.Low => "low",
        GaugeBandTone.High => "high",
        _ => "within",
    };

    private static string BandClass(GaugeBandTone tone) => "rn-gauge__band rn-gauge__band--" + Tone(tone);

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>An SVG arc along the gauge's sweep from fraction <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static string ArcPath(double radius, double from, double to)
    {
        var a0 = Radians(StartAngle + (SweepAngle * from));
        var a1 = Radians(StartAngle + (SweepAngle * to));
        var large = SweepAngle * (to - from) > 180 ? 1 : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"M {R(CenterX + (radius * Math.Cos(a0)))} {R(CenterY + (radius * Math.Sin(a0)))} A {R(radius)} {R(radius)} 0 {large} 1 {R(CenterX + (radius * Math.Cos(a1)))} {R(CenterY + (radius * Math.Sin(a1)))}");

        static double R(double v) => Math.Round(v, 2);
    }
}
