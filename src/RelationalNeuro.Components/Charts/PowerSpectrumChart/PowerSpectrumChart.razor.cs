using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components;

/// <summary>
/// A power spectrum: the power spectral density of an NN series (<see cref="PowerSpectrum"/> from Welch or
/// Lomb–Scargle) with the VLF, LF and HF bands shaded and labelled, the band powers and LF/HF in the description and
/// legend, and a linear or logarithmic power axis. SVG computed in C# with a fixed viewBox; complete under static rendering.
/// </summary>
/// <remarks>
/// <para>The density is drawn as a line over a filled area from 0 Hz to <see cref="MaxFrequencyHz"/>; a grid with more
/// points than 2 per horizontal viewBox unit is reduced with M4 (Jugel et al. 2014). On the logarithmic axis the floor is
/// 10⁻⁴ of the largest density (or the smallest positive one, if higher), so one near-zero bin does not squash the
/// rest; values below sit on the floor.</para>
/// <para>Band edges come from <see cref="Bands"/> (Task Force 1996 by default: VLF 0.003–0.04, LF 0.04–0.15,
/// HF 0.15–0.4 Hz) and should be those the <see cref="Result"/> was computed with. Band powers, peaks and LF/HF are read
/// from <see cref="Result"/> (<see cref="HrvMetrics.FrequencyDomain(ReadOnlySpan{double}, FrequencyDomainOptions?)"/>); the
/// chart integrates nothing itself. The hidden table lists the density per frequency, averaging neighbouring bins
/// when there are more than 100, with a note.</para>
/// </remarks>
public sealed partial class PowerSpectrumChart
{
    /// <summary>The fixed viewBox (400 × 240) and plot area.</summary>
    internal static readonly ChartLayout Layout = new(400, 240, 52, 24, 10, 34);

    /// <summary>Most rows of the data table.</summary>
    internal const int MaxRows = 100;

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public PowerSpectrumChart()
        : base(Layout, "rn-spectrum", typeof(PowerSpectrumChart))
    {
    }

    /// <summary>The spectrum to draw. Required.</summary>
    [Parameter]
    [EditorRequired]
    public PowerSpectrum? Spectrum { get; set; }

    /// <summary>The frequency-domain metrics of the same series and options (band powers, peaks, LF/HF); null leaves them out.</summary>
    [Parameter]
    public FrequencyDomainResult? Result { get; set; }

    /// <summary>Band edges for the shading; null uses <see cref="FrequencyBands.Default"/>.</summary>
    [Parameter]
    public FrequencyBands? Bands { get; set; }

    /// <summary>Logarithmic (base 10) power axis instead of linear. Default false.</summary>
    [Parameter]
    public bool LogarithmicPower { get; set; }

    /// <summary>The highest frequency drawn, in Hz. Default 0.5; must be finite and &gt; 0.</summary>
    [Parameter]
    public double MaxFrequencyHz { get; set; } = 0.5;

    private string LinePath { get; set; } = "";

    private string AreaPath { get; set; } = "";

    private IReadOnlyList<DrawnBand> DrawnBands { get; set; } = [];

    private RenderFragment BandLabels => builder =>
    {
        foreach (var band in DrawnBands)
        {
            ChartAxis.Text(builder, 0, "rn-chart__label rn-spectrum__band-label", band.X + (band.Width / 2), Layout.PlotTop + 12, "middle", band.Name);
        }
    };

