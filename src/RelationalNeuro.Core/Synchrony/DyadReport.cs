using System.Globalization;
using System.Text;
using System.Text.Json;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// The whole synchrony analysis of one dyad, from <see cref="DyadAnalysis.Analyze(RrSeries, RrSeries, DyadAnalysisOptions?, CancellationToken)"/>:
/// alignment, both members' HRV, the windowed cross-correlation summary and lag profile, surrogate synchrony and a verdict.
/// Immutable. JSON (<see cref="ToJson"/>, source-generated) and one flat CSV row (<see cref="CsvHeader"/>, <see cref="ToCsvRow"/>).
/// </summary>
/// <param name="DyadId">The dyad's id; null when none was given (set with <c>with</c>).</param>
/// <param name="NameA">What the verdict calls member A.</param>
/// <param name="NameB">What the verdict calls member B.</param>
/// <param name="Alignment">The grid.</param>
/// <param name="HrvA">Member A's HRV report (on A's own RR series); null when skipped.</param>
/// <param name="HrvB">Member B's HRV report; null when skipped.</param>
/// <param name="Windowed">Windowed lagged cross-correlation summary.</param>
/// <param name="LagProfile">Mean windowed cross-correlation per lag (lag in s, positive = B follows A).</param>
/// <param name="Surrogate">Surrogate synchrony (SUSY statistics and the library's per-segment test).</param>
/// <param name="Verdict">The practitioner's reading.</param>
/// <param name="Problems">Every problem met, in stage order: alignment, HRV A (under <c>$.hrvA</c>: a metric's problem at <c>$.hrvA.ULF</c>), HRV B, windowed, surrogate.</param>
public sealed record DyadReport(
    string? DyadId,
    string NameA,
    string NameB,
    DyadAlignmentSummary Alignment,
    HrvReport? HrvA,
    HrvReport? HrvB,
    WindowedSynchronySummary Windowed,
    IReadOnlyList<DyadLagPoint> LagProfile,
    SurrogateSynchronyResult Surrogate,
    DyadVerdict Verdict,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Every problem met, in stage order. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);

    private static readonly (string Name, Func<DyadReport, string> Cell)[] Columns =
    [
        ("dyad_id", r => Text(r.DyadId)),
        ("name_a", r => Text(r.NameA)),
        ("name_b", r => Text(r.NameB)),
        ("signal", r => Text(r.Alignment.Signal.ToString())),
        ("sample_rate_hz", r => Num(r.Alignment.SampleRateHz)),
        ("start_s", r => Num(r.Alignment.StartTimeSeconds)),
        ("duration_s", r => Num(r.Alignment.DurationSeconds)),
        ("samples", r => Num(r.Alignment.SampleCount)),
        ("flagged_a", r => Num(r.Alignment.ArtifactsFlaggedA)),
        ("flagged_b", r => Num(r.Alignment.ArtifactsFlaggedB)),
        ("a_mean_nn_ms", r => Num(r.HrvA?.TimeDomain?.MeanNnMs)),
        ("a_sdnn_ms", r => Num(r.HrvA?.TimeDomain?.SdnnMs)),
        ("a_rmssd_ms", r => Num(r.HrvA?.TimeDomain?.RmssdMs)),
        ("b_mean_nn_ms", r => Num(r.HrvB?.TimeDomain?.MeanNnMs)),
        ("b_sdnn_ms", r => Num(r.HrvB?.TimeDomain?.SdnnMs)),
        ("b_rmssd_ms", r => Num(r.HrvB?.TimeDomain?.RmssdMs)),
        ("a_irregular_duration_s", r => Num(HrvReport.IrregularSeconds(r.HrvA?.Artifacts))),
        ("b_irregular_duration_s", r => Num(HrvReport.IrregularSeconds(r.HrvB?.Artifacts))),
        ("wlcc_windows", r => Num(r.Windowed.WindowCount)),
        ("wlcc_computed_cells", r => Num(r.Windowed.ComputedCellCount)),
        ("wlcc_grand_average", r => Num(r.Windowed.GrandAverage)),
        ("wlcc_mean_a_lead", r => Num(r.Windowed.MeanALead)),
        ("wlcc_mean_b_lead", r => Num(r.Windowed.MeanBLead)),
        ("wlcc_mean_lag_zero", r => Num(r.Windowed.MeanLagZero)),
        ("wlcc_median_best_lag_s", r => Num(r.Windowed.MedianBestLagSeconds)),
        ("wlcc_mean_best_lag_s", r => Num(r.Windowed.MeanBestLagSeconds)),
        ("wlcc_sd_best_lag_s", r => Num(r.Windowed.SdBestLagSeconds)),
        ("wlcc_mean_best_value", r => Num(r.Windowed.MeanBestValue)),
        ("susy_segments", r => Num(r.Surrogate.SegmentCount)),
        ("susy_z", r => Num(r.Surrogate.Z)),
        ("susy_z_pseudo", r => Num(r.Surrogate.ZPseudo)),
        ("susy_sd_z", r => Num(r.Surrogate.SdZ)),
        ("susy_sd_z_pseudo", r => Num(r.Surrogate.SdZPseudo)),
        ("susy_es", r => Num(r.Surrogate.Es)),
        ("susy_above_pseudo_percent", r => Num(r.Surrogate.PercentAbovePseudo)),
        ("susy_z_a_lead", r => Num(r.Surrogate.ZALead)),
        ("susy_z_b_lead", r => Num(r.Surrogate.ZBLead)),
        ("susy_es_a_lead", r => Num(r.Surrogate.EsALead)),
        ("susy_es_b_lead", r => Num(r.Surrogate.EsBLead)),
        ("susy_mean_z_in_phase", r => Num(r.Surrogate.MeanZInPhase)),
        ("susy_mean_z_anti_phase", r => Num(r.Surrogate.MeanZAntiPhase)),
        ("susy_in_phase_lags", r => Num(r.Surrogate.CountInPhase)),
        ("susy_anti_phase_lags", r => Num(r.Surrogate.CountAntiPhase)),
        ("susy_z_no_abs", r => Num(r.Surrogate.ZNoAbs)),
        ("susy_z_pseudo_no_abs", r => Num(r.Surrogate.ZPseudoNoAbs)),
        ("susy_above_pseudo_no_abs_percent", r => Num(r.Surrogate.PercentAbovePseudoNoAbs)),
        ("susy_es_no_abs", r => Num(r.Surrogate.EsNoAbs)),
        ("surrogate_pair_z_mean", r => Num(r.Surrogate.SurrogatePairZMean)),
        ("surrogate_pair_z_sd", r => Num(r.Surrogate.SurrogatePairZSd)),
        ("es_across_surrogates", r => Num(r.Surrogate.EsAcrossSurrogates)),
        ("chance_threshold_z", r => Num(r.Surrogate.ChanceThresholdZ)),
        ("segments_above_chance", r => Num(r.Verdict.SegmentsAboveChance)),
        ("segments_above_chance_percent", r => Num(r.Verdict.PercentSegmentsAboveChance)),
        ("leader", r => Text(r.Verdict.Leader.ToString())),
        ("lead_s", r => Num(r.Verdict.LeadSeconds)),
        ("verdict", r => Text(r.Verdict.Text)),
        ("problem_count", r => Num(r.Problems.Count)),
        ("problem_codes", r => Text(string.Join(';', r.Problems.Select(p => p.Code).Distinct()))),
    ];

    /// <summary>The CSV header matching <see cref="ToCsvRow"/>: snake_case names with units (<c>_s</c>, <c>_hz</c>, <c>_ms</c>, <c>_percent</c>; no suffix = dimensionless or a count).</summary>
    public static string CsvHeader { get; } = string.Join(',', Columns.Select(c => c.Name));

    /// <summary>The CSV column names, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>One CSV row (no line break): invariant round-trip numbers, empty cells for nulls, RFC 4180 quoting.</summary>
    /// <returns>The row.</returns>
    public string ToCsvRow()
    {
        var builder = new StringBuilder(512);
        for (var i = 0; i < Columns.Length; i++)
        {
            builder.Append(i > 0 ? "," : string.Empty).Append(Columns[i].Cell(this));
        }

        return builder.ToString();
    }

    /// <summary>A CSV table: <see cref="CsvHeader"/> then one row per report, each line ended by <c>\n</c>.</summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or an item is null.</exception>
    public static string ToCsv(IEnumerable<DyadReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var builder = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var report in reports)
        {
            ArgumentNullException.ThrowIfNull(report, nameof(reports));
            builder.Append(report.ToCsvRow()).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The report as indented camelCase JSON (enums as strings, nulls omitted), source-generated.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, DyadJsonContext.Default.DyadReport);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static DyadReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, DyadJsonContext.Default.DyadReport)
                ?? throw new JsonException("The JSON text is null, not a dyad report.");
        }
        catch (ArgumentException exception)
        {
            // A member the report's own checks refuse (a null problem list, a count out of range): not a report.
            throw new JsonException($"The JSON text is not a dyad report: {exception.Message}", exception);
        }
    }

    private static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
