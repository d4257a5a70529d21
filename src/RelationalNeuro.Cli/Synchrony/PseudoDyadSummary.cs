using System.Text.Encodings.Web;
using System.Text.Json;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Commands;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Cli.Synchrony;

/// <summary>
/// <c>--pseudo-dyads &lt;file.json&gt;</c>: the cohort's real dyads against its pseudo-dyads (rMEA <c>shuffle(size = "max")</c>,
/// <see cref="PseudoDyads.CompareGrandAverages"/>): every dyad that could be aligned, in <c>dyad_id</c> order, each
/// pseudo-dyad's windowed cross-correlation grand average, and the comparison (means, SDs, Cohen's d), as one JSON file
/// (docs/cli.md, "Real against pseudo-dyads").
/// </summary>
internal static class PseudoDyadSummary
{
    /// <summary>
    /// Aligns every dyad without pairing or reading problems, compares (the pseudo-dyads on <see cref="BatchRequest.Jobs"/>
    /// threads, with the run's progress display: there are 2d² − 2d of them), and writes the summary to <paramref name="path"/>.
    /// </summary>
    /// <returns>The comparison written.</returns>
    /// <exception cref="UsageException">The file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled (Ctrl+C); nothing is written.</exception>
    public static RealVersusPseudo Write(string path, IReadOnlyList<DyadInput> dyads, SynchronyBatchOptions options, bool keepRoles, BatchRequest request, RnConsole console, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var series = new List<DyadSeries>();
        var left = new List<(string Id, string Why)>();
        foreach (var dyad in dyads)
        {
            var why = Align(dyad, options, out var aligned);
            if (why is null)
            {
                ids.Add(dyad.Id);
                series.Add(aligned!);
            }
            else
            {
                left.Add((dyad.Id, why));
            }
        }

        PseudoDyadComparison result;
        var total = PseudoDyads.Shuffle(series, keepRoles).Count;
        using (var progress = new ProgressReporter(console.Error, request.Progress, total, 0, "pseudo-dyads", request.ProgressInterval, console.Time))
        {
            result = PseudoDyads.CompareGrandAveragesCancellable(series, options.Analysis.Windowed, keepRoles, request.Jobs, new Completions(progress), cancellationToken);
            progress.Finish();
        }

        var temp = path + ".tmp";
        try
        {
            using (var stream = OutputStream.CreateTemporary(temp))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteJson(json, ids, left, result, options, keepRoles);
            }

            File.Move(temp, path, overwrite: true);
            return result.Comparison;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--pseudo-dyads {path}: {exception.Message}");
        }
    }

    /// <summary>Null and the grid, or why the dyad is left out (pairing problems, unreadable, no overlap).</summary>
    private static string? Align(DyadInput dyad, SynchronyBatchOptions options, out DyadSeries? aligned)
    {
        aligned = null;
        if (dyad.Problems.Count > 0)
        {
            return "pairing: " + string.Join(';', dyad.Problems.Select(p => p.Code));
        }

        try
        {
            var a = options.Input.ReadAndHash(dyad.A!).Read;
            var b = options.Input.ReadAndHash(dyad.B!).Read;
            aligned = DyadAlignment.Align(a.Series, dyad.PlaceB(b.Series), options.Analysis.Alignment);
            return aligned.Count > 0 ? null : "alignment: " + string.Join(';', aligned.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Code).Distinct());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "cli.unreadable-file";
        }
    }

    private static void WriteJson(Utf8JsonWriter json, List<string> ids, List<(string Id, string Why)> left, PseudoDyadComparison result, SynchronyBatchOptions options, bool keepRoles)
    {
        var c = result.Comparison;
        json.WriteStartObject();
        json.WriteString("rn.tool", "rn " + CommonOptions.ToolVersion);
        json.WriteString("method", "rMEA shuffle(size = \"max\") + cohens_d on the windowed cross-correlation grand average (PseudoDyads.CompareGrandAverages)");
        json.WriteBoolean("keep_roles", keepRoles);
        json.WriteString("wlcc_transform", options.Transform);
        json.WriteStartObject("comparison");
        json.WriteNumber("real_count", c.RealCount);
        json.WriteNumber("pseudo_count", c.PseudoCount);
        Number(json, "real_mean", c.RealMean);
        Number(json, "real_sd", c.RealSd);
        Number(json, "pseudo_mean", c.PseudoMean);
        Number(json, "pseudo_sd", c.PseudoSd);
        Number(json, "cohens_d", c.CohensD);
        json.WriteString("problem_codes", string.Join(';', c.Problems.Select(p => p.Code).Distinct()));
        json.WriteEndObject();
        json.WriteStartArray("real");
        for (var i = 0; i < ids.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("dyad_id", ids[i]);
            Number(json, "wlcc_grand_average", result.RealGrandAverages[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("pseudo");
        for (var p = 0; p < result.Pairs.Count; p++)
        {
            var pair = result.Pairs[p];
            json.WriteStartObject();
            json.WriteString("a_dyad_id", ids[pair.FirstDyad]);
            json.WriteString("a_member", HrvBatchOptions.Kebab(pair.FirstMember.ToString()));
            json.WriteString("b_dyad_id", ids[pair.SecondDyad]);
            json.WriteString("b_member", HrvBatchOptions.Kebab(pair.SecondMember.ToString()));
            json.WriteNumber("samples", pair.SampleCount);
            Number(json, "wlcc_grand_average", result.PseudoGrandAverages[p]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("left_out");
        foreach (var (id, why) in left)
        {
            json.WriteStartObject();
            json.WriteString("dyad_id", id);
            json.WriteString("why", why);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Counts each finished pseudo-dyad on the progress display.</summary>
    private sealed class Completions(ProgressReporter progress) : IProgress<int>
    {
        public void Report(int value) => progress.Completed(hadProblems: false);
    }
}
