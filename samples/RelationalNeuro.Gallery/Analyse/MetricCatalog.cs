using System.Globalization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>One metric row of the report: what it is called, its unit, how to read it off a report, and its definition.</summary>
/// <param name="Id">The element id of its value cell (<c>metric-{Id}</c>).</param>
/// <param name="Name">Short name, as Kubios and the Task Force write it.</param>
/// <param name="Unit">Unit, or empty for a dimensionless value or a count.</param>
/// <param name="Decimals">Decimals shown.</param>
/// <param name="Location">The problem location naming this metric when it is left out (e.g. <c>SDANN</c>, <c>ULF</c>).</param>
/// <param name="Value">Reads the value; null when not computed.</param>
/// <param name="Definition">The definition in one or two sentences, with its source.</param>
internal sealed record MetricRow(string Id, string Name, string Unit, int Decimals, string? Location, Func<HrvReport, double?> Value, string Definition)
{
    public string Format(HrvReport report) =>
        Value(report) is { } v && double.IsFinite(v) ? v.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";
}

/// <summary>A group of metric rows (time domain, frequency domain, non-linear).</summary>
internal sealed record MetricGroup(string Id, string Title, IReadOnlyList<MetricRow> Rows);

/// <summary>The report's metrics in the order Kubios' results view shows them, with the definitions of docs/hrv.md.</summary>
internal static class MetricCatalog
{
    private const string TaskForce = "Task Force of the ESC and NASPE 1996";

