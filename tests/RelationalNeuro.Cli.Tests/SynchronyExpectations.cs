using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using RelationalNeuro.Synchrony;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

/// <summary>
/// The reference dyads (<c>reference/synchrony/data</c>, read in place) and the library's own answers for them, to
/// compare rn's synchrony tables with. Core itself is checked against rMEA and SUSY on the same files.
/// </summary>
internal static class SynchronyExpectations
{
    /// <summary>Each dyad of the reference manifest with its two RR files, in manifest order; skips without ../shared.</summary>
    public static (string Id, string A, string B)[] ReferenceDyads()
    {
        var folder = SharedData.RequireDirectory(Path.Combine("reference", "synchrony"));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "data", "manifest.json")));
        var dyads = manifest.RootElement.GetProperty("dyads").EnumerateArray().Select(d => (
            d.GetProperty("dyad_id").GetString()!,
            Path.Combine(folder, d.GetProperty("files").GetProperty("a_rr_ms").GetString()!),
            Path.Combine(folder, d.GetProperty("files").GetProperty("b_rr_ms").GetString()!))).ToArray();
        Assert.Equal(8, dyads.Length);
        return dyads;
    }

    /// <summary>The data folder of the reference dyads.</summary>
    public static string DataFolder => Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "synchrony")), "data");

    /// <summary>What <see cref="DyadAnalysis.Analyze(ReadOnlySpan{double}, ReadOnlySpan{double}, DyadAnalysisOptions?, CancellationToken)"/> returns for two one-column RR files (read here, not by rn's reader).</summary>
    public static DyadReport Analyze(string id, string a, string b, DyadAnalysisOptions options) =>
        DyadAnalysis.Analyze(ReadColumn(a), ReadColumn(b), options) with { DyadId = id };

    /// <summary>A one-column RR file's values in ms (read here, not by rn's reader).</summary>
    public static double[] ReadColumn(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Lowercase hex SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Columns checked against report members directly (not through the library's CSV writer).</summary>
    public static readonly (string Column, Func<DyadReport, double?> Member)[] Members =
    [
        ("duration_s", r => r.Alignment.DurationSeconds),
        ("samples", r => r.Alignment.SampleCount),
        ("a_rmssd_ms", r => r.HrvA?.TimeDomain?.RmssdMs),
        ("wlcc_windows", r => r.Windowed.WindowCount),
        ("wlcc_grand_average", r => r.Windowed.GrandAverage),
        ("wlcc_mean_a_lead", r => r.Windowed.MeanALead),
        ("wlcc_median_best_lag_s", r => r.Windowed.MedianBestLagSeconds),
        ("wlcc_sd_best_lag_s", r => r.Windowed.SdBestLagSeconds),
        ("susy_segments", r => r.Surrogate.SegmentCount),
        ("susy_z", r => r.Surrogate.Z),
        ("susy_z_pseudo", r => r.Surrogate.ZPseudo),
        ("susy_es", r => r.Surrogate.Es),
        ("susy_z_a_lead", r => r.Surrogate.ZALead),
        ("es_across_surrogates", r => r.Surrogate.EsAcrossSurrogates),
        ("segments_above_chance_percent", r => r.Verdict.PercentSegmentsAboveChance),
        ("lead_s", r => r.Verdict.LeadSeconds),
        ("problem_count", r => r.Problems.Count),
    ];

    /// <summary>
    /// Compares one row of rn's table (cells as text or typed values, null = missing) with the library's report: the
    /// members above, then every column of <see cref="DyadReport.CsvColumns"/> by value, then both inputs and hashes.
    /// </summary>
    public static void RowEquals(DyadReport expected, string a, string b, Func<string, object?> cell)
    {
        var what = expected.DyadId;
        Assert.Equal(expected.DyadId, Text(cell("dyad_id")));
        foreach (var (column, member) in Members)
        {
            HrvExpectations.Equal(member(expected), DuckDb.Number(cell(column)), $"{what} {column}");
        }

        Assert.Equal(expected.Verdict.Leader.ToString(), Text(cell("leader")));
        Assert.Equal(expected.Verdict.Text, Text(cell("verdict")));
        var cells = Tables.CsvLine.Split(expected.ToCsvRow());
        for (var c = 0; c < DyadReport.CsvColumns.Count; c++)
        {
            var name = DyadReport.CsvColumns[c];
            var value = cells[c].Length == 0 ? null : cells[c];
            if (Synchrony.SynchronyRows.KindOf(name) == Tables.ColumnKind.Text)
            {
                Assert.Equal(value, Text(cell(name)));
            }
            else
            {
                HrvExpectations.Equal(DuckDb.Number(value), DuckDb.Number(cell(name)), $"{what} {name}");
            }
        }

        Assert.Equal(a.Replace('\\', '/'), Text(cell("input_a")));
        Assert.Equal(b.Replace('\\', '/'), Text(cell("input_b")));
        Assert.Equal(Sha256(a), Text(cell("input_a_sha256")));
        Assert.Equal(Sha256(b), Text(cell("input_b_sha256")));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A synthetic RR file (ms, one per line): 800 ms plus a 10-s wave of 40 ms, shifted by <paramref name="shiftS"/>.</summary>
    public static string Rr(int beats, double shiftS = 0, double noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var t = 0.0;
        for (var k = 0; k < beats; k++)
        {
            var rr = 800 + (40 * Math.Sin(2 * Math.PI * (t - shiftS) / 10)) + (noise * (random.NextDouble() - 0.5));
            lines.Add(rr.ToString("0.###", CultureInfo.InvariantCulture));
            t += rr / 1000;
        }

        return string.Join('\n', lines) + "\n";
    }
}
