using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The whole HRV analysis of one recording, from <see cref="HrvAnalysis.Analyze(ReadOnlySpan{double}, HrvAnalysisOptions?, CancellationToken)"/>:
/// the input's summary, the artifact summary, every metric on the corrected NN series, and every problem met tagged
/// with its stage. Immutable. Serializes to JSON (<see cref="ToJson"/>, source-generated, trim- and AOT-safe) and to a
/// flat CSV row (<see cref="CsvHeader"/>, <see cref="ToCsvRow"/>). Definitions of each metric: the result types and docs/hrv.md.
/// </summary>
/// <param name="RecordingId">The recording's id (the batch id, or set with <c>with</c>); null when none was given.</param>
/// <param name="Input">Summary of the raw RR values.</param>
/// <param name="Artifacts">Artifact summary; null when no interval was accepted.</param>
/// <param name="TimeDomain">Time-domain and geometric metrics; null when no NN interval was left.</param>
/// <param name="Poincare">Poincaré descriptors; null when no NN interval was left.</param>
/// <param name="FrequencyDomain">Frequency-domain metrics; null when skipped (<see cref="HrvAnalysisOptions.IncludeFrequencyDomain"/>) or no NN interval was left.</param>
/// <param name="SampleEntropy">Sample entropy; null when skipped (<see cref="HrvAnalysisOptions.IncludeEntropy"/>) or no NN interval was left.</param>
/// <param name="ApproximateEntropy">Approximate entropy; null when skipped or no NN interval was left.</param>
/// <param name="Dfa">DFA α1 and α2; null when skipped (<see cref="HrvAnalysisOptions.IncludeDfa"/>) or no NN interval was left.</param>
/// <param name="Problems">
/// Every problem met, in stage order: input, artifacts, time domain, Poincaré, frequency domain, sample entropy,
/// approximate entropy, DFA, then the analysis as a whole (<c>hrv.no-intervals</c>, <c>hrv.no-nn-intervals</c>, and in a
/// batch <c>hrv.no-data</c>, <c>hrv.analysis-failed</c>). Each stage's own problems are also on its member
/// (<see cref="HrvInputSummary.Problems"/>, <see cref="HrvArtifactSummary.Problems"/>, <see cref="TimeDomainResult.Problems"/>, …).
/// </param>
public sealed record HrvReport(
    string? RecordingId,
    HrvInputSummary Input,
    HrvArtifactSummary? Artifacts,
    TimeDomainResult? TimeDomain,
    PoincareResult? Poincare,
    FrequencyDomainResult? FrequencyDomain,
    SampleEntropyResult? SampleEntropy,
    ApproximateEntropyResult? ApproximateEntropy,
    DfaResult? Dfa,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Every problem met, in stage order (see the type's <c>Problems</c> parameter). A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);

    /// <summary>
    /// Baevsky's stress index and Kubios' PNS and SNS indexes (<see cref="HrvMetrics.Autonomic(ReadOnlySpan{double}, AutonomicOptions?)"/>);
    /// null when skipped (<see cref="HrvAnalysisOptions.IncludeAutonomic"/>) or no NN interval was left. Its problems are in
    /// <see cref="Problems"/> after the DFA's.
    /// </summary>
    public AutonomicResult? Autonomic { get; init; }

    private static readonly (string Name, Func<HrvReport, string> Cell)[] Columns = BuildColumns();

    /// <summary>
    /// The CSV header matching <see cref="ToCsvRow"/>: comma-separated snake_case column names with units
    /// (<c>_ms</c>, <c>_s</c>, <c>_bpm</c>, <c>_ms2</c>, <c>_hz</c>, <c>_percent</c>, <c>_nu</c>; no suffix = dimensionless or a count).
    /// </summary>
    public static string CsvHeader { get; } = string.Join(',', Columns.Select(c => c.Name));

    /// <summary>The CSV column names, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>
    /// One CSV row (no line break) matching <see cref="CsvHeader"/>: numbers in invariant culture with round-trip
    /// precision, an empty cell for a null metric, text quoted per RFC 4180 when it holds a comma, quote or line break.
    /// <c>problem_codes</c> lists the distinct problem codes separated by <c>;</c>.
    /// </summary>
    /// <returns>The row.</returns>
    public string ToCsvRow()
    {
        var builder = new StringBuilder(1024);
        for (var i = 0; i < Columns.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Columns[i].Cell(this));
        }

        return builder.ToString();
    }

    /// <summary>
    /// A whole CSV table: <see cref="CsvHeader"/> then one <see cref="ToCsvRow"/> per report, each line ended by <c>\n</c>.
    /// </summary>
    /// <param name="reports">The reports, e.g. from <see cref="HrvAnalysis.AnalyzeManyAsync"/>.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or one of its items is null.</exception>
    public static string ToCsv(IEnumerable<HrvReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var builder = new StringBuilder();
        builder.Append(CsvHeader).Append('\n');
        foreach (var report in reports)
        {
            ArgumentNullException.ThrowIfNull(report, nameof(reports));
            builder.Append(report.ToCsvRow()).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The report as indented camelCase JSON (enums as strings; null members omitted), trim- and AOT-safe.</summary>
    /// <remarks>
    /// Written member by member to a <see cref="Utf8JsonWriter"/> by generated code (<c>eng/report-json/generate.cs</c>):
    /// the same text, byte for byte, as the source-generated metadata context <see cref="FromJson"/> reads with, without
    /// building serializer metadata, so the first call in a fresh JIT process costs about 20 ms instead of 60–100 ms
    /// (docs/performance.md, "Cold start"). A result never holds NaN or ∞; should one ever reach this method, the writer
    /// refuses it and the metadata context writes it as a named literal instead of failing.
    /// </remarks>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        try
        {
            return HrvReportJsonWriter.ToJson(this);
        }
        catch (ArgumentException)
        {
            return JsonSerializer.Serialize(this, HrvJsonContext.Default.HrvReport);
        }
    }

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static HrvReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, HrvJsonContext.Default.HrvReport)
                ?? throw new JsonException("The JSON text is null, not a report.");
        }
        catch (ArgumentException exception)
        {
            // A member the report's own checks refuse (a null problem list, a count out of range): not a report.
            throw new JsonException($"The JSON text is not a report: {exception.Message}", exception);
        }
    }

    private static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Num(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Num(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// The time the irregular-rhythm segments of <paramref name="artifacts"/> cover, s (the sum of their durations; they do
    /// not overlap); null without an artifact step. The CSV's <c>irregular_duration_s</c> (and the dyad table's per member).
    /// </summary>
    internal static double? IrregularSeconds(HrvArtifactSummary? artifacts)
    {
        if (artifacts is null)
        {
            return null;
        }

        var seconds = 0.0;
        foreach (var segment in artifacts.IrregularSegments)
        {
            seconds += segment.DurationSeconds;
        }

        return seconds;
    }

    private static (string, Func<HrvReport, string>)[] BuildColumns()
    {
        var columns = new List<(string, Func<HrvReport, string>)>
        {
            ("recording_id", r => Text(r.RecordingId)),
            ("input_count", r => Num(r.Input.InputCount)),
            ("accepted_count", r => Num(r.Input.AcceptedCount)),
            ("input_duration_s", r => Num(r.Input.DurationSeconds)),
            ("rr_min_ms", r => Num(r.Input.MinRrMs)),
            ("rr_max_ms", r => Num(r.Input.MaxRrMs)),
            ("rr_mean_ms", r => Num(r.Input.MeanRrMs)),
            ("input_problem_count", r => Num(r.Input.ProblemCount)),
            ("artifact_method", r => Text(r.Artifacts?.Method.ToString())),
            ("artifact_correction", r => Text(r.Artifacts?.Correction.ToString())),
            ("flagged_count", r => Num(r.Artifacts?.FlaggedCount)),
        };
        foreach (var kind in Enum.GetValues<ArtifactKind>())
        {
            columns.Add(("flagged_" + SnakeCase(kind.ToString()), r => Num(r.Artifacts?.CountOf(kind))));
        }

        columns.AddRange(
        [
            ("irregular_segment_count", r => Num(r.Artifacts?.IrregularSegments.Count)),
            ("irregular_duration_s", r => Num(IrregularSeconds(r.Artifacts))),
            ("nn_count", r => Num(r.Artifacts?.NnCount)),
            ("nn_duration_s", r => Num(r.Artifacts?.NnDurationSeconds)),
            ("mean_nn_ms", r => Num(r.TimeDomain?.MeanNnMs)),
            ("sdnn_ms", r => Num(r.TimeDomain?.SdnnMs)),
            ("rmssd_ms", r => Num(r.TimeDomain?.RmssdMs)),
            ("sdsd_ms", r => Num(r.TimeDomain?.SdsdMs)),
            ("nn50", r => Num(r.TimeDomain?.Nn50)),
            ("pnn50_percent", r => Num(r.TimeDomain?.Pnn50Percent)),
            ("nn20", r => Num(r.TimeDomain?.Nn20)),
            ("pnn20_percent", r => Num(r.TimeDomain?.Pnn20Percent)),
            ("mean_hr_bpm", r => Num(r.TimeDomain?.MeanHrBpm)),
            ("hr_from_mean_nn_bpm", r => Num(r.TimeDomain?.HrFromMeanNnBpm)),
            ("sd_hr_bpm", r => Num(r.TimeDomain?.SdHrBpm)),
            ("min_hr_bpm", r => Num(r.TimeDomain?.MinHrBpm)),
            ("max_hr_bpm", r => Num(r.TimeDomain?.MaxHrBpm)),
            ("min_nn_ms", r => Num(r.TimeDomain?.MinNnMs)),
            ("max_nn_ms", r => Num(r.TimeDomain?.MaxNnMs)),
            ("median_nn_ms", r => Num(r.TimeDomain?.MedianNnMs)),
            ("mad_nn_ms", r => Num(r.TimeDomain?.MadNnMs)),
            ("iqr_nn_ms", r => Num(r.TimeDomain?.IqrNnMs)),
            ("cvnn", r => Num(r.TimeDomain?.CvNn)),
            ("cvsd", r => Num(r.TimeDomain?.CvSd)),
            ("triangular_index", r => Num(r.TimeDomain?.TriangularIndex)),
            ("tinn_ms", r => Num(r.TimeDomain?.TinnMs)),
            ("sdann_ms", r => Num(r.TimeDomain?.SdannMs)),
            ("sdnn_index_ms", r => Num(r.TimeDomain?.SdnnIndexMs)),
            ("sd1_ms", r => Num(r.Poincare?.Sd1Ms)),
            ("sd2_ms", r => Num(r.Poincare?.Sd2Ms)),
            ("sd1_sd2", r => Num(r.Poincare?.Sd1OverSd2)),
            ("ellipse_area_ms2", r => Num(r.Poincare?.EllipseAreaMs2)),
            ("csi", r => Num(r.Poincare?.Csi)),
            ("cvi", r => Num(r.Poincare?.Cvi)),
            ("modified_csi_ms", r => Num(r.Poincare?.ModifiedCsiMs)),
            ("spectral_method", r => Text(r.FrequencyDomain?.Method.ToString())),
            ("ulf_power_ms2", r => Num(r.FrequencyDomain?.UlfPowerMs2)),
            ("vlf_power_ms2", r => Num(r.FrequencyDomain?.VlfPowerMs2)),
            ("lf_power_ms2", r => Num(r.FrequencyDomain?.LfPowerMs2)),
            ("hf_power_ms2", r => Num(r.FrequencyDomain?.HfPowerMs2)),
            ("vhf_power_ms2", r => Num(r.FrequencyDomain?.VhfPowerMs2)),
            ("total_power_ms2", r => Num(r.FrequencyDomain?.TotalPowerMs2)),
            ("ulf_peak_hz", r => Num(r.FrequencyDomain?.UlfPeakHz)),
            ("vlf_peak_hz", r => Num(r.FrequencyDomain?.VlfPeakHz)),
            ("lf_peak_hz", r => Num(r.FrequencyDomain?.LfPeakHz)),
            ("hf_peak_hz", r => Num(r.FrequencyDomain?.HfPeakHz)),
            ("vhf_peak_hz", r => Num(r.FrequencyDomain?.VhfPeakHz)),
            ("ulf_relative_percent", r => Num(r.FrequencyDomain?.UlfRelativePercent)),
            ("vlf_relative_percent", r => Num(r.FrequencyDomain?.VlfRelativePercent)),
            ("lf_relative_percent", r => Num(r.FrequencyDomain?.LfRelativePercent)),
            ("hf_relative_percent", r => Num(r.FrequencyDomain?.HfRelativePercent)),
            ("lf_nu", r => Num(r.FrequencyDomain?.LfNormalizedUnits)),
            ("hf_nu", r => Num(r.FrequencyDomain?.HfNormalizedUnits)),
            ("lf_hf_ratio", r => Num(r.FrequencyDomain?.LfHfRatio)),
            ("sample_entropy", r => Num(r.SampleEntropy?.Value)),
            ("sample_entropy_tolerance_ms", r => Num(r.SampleEntropy?.ToleranceMs)),
            ("approximate_entropy", r => Num(r.ApproximateEntropy?.Value)),
            ("approximate_entropy_tolerance_ms", r => Num(r.ApproximateEntropy?.ToleranceMs)),
            ("entropy_embedding_dimension", r => Num(r.SampleEntropy?.EmbeddingDimension)),
            ("dfa_alpha1", r => Num(r.Dfa?.Alpha1)),
            ("dfa_alpha2", r => Num(r.Dfa?.Alpha2)),
            ("mode_s", r => Num(r.Autonomic?.ModeS)),
            ("amplitude_of_mode_percent", r => Num(r.Autonomic?.AmplitudeOfModePercent)),
            ("variation_range_s", r => Num(r.Autonomic?.VariationRangeS)),
            ("baevsky_stress_index", r => Num(r.Autonomic?.BaevskyStressIndex)),
            ("stress_index", r => Num(r.Autonomic?.StressIndex)),
            ("pns_index", r => Num(r.Autonomic?.PnsIndex)),
            ("sns_index", r => Num(r.Autonomic?.SnsIndex)),
            ("problem_count", r => Num(r.Problems.Count)),
            ("problem_codes", r => Text(string.Join(';', r.Problems.Select(p => p.Code).Distinct(StringComparer.Ordinal)))),
        ]);
        return columns.ToArray();
    }

    private static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