    public static IReadOnlyList<MetricGroup> Groups { get; } =
    [
        new("time", "Time domain",
        [
            new("mean-nn", "Mean NN", "ms", 1, null, r => r.TimeDomain?.MeanNnMs, "Mean of the NN intervals (RR intervals after artifact correction)."),
            new("sdnn", "SDNN", "ms", 1, "SDNN", r => r.TimeDomain?.SdnnMs, $"Standard deviation of the NN intervals, with the n − 1 denominator ({TaskForce})."),
            new("rmssd", "RMSSD", "ms", 1, "RMSSD", r => r.TimeDomain?.RmssdMs, $"Root mean square of successive differences: √(mean of (NNᵢ₊₁ − NNᵢ)²) over the N − 1 differences ({TaskForce})."),
            new("sdsd", "SDSD", "ms", 1, "SDSD", r => r.TimeDomain?.SdsdMs, "Standard deviation of the signed successive differences NNᵢ₊₁ − NNᵢ (sample SD)."),
            new("nn50", "NN50", "", 0, "NN50", r => r.TimeDomain?.Nn50, "Number of successive differences strictly greater than 50 ms."),
            new("pnn50", "pNN50", "%", 1, "pNN50", r => r.TimeDomain?.Pnn50Percent, "NN50 as a percentage of the N − 1 successive differences (Shaffer & Ginsberg 2017)."),
            new("pnn20", "pNN20", "%", 1, "pNN20", r => r.TimeDomain?.Pnn20Percent, "Successive differences strictly greater than 20 ms, as a percentage of the N − 1 differences (Shaffer & Ginsberg 2017)."),
            new("mean-hr", "Mean HR", "bpm", 1, null, r => r.TimeDomain?.MeanHrBpm, "Mean of the instantaneous heart rates 60,000 / NNᵢ."),
            new("sd-hr", "SD HR", "bpm", 1, null, r => r.TimeDomain?.SdHrBpm, "Standard deviation of the instantaneous heart rates (n − 1)."),
            new("min-hr", "Min HR", "bpm", 1, null, r => r.TimeDomain?.MinHrBpm, "Lowest instantaneous heart rate."),
            new("max-hr", "Max HR", "bpm", 1, null, r => r.TimeDomain?.MaxHrBpm, "Highest instantaneous heart rate."),
            new("triangular-index", "HRV triangular index", "", 2, "TriangularIndex", r => r.TimeDomain?.TriangularIndex, $"Number of NN intervals divided by the count of the fullest bin of their histogram (7.8125-ms = 1/128-s bins) ({TaskForce})."),
            new("tinn", "TINN", "ms", 1, "TINN", r => r.TimeDomain?.TinnMs, $"Base width of the triangle fitted by least squares to the same histogram ({TaskForce})."),
            new("sdann", "SDANN", "ms", 1, "SDANN", r => r.TimeDomain?.SdannMs, $"Standard deviation (n − 1) of the means of the NN intervals in complete 5-min segments; needs two complete segments, i.e. 10 min ({TaskForce})."),
            new("sdnn-index", "SDNN index", "ms", 1, "SDANN", r => r.TimeDomain?.SdnnIndexMs, $"Mean of the SDNNs of the complete 5-min segments ({TaskForce})."),
        ]),
        new("frequency", "Frequency domain",
        [
            new("ulf", "ULF power", "ms²", 0, "ULF", r => r.FrequencyDomain?.UlfPowerMs2, $"Power at 0–0.003 Hz; defined on 24-h recordings only ({TaskForce})."),
            new("vlf", "VLF power", "ms²", 0, "VLF", r => r.FrequencyDomain?.VlfPowerMs2, $"Power at 0.003–0.04 Hz, same spectrum; needs at least 5 min ({TaskForce})."),
            new("lf", "LF power", "ms²", 0, "LF", r => r.FrequencyDomain?.LfPowerMs2, $"Power at 0.04–0.15 Hz: Welch's method (256-s Hann segments, 50 % overlap) on the NN series resampled at 4 Hz by a cubic spline, integrated over the band; needs at least 2 min ({TaskForce})."),
            new("hf", "HF power", "ms²", 0, "HF", r => r.FrequencyDomain?.HfPowerMs2, $"Power at 0.15–0.4 Hz, same spectrum; needs at least 1 min ({TaskForce})."),
            new("total-power", "Total power", "ms²", 0, "TP", r => r.FrequencyDomain?.TotalPowerMs2, $"ULF + VLF + LF + HF: the variance of the NN series up to 0.4 Hz ({TaskForce})."),
            new("lf-peak", "LF peak", "Hz", 3, "LF", r => r.FrequencyDomain?.LfPeakHz, "Frequency of the largest spectral density in [0.04, 0.15) Hz."),
            new("hf-peak", "HF peak", "Hz", 3, "HF", r => r.FrequencyDomain?.HfPeakHz, "Frequency of the largest spectral density in [0.15, 0.4) Hz."),
            new("lf-nu", "LF", "n.u.", 1, "LF", r => r.FrequencyDomain?.LfNormalizedUnits, "LF / (LF + HF) × 100, normalised units."),
            new("hf-nu", "HF", "n.u.", 1, "HF", r => r.FrequencyDomain?.HfNormalizedUnits, "HF / (LF + HF) × 100, normalised units."),
            new("lf-hf", "LF/HF", "", 2, "LF/HF", r => r.FrequencyDomain?.LfHfRatio, "Ratio of LF to HF power."),
        ]),
        new("nonlinear", "Non-linear",
        [
            new("sd1", "SD1", "ms", 1, "SD1", r => r.Poincare?.Sd1Ms, "Poincaré plot: SD of (NNᵢ − NNᵢ₊₁)/√2, the spread across the line of identity (Brennan et al. 2001)."),
            new("sd2", "SD2", "ms", 1, "SD2", r => r.Poincare?.Sd2Ms, "Poincaré plot: SD of (NNᵢ + NNᵢ₊₁)/√2, the spread along the line of identity (Brennan et al. 2001)."),
            new("sd1-sd2", "SD1/SD2", "", 3, "SD1/SD2", r => r.Poincare?.Sd1OverSd2, "Ratio of SD1 to SD2."),
            new("sampen", "Sample entropy", "", 3, "SampEn", r => r.SampleEntropy?.Value, "−ln(A/B): B pairs of 2-beat templates within r = 0.2 × SDNN of each other, A of them still within r at 3 beats; self-matches excluded (Richman & Moorman 2000)."),
            new("apen", "Approximate entropy", "", 3, "ApEn", r => r.ApproximateEntropy?.Value, "Φ²(r) − Φ³(r) with r = 0.2 × SDNN, self-matches included (Pincus 1991)."),
            new("dfa1", "DFA α1", "", 3, "DFA", r => r.Dfa?.Alpha1, "Detrended fluctuation analysis: slope of log F(n) against log n over windows of 4–16 beats (Peng et al. 1995)."),
            new("dfa2", "DFA α2", "", 3, "DFA", r => r.Dfa?.Alpha2, "The same slope over windows of 16–64 beats (Peng et al. 1995)."),
            new("stress-index", "Stress index", "1/s", 1, "StressIndex", r => r.Autonomic?.StressIndex, "√SI as Kubios reports it, with Baevsky's SI = AMo / (2 · Mo · MxDMn) on a histogram of 50-ms bins (Baevsky & Chernikova 2017)."),
            new("pns-index", "PNS index", "", 2, "PNS", r => r.Autonomic?.PnsIndex, "Kubios' parasympathetic index: mean of the z-scores of mean NN, RMSSD and SD1 against resting norms (Nunan et al. 2010)."),
            new("sns-index", "SNS index", "", 2, "SNS", r => r.Autonomic?.SnsIndex, "Kubios' sympathetic index: mean of the z-scores of mean HR and √SI and the negated z-score of SD2, against resting norms (Nunan et al. 2010)."),
        ]),
    ];
}