    /// <summary>A shaded band: its name, level (1 VLF, 2 LF, 3 HF), x and width in viewBox units, edges in Hz, power.</summary>
    private sealed record DrawnBand(string Name, int Level, double X, double Width, FrequencyBand Edges, double? PowerMs2);

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Spectrum is null)
        {
            throw new ArgumentNullException(nameof(Spectrum), "PowerSpectrumChart needs a Spectrum.");
        }

        if (!double.IsFinite(MaxFrequencyHz) || !(MaxFrequencyHz > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrequencyHz), MaxFrequencyHz, "PowerSpectrumChart's MaxFrequencyHz must be finite and > 0.");
        }

        if (Spectrum.FrequenciesHz.Count != Spectrum.DensityMs2PerHz.Count)
        {
            throw new ArgumentException($"PowerSpectrumChart's Spectrum has {Spectrum.FrequenciesHz.Count} frequencies and {Spectrum.DensityMs2PerHz.Count} densities.", nameof(Spectrum));
        }

        Draw();
        Title = T["Title"];
    }

    private void Draw()
    {
        var f = Spectrum!.FrequenciesHz;
        var p = Spectrum.DensityMs2PerHz;
        var n = 0;
        while (n < f.Count && f[n] <= MaxFrequencyHz + 1e-12)
        {
            n++;
        }

        var frequencies = new double[n];
        var density = new double[n];
        var top = 0.0;
        var smallestPositive = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            frequencies[i] = f[i];
            density[i] = double.IsFinite(p[i]) && p[i] > 0 ? p[i] : 0;
            top = Math.Max(top, density[i]);
            if (density[i] > 0)
            {
                smallestPositive = Math.Min(smallestPositive, density[i]);
            }
        }

        if (n < 2 || top <= 0)
        {
            XAxis = YAxis = null;
            LinePath = AreaPath = "";
            DrawnBands = [];
            Table = null;
            Description = T["Empty"];
            return;
        }

        var (x, xTicks) = LinearScale.Nice(0, MaxFrequencyHz, Layout.PlotLeft, Layout.PlotRight, 6);
        IChartScale y;
        TickSet yTicks;
        if (LogarithmicPower)
        {
            var floor = Math.Max(smallestPositive, top * 1e-4);
            var (log, logTicks) = LogScale.Nice(floor, top, Layout.PlotBottom, Layout.PlotTop);
            (y, yTicks) = (log, logTicks);
        }
        else
        {
            var (linear, linearTicks) = LinearScale.Nice(0, top, Layout.PlotBottom, Layout.PlotTop, 5);
            (y, yTicks) = (linear, linearTicks);
        }

        XAxis = new ChartAxis(AxisSide.Bottom, x, xTicks, Layout, T["AxisFrequency"]);
        YAxis = new ChartAxis(AxisSide.Left, y, yTicks, Layout, LogarithmicPower ? T["AxisPowerLog"] : T["AxisPower"]);

        var kept = M4Downsampler.Select(frequencies, density, 0, xTicks.Max, Layout.Columns(M4Downsampler.MaxPointsPerColumn));
        var line = new SvgPath(kept.Length * 14);
        var area = new SvgPath(kept.Length * 14);
        area.MoveTo(x.Map(frequencies[kept[0]]), Layout.PlotBottom);
        foreach (var k in kept)
        {
            var py = Math.Min(Layout.PlotBottom, y.Map(Math.Max(density[k], y is LogScale ls ? ls.DomainMin : 0)));
            line.LineTo(x.Map(frequencies[k]), py);
            area.LineTo(x.Map(frequencies[k]), py);
        }

        area.LineTo(x.Map(frequencies[kept[^1]]), Layout.PlotBottom).Close();
        LinePath = line.ToString();
        AreaPath = area.ToString();

        var bands = Bands ?? FrequencyBands.Default;
        var drawn = new List<DrawnBand>(3);
        AddBand(drawn, T["BandVlf"], 1, bands.Vlf, Result?.VlfPowerMs2, x, xTicks.Max);
        AddBand(drawn, T["BandLf"], 2, bands.Lf, Result?.LfPowerMs2, x, xTicks.Max);
        AddBand(drawn, T["BandHf"], 3, bands.Hf, Result?.HfPowerMs2, x, xTicks.Max);
        DrawnBands = drawn;

        Table = BuildTable(frequencies, density, bands);
        Description = BuildDescription(xTicks.Max);
    }

    private static void AddBand(List<DrawnBand> drawn, string name, int level, FrequencyBand edges, double? power, LinearScale x, double max)
    {
        var lower = Math.Max(0, edges.LowHz);
        var upper = Math.Min(max, edges.HighHz);
        if (upper > lower)
        {
            drawn.Add(new DrawnBand(name, level, x.Map(lower), x.Map(upper) - x.Map(lower), edges, power));
        }
    }

    private ChartTable BuildTable(double[] frequencies, double[] density, FrequencyBands bands)
    {
        var group = (int)Math.Ceiling(frequencies.Length / (double)MaxRows);
        var rows = new List<string[]>();
        for (var i = 0; i < frequencies.Length; i += group)
        {
            var end = Math.Min(frequencies.Length, i + group);
            double fSum = 0, pSum = 0;
            for (var j = i; j < end; j++)
            {
                fSum += frequencies[j];
                pSum += density[j];
            }

            var frequency = fSum / (end - i);
            rows.Add([ChartNumber.Plain(frequency), ChartNumber.Significant(pSum / (end - i), 3), BandOf(frequency, bands)]);
        }

        return new ChartTable(
            T["TableCaption"],
            [T["ColumnFrequency"], T["ColumnDensity"], T["ColumnBand"]],
            rows,
            group > 1 ? T.Format("TableNote", ChartNumber.Count(group), ChartNumber.Count(frequencies.Length)) : null);
    }

    private string BandOf(double frequency, FrequencyBands bands) =>
        frequency >= bands.Vlf.LowHz && frequency < bands.Vlf.HighHz ? T["BandVlf"]
        : frequency >= bands.Lf.LowHz && frequency < bands.Lf.HighHz ? T["BandLf"]
        : frequency >= bands.Hf.LowHz && frequency < bands.Hf.HighHz ? T["BandHf"]
        : "";

    private string BuildDescription(double maxHz)
    {
        var method = Spectrum!.Method == SpectralMethod.LombScargle ? "Lomb–Scargle" : "Welch";
        var text = T.Format("Summary", method, "0", ChartNumber.Label(maxHz, ChartNumber.DecimalsFor(maxHz)), LogarithmicPower ? T["ScaleLog"] : T["ScaleLinear"]);
        if (Result is { } r)
        {
            text += T.Format("SummaryBands", Power(r.VlfPowerMs2), Power(r.LfPowerMs2), Power(r.HfPowerMs2), r.LfHfRatio is { } ratio ? ChartNumber.Label(ratio, 2) : "–");
            if (r.LfPeakHz is { } lf && r.HfPeakHz is { } hf)
            {
                text += T.Format("SummaryPeaks", ChartNumber.Plain(lf), ChartNumber.Plain(hf));
            }
        }

        return text;
    }

    private static string Power(double? value) => value is { } v ? ChartNumber.Count((long)Math.Round(v)) : "–";

    private string LegendText(DrawnBand band) =>
        T.Format("LegendBand", band.Name, ChartNumber.Plain(band.Edges.LowHz), ChartNumber.Plain(band.Edges.HighHz), Power(band.PowerMs2));
}
