using System.Globalization;
using System.Text.Json;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Cli.Tests;

public sealed class SynchronyAnalyzeTests
{
    private static readonly string[] Quiet = ["--progress", "none"];

    [Fact]
    public async Task Analyze_ReferenceDyadsByNameToCsv_EveryRowEqualsTheLibrary()
    {
        var dyads = SynchronyExpectations.ReferenceDyads();
        using var temp = new TempFolder();
        var output = temp["sync.csv"];
        var run = await RnRunner.InProcessAsync(["synchrony", "analyze", SynchronyExpectations.DataFolder + "/*.rr_ms.txt", "-o", output, "--jobs", "2", .. Quiet]);

        Assert.Equal(0, run.ExitCode); // warnings and infos only (HRV metrics that need longer recordings, a constant segment)
        var rows = DuckDb.Csv(output);
        var expected = dyads.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Select(d => d.Id), rows.Select(r => r["dyad_id"]));
        for (var i = 0; i < expected.Length; i++)
        {
            var (id, a, b) = expected[i];
            var report = SynchronyExpectations.Analyze(id, a, b, DyadAnalysisOptions.Default);
            SynchronyExpectations.RowEquals(report, a, b, name => rows[i][name]);
        }

        // The dyad with a +2-s coupling: B follows A (the library's sign), as the reference says.
        var lagged = rows.Single(r => r["dyad_id"] == "syn_lag_p2s");
        Assert.Equal("A", lagged["leader"]);
        Assert.Equal(2.0, DuckDb.Number(lagged["wlcc_median_best_lag_s"]));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task Analyze_OtherOptionsAndFormats_EveryRowEqualsTheLibraryWithTheSameOptions_AndTheMetadataHoldsThem(string format)
    {
        var dyads = SynchronyExpectations.ReferenceDyads();
        using var temp = new TempFolder();
        var output = temp["sync." + format];
        var run = await RnRunner.InProcessAsync([
            "synchrony", "analyze", SynchronyExpectations.DataFolder, "--include", "*.rr_ms.txt", "-o", output, .. Quiet,
            "--wlcc-transform", "r", "--wlcc-max-lag", "3", "--wlcc-window", "60", "--wlcc-increment", "30", "--wlcc-best-lag", "peak-nearest-zero",
            "--susy-segment", "60", "--susy-max-lag", "5", "--chance-quantile", "0.9", "--artifacts", "off", "--hrv", "off",
            "--rate", "8", "--signal", "hr", "--leader-threshold", "1", "--name-a", "the therapist", "--name-b", "the client"]);
        var options = DyadAnalysisOptions.Default with
        {
            Alignment = DyadAlignmentOptions.Reference with { SampleRateHz = 8, Signal = DyadSignal.HeartRateBpm },
            Hrv = null,
            Windowed = WindowedCrossCorrelationOptions.Boker with { MaxLagSeconds = 3, WindowSeconds = 60, IncrementSeconds = 30 },
            Surrogate = SurrogateSynchronyOptions.Susy with { SegmentSeconds = 60, MaxLagSeconds = 5, ChanceQuantile = 0.9 },
            LeaderThresholdSeconds = 1,
            NameA = "the therapist",
            NameB = "the client",
        };

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var rows = format == "parquet"
            ? DuckDb.Parquet(output)
            : File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => (object?)p.Value.GetDouble(),
                _ => p.Value.GetString(),
            })).ToList();
        var expected = dyads.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Length, rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (id, a, b) = expected[i];
            SynchronyExpectations.RowEquals(SynchronyExpectations.Analyze(id, a, b, options), a, b, name => rows[i][name]);
        }

        var metadata = format == "parquet" ? DuckDb.ParquetMetadata(output) : ReadSidecar(output + ".meta.json");
        Assert.Equal("synchrony analyze", metadata["rn.command"]);
        var expectedOptions = new Dictionary<string, string>
        {
            ["pairing"] = "names", ["rate_hz"] = "8", ["signal"] = "hr", ["artifacts"] = "off", ["hrv"] = "off",
            ["wlcc_window_s"] = "60", ["wlcc_increment_s"] = "30", ["wlcc_max_lag_s"] = "3", ["wlcc_transform"] = "r",
            ["wlcc_best_lag"] = "peak-nearest-zero", ["susy_segment_s"] = "60", ["susy_max_lag_s"] = "5", ["chance_quantile"] = "0.9",
            ["leader_threshold_s"] = "1", ["name_a"] = "the therapist", ["name_b"] = "the client", ["min_overlap_s"] = "60", ["max_gap_s"] = "3",
        };
        foreach (var (key, value) in expectedOptions)
        {
            Assert.Equal(value, metadata["rn.options." + key]);
        }

        if (format == "parquet")
        {
            var types = DuckDb.ParquetTypes(output);
            Assert.Equal("VARCHAR", types["dyad_id"]);
            Assert.Equal("BIGINT", types["wlcc_windows"]);
            Assert.Equal("DOUBLE", types["susy_z"]);
        }
    }

    [Fact]
    public async Task Analyze_ManifestAndNamePairing_GiveTheSameRows()
    {
        var dyads = SynchronyExpectations.ReferenceDyads();
        using var temp = new TempFolder();
        var byName = await RnRunner.InProcessAsync(["synchrony", "analyze", SynchronyExpectations.DataFolder + "/*.rr_ms.txt", "-o", temp["names.csv"], "--hrv", "off", .. Quiet]);
        // Absolute paths (read in place); in reverse order: the table is sorted by dyad id either way.
        temp.Write("pairs.csv", "dyad,a,b\n" + string.Join('\n', dyads.Reverse().Select(d => $"{d.Id},{d.A},{d.B}")) + "\n");
        var byManifest = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["manifest.csv"], "--hrv", "off", .. Quiet]);

        Assert.Equal(0, byName.ExitCode);
        Assert.Equal(0, byManifest.ExitCode);
        Assert.Equal(ShardMergeTests.Rows(temp["names.csv"]), ShardMergeTests.Rows(temp["manifest.csv"]));
        Assert.Equal(dyads.Length, DuckDb.Csv(temp["manifest.csv"]).Count);

        // Relative paths resolve against the manifest's folder, not the working directory.
        var relative = Path.GetRelativePath(temp["sub"], dyads[0].A);
        temp.Write("sub/pairs.csv", $"b,dyad,a\n{Path.GetRelativePath(temp["sub"], dyads[0].B)},{dyads[0].Id},{relative}\n");
        var sub = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["sub/pairs.csv"], "-o", temp["sub.csv"], "--hrv", "off", .. Quiet]);
        Assert.Equal(0, sub.ExitCode);
        var row = Assert.Single(DuckDb.Csv(temp["sub.csv"]));
        Assert.Equal(SynchronyExpectations.Sha256(dyads[0].A), row["input_a_sha256"]);
        Assert.Equal(Path.Combine(temp["sub"], relative).Replace('\\', '/'), row["input_a"]);
    }

    [Fact]
    public async Task Analyze_ManifestWithBStart_EveryReferenceDyadGivesSusysZ_IncludingTheOneWhoseBStartedLate()
    {
        // The reference's own inputs: intervals as recorded (--artifacts off) and each member's first beat from its JSON
        // (real_selfcopy_p2s_hrvanalysis: B's at 1.993851 s). SUSY 0.1.0's Z for 30-s segments and ±3 s (rn's defaults),
        // to the reference README's tolerance 1e-9 + 1e-9·|Z|.
        var dyads = SynchronyExpectations.ReferenceDyads();
        var folder = Path.GetDirectoryName(SynchronyExpectations.DataFolder)!;
        var references = dyads.ToDictionary(d => d.Id, d => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, d.Id + ".json"))).RootElement);
        double FirstBeat(string id, string member) => references[id].GetProperty("input").GetProperty(member).GetProperty("first_beat_s").GetDouble();
        using var temp = new TempFolder();
        temp.Write("pairs.csv", "dyad,a,b,b_start_s\n" + string.Join('\n', dyads.Select(d =>
            $"{d.Id},{d.A},{d.B},{(FirstBeat(d.Id, "b") - FirstBeat(d.Id, "a")).ToString("R", CultureInfo.InvariantCulture)}")) + "\n");

        var run = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o.csv"], "--artifacts", "off", "--hrv", "off", .. Quiet]);

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var rows = DuckDb.Csv(temp["o.csv"]).ToDictionary(r => (string)r["dyad_id"]!);
        Assert.Equal(1.993851, DuckDb.Number(rows["real_selfcopy_p2s_hrvanalysis"]["b_start_s"]));
        var compared = 0;
        foreach (var (id, _, _) in dyads)
        {
            var z = references[id].GetProperty("susy").GetProperty("runs").GetProperty("seg30_lag3").GetProperty("as_data_frame").GetProperty("Z");
            if (z.ValueKind != JsonValueKind.Number)
            {
                continue; // the identical pair: SUSY's Z is infinite (|r| = 1); the library's rule for it is tested in Core
            }

            var expected = z.GetDouble();
            var actual = DuckDb.Number(rows[id]["susy_z"])!.Value;
            Assert.True(Math.Abs(actual - expected) <= 1e-9 + (1e-9 * Math.Abs(expected)), $"{id}: rn {actual:R}, SUSY {expected:R}");
            compared++;
        }

        Assert.Equal(7, compared);

        // Without the start the late member is read as starting with A, and its Z is not SUSY's.
        temp.Write("late.csv", $"dyad,a,b\nlate,{dyads.Single(d => d.Id == "real_selfcopy_p2s_hrvanalysis").A},{dyads.Single(d => d.Id == "real_selfcopy_p2s_hrvanalysis").B}\n");
        await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["late.csv"], "-o", temp["late.out.csv"], "--artifacts", "off", "--hrv", "off", .. Quiet]);
        var late = Assert.Single(DuckDb.Csv(temp["late.out.csv"]));
        Assert.Equal(0.0, DuckDb.Number(late["b_start_s"]));
        Assert.True(Math.Abs(DuckDb.Number(late["susy_z"])!.Value - 0.49938618624582637) > 1e-3);
    }

    [Fact]
    public async Task Analyze_ManifestWithUnusableBStart_AProblemRowNamingTheCell_Exit1_OthersAnalysed()
    {
        using var temp = new TempFolder();
        temp.Write("d1.a.txt", SynchronyExpectations.Rr(400));
        temp.Write("d1.b.txt", SynchronyExpectations.Rr(400, shiftS: 2, noise: 10));
        temp.Write("pairs.csv", "dyad,a,b,B_Start_S\nok,d1.a.txt,d1.b.txt,\ntext,d1.a.txt,d1.b.txt,soon\nhuge,d1.a.txt,d1.b.txt,1e308\nnan,d1.a.txt,d1.b.txt,NaN\n");

        var run = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o.csv"], "--hrv", "off", .. Quiet]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["o.csv"]).ToDictionary(r => (string)r["dyad_id"]!);
        Assert.NotNull(DuckDb.Number(rows["ok"]["susy_z"]));
        Assert.Equal(0.0, DuckDb.Number(rows["ok"]["b_start_s"]));
        foreach (var (id, cell) in new[] { ("text", "soon"), ("huge", "1e308"), ("nan", "NaN") })
        {
            Assert.Equal("cli.bad-start", rows[id]["problem_codes"]);
            Assert.Contains($"pairs.csv:{(id == "text" ? 3 : id == "huge" ? 4 : 5)}", (string)rows[id]["problems"]!, StringComparison.Ordinal);
            Assert.Contains($"The b_start_s cell '{cell}' is not a number of seconds", (string)rows[id]["problems"]!, StringComparison.Ordinal);
            Assert.Null(DuckDb.Number(rows[id]["susy_z"]));
        }
    }

    [Fact]
    public async Task Analyze_DyadIdFolder_TwoSitesWithTheSameNames_AreTwoDyads_EachAsTheLibraryAnalysesIt()
    {
        using var temp = new TempFolder();
        temp.Write("cohort/site1/d1.a.rr.txt", SynchronyExpectations.Rr(400));
        temp.Write("cohort/site1/d1.b.rr.txt", SynchronyExpectations.Rr(400, shiftS: 2, noise: 10));
        temp.Write("cohort/site2/d1.a.rr.txt", SynchronyExpectations.Rr(420, seed: 2));
        temp.Write("cohort/site2/d1.b.rr.txt", SynchronyExpectations.Rr(420, shiftS: -3, noise: 10, seed: 3));

        var byFolder = await RnRunner.InProcessAsync(["synchrony", "analyze", temp["cohort"], "-o", temp["f.csv"], "--hrv", "off", "--dyad-id", "folder", .. Quiet]);
        var byName = await RnRunner.InProcessAsync(["synchrony", "analyze", temp["cohort"], "-o", temp["n.csv"], "--hrv", "off", .. Quiet]);
        var withManifest = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp.Write("pairs.csv", "dyad,a,b\n"), "-o", temp["m.csv"], "--dyad-id", "folder", .. Quiet]);
        var unknown = await RnRunner.InProcessAsync(["synchrony", "analyze", temp["cohort"], "-o", temp["u.csv"], "--dyad-id", "path", .. Quiet]);

        Assert.Equal(0, byFolder.ExitCode);
        var cohort = temp["cohort"].Replace('\\', '/');
        var rows = DuckDb.Csv(temp["f.csv"]);
        Assert.Equal([cohort + "/site1/d1", cohort + "/site2/d1"], rows.Select(r => r["dyad_id"]));
        var options = DyadAnalysisOptions.Default with { Hrv = null };
        foreach (var (row, site) in rows.Zip(new[] { "site1", "site2" }))
        {
            var expected = DyadAnalysis.Analyze(
                SynchronyExpectations.ReadColumn(temp[$"cohort/{site}/d1.a.rr.txt"]), SynchronyExpectations.ReadColumn(temp[$"cohort/{site}/d1.b.rr.txt"]), options, TestContext.Current.CancellationToken);
            HrvExpectations.Equal(expected.Windowed.GrandAverage, DuckDb.Number(row["wlcc_grand_average"]), site + " wlcc_grand_average");
            HrvExpectations.Equal(expected.Surrogate.Z, DuckDb.Number(row["susy_z"]), site + " susy_z");
        }

        Assert.Equal("names-with-folders", ReadSidecar(temp["f.csv"] + ".meta.json")["rn.options.pairing"]);
        Assert.Equal(1, byName.ExitCode); // the default: one duplicate dyad d1, as before
        Assert.Contains("cli.duplicate-dyad", Assert.Single(DuckDb.Csv(temp["n.csv"]))["problem_codes"], StringComparison.Ordinal);
        Assert.Equal(2, withManifest.ExitCode);
        Assert.Contains("--dyad-id folder", withManifest.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--dyad-id path", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MissingPartnerDuplicateGarbageEmptyShortAndStrayFiles_AProblemRowEach_Exit1_AndTheBatchGoesOn()
    {
        using var temp = new TempFolder();
        var good = SynchronyExpectations.Rr(400);
        var follower = SynchronyExpectations.Rr(400, shiftS: 2, noise: 10);
        temp.Write("cohort/d1.a.rr.txt", good);
        temp.Write("cohort/d1.b.rr.txt", follower);
        temp.Write("cohort/site2/d1.a.rr.txt", good); // d1 again, in another folder
        temp.Write("cohort/site2/d1.b.rr.txt", follower);
        temp.Write("cohort/d2.a.rr.txt", good); // no d2.b
        temp.Write("cohort/d3.a.rr.txt", "\u0001\u00ffgarbage;;\n%%%\n");
        temp.Write("cohort/d3.b.rr.txt", follower);
        temp.Write("cohort/d4.a.rr.txt", string.Empty);
        temp.Write("cohort/d4.b.rr.txt", follower);
        temp.Write("cohort/d5.a.rr.txt", "800\n810\n790\n");
        temp.Write("cohort/d5.b.rr.txt", "800\n805\n");
        temp.Write("cohort/d6.a.rr.txt", good);
        temp.Write("cohort/d6.b.rr.txt", follower);
        temp.Write("cohort/notes.txt", "session notes\n");

        var run = await RnRunner.InProcessAsync(["synchrony", "analyze", temp["cohort"], "-o", temp["o.csv"], "--hrv", "off", .. Quiet]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["o.csv"]).ToDictionary(r => r["dyad_id"]!);
        var notes = temp["cohort"].Replace('\\', '/') + "/notes.txt";
        Assert.Equal(new[] { "d1", "d2", "d3", "d4", "d5", "d6", notes }.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("cli.duplicate-dyad", rows["d1"]["problem_codes"], StringComparison.Ordinal);
        Assert.Contains("site2/d1.a.rr.txt", rows["d1"]["problems"], StringComparison.Ordinal);
        Assert.Contains("cli.missing-partner", rows["d2"]["problem_codes"], StringComparison.Ordinal);
        Assert.Contains("d2.b.rr.txt", rows["d2"]["problems"], StringComparison.Ordinal);
        Assert.Equal(SynchronyExpectations.Sha256(temp["cohort/d2.a.rr.txt"]), rows["d2"]["input_a_sha256"]);
        Assert.Null(rows["d2"]["input_b"]);
        Assert.StartsWith("io.", rows["d3"]["problem_codes"], StringComparison.Ordinal);
        Assert.Contains("d3.a.rr.txt:", rows["d3"]["problems"], StringComparison.Ordinal);
        Assert.Contains("d4.a.rr.txt", rows["d4"]["problems"], StringComparison.Ordinal);
        Assert.Contains("sync.too-little-overlap", rows["d5"]["problem_codes"], StringComparison.Ordinal);
        Assert.Contains("cli.unpaired-file", rows[notes]["problem_codes"], StringComparison.Ordinal);
        foreach (var id in new[] { "d1", "d2", "d3", "d4", "d5" })
        {
            Assert.Contains(": error ", rows[id]["problems"], StringComparison.Ordinal);
            Assert.Null(rows[id]["susy_z"]);
        }

        // The batch went on: the good dyad is analysed, B following A by about 2 s.
        Assert.Null(rows["d6"]["problem_codes"]);
        Assert.Equal("A", rows["d6"]["leader"]);
        Assert.Equal(2.0, DuckDb.Number(rows["d6"]["lead_s"])!.Value, 0.5);
    }

    [Fact]
    public async Task Analyze_ManifestWithADuplicateAMissingFileAndABlankCell_AProblemRowEach_Exit1()
    {
        using var temp = new TempFolder();
        temp.Write("a.txt", SynchronyExpectations.Rr(400));
        temp.Write("b.txt", SynchronyExpectations.Rr(400, shiftS: 2, noise: 10));
        temp.Write("pairs.csv", "dyad,a,b\nok,a.txt,b.txt\ntwice,a.txt,b.txt\ngone,a.txt,missing.txt\ntwice,b.txt,a.txt\nblank,a.txt,\n");

        var run = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o.csv"], "--hrv", "off", .. Quiet]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["o.csv"]).ToDictionary(r => r["dyad_id"]!);
        Assert.Equal(["blank", "gone", "ok", "twice"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Null(rows["ok"]["problem_codes"]);
        Assert.Equal("cli.duplicate-dyad", rows["twice"]["problem_codes"]);
        Assert.Contains("pairs.csv:3: error cli.duplicate-dyad", rows["twice"]["problems"], StringComparison.Ordinal);
        Assert.Contains("line 3; line 5", rows["twice"]["problems"], StringComparison.Ordinal);
        Assert.Equal("cli.missing-file", rows["gone"]["problem_codes"]);
        Assert.Contains("pairs.csv:4: error cli.missing-file", rows["gone"]["problems"], StringComparison.Ordinal);
        Assert.Contains("missing.txt", rows["gone"]["problems"], StringComparison.Ordinal);
        Assert.Equal("cli.missing-file", rows["blank"]["problem_codes"]);
    }

    [Theory]
    [InlineData("--wlcc-window", "-3", "--wlcc-window -3")]
    [InlineData("--wlcc-transform", "q", "--wlcc-transform q")]
    [InlineData("--signal", "eda", "--signal eda")]
    [InlineData("--artifacts", "magic", "--artifacts magic")]
    [InlineData("--chance-quantile", "1.5", "--chance-quantile 1.5")]
    [InlineData("--hrv", "maybe", "--hrv maybe")]
    [InlineData("--shard", "3/2", "--shard 3/2")]
    [InlineData("--jobs", "-1", "--jobs -1")]
    [InlineData("--wlcc-window", "0.5", "--wlcc-window 0.5, --wlcc-increment 15, --wlcc-max-lag 5, --rate 4: out of range")] // 2 samples: the library refuses it
    [InlineData("--susy-segment", "4", "--susy-segment 4, --susy-max-lag 3, --rate 4: out of range")] // shorter than twice the lag
    public async Task Analyze_BadOption_Exit2NamingIt(string option, string value, string named)
    {
        using var temp = new TempFolder();
        temp.Write("d.a.txt", SynchronyExpectations.Rr(400));
        temp.Write("d.b.txt", SynchronyExpectations.Rr(400));

        var run = await RnRunner.InProcessAsync(["synchrony", "analyze", temp.Path, "-o", temp["o.csv"], option, value, .. Quiet]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["o.csv"]));
    }

    [Fact]
    public async Task Analyze_UsageErrorsOfThePairing_Exit2NamingTheArgument()
    {
        using var temp = new TempFolder();
        temp.Write("d.a.txt", SynchronyExpectations.Rr(400));
        temp.Write("nob.csv", "dyad,a\nx,d.a.txt\n");

        var neither = await RnRunner.InProcessAsync(["synchrony", "analyze", "-o", temp["o.csv"], .. Quiet]);
        var both = await RnRunner.InProcessAsync(["synchrony", "analyze", temp.Path, "--pairs", temp["nob.csv"], "-o", temp["o.csv"], .. Quiet]);
        var noColumn = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["nob.csv"], "-o", temp["o.csv"], .. Quiet]);
        var noManifest = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["none.csv"], "-o", temp["o.csv"], .. Quiet]);
        var noMatch = await RnRunner.InProcessAsync(["synchrony", "analyze", temp["nothing/*.txt"], "-o", temp["o.csv"], .. Quiet]);

        Assert.All(new[] { neither, both, noColumn, noManifest, noMatch }, r => Assert.Equal(2, r.ExitCode));
        Assert.Contains("inputs:", neither.Error, StringComparison.Ordinal);
        Assert.Contains("--pairs", both.Error, StringComparison.Ordinal);
        Assert.Contains("--pairs", noColumn.Error, StringComparison.Ordinal);
        Assert.Contains("no column 'b'", noColumn.Error, StringComparison.Ordinal);
        Assert.Contains("none.csv", noManifest.Error, StringComparison.Ordinal);
        Assert.Contains("nothing/*.txt", noMatch.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["o.csv"]));
    }

    [Fact]
    public async Task Resume_AfterAPartialOutput_LosesAndDuplicatesNothing()
    {
        SynchronyExpectations.ReferenceDyads();
        using var temp = new TempFolder();
        string[] run = ["synchrony", "analyze", SynchronyExpectations.DataFolder + "/*.rr_ms.txt", "-o", temp["o.csv"], "--hrv", "off", .. Quiet];
        Assert.Equal(0, (await RnRunner.InProcessAsync(run)).ExitCode);
        var full = ShardMergeTests.Rows(temp["o.csv"]);
        var lines = File.ReadAllLines(temp["o.csv"]);

        // As a kill leaves it: the header, three dyads, half of the fourth's line, and metadata not marked complete.
        File.WriteAllText(temp["o.csv"], string.Join('\n', lines[..4]) + "\n" + lines[4][..(lines[4].Length / 2)]);
        File.WriteAllText(temp["o.csv.meta.json"], File.ReadAllText(temp["o.csv.meta.json"]).Replace("\"rn.complete\": \"true\"", "\"rn.complete\": \"false\"", StringComparison.Ordinal));
        var resumed = await RnRunner.InProcessAsync([.. run, "--resume"]);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("6 dyads analysed, 2 already there", resumed.Error, StringComparison.Ordinal); // the last whole dyad is redone too
        Assert.Equal(full, ShardMergeTests.Rows(temp["o.csv"]));

        // Complete: nothing is analysed again.
        var again = await RnRunner.InProcessAsync([.. run, "--resume"]);
        Assert.Contains("0 dyads analysed, 8 already there", again.Error, StringComparison.Ordinal);
        Assert.Equal(full, ShardMergeTests.Rows(temp["o.csv"]));
    }

    [Fact]
    public async Task Resume_AfterAMemberFileChangedOrTheDyadWasPairedDifferently_RefusesNamingIt()
    {
        using var temp = new TempFolder();
        temp.Write("c/d1.a.txt", SynchronyExpectations.Rr(400));
        temp.Write("c/d1.b.txt", SynchronyExpectations.Rr(400, shiftS: 2, noise: 10));
        temp.Write("c/d2.a.txt", SynchronyExpectations.Rr(400, seed: 2));
        temp.Write("c/d2.b.txt", SynchronyExpectations.Rr(400, shiftS: 1, noise: 10, seed: 3));
        string[] run = ["synchrony", "analyze", temp["c"], "-o", temp["o.csv"], "--hrv", "off", .. Quiet];
        Assert.Equal(0, (await RnRunner.InProcessAsync(run)).ExitCode);
        Assert.Contains("0 dyads analysed, 2 already there", (await RnRunner.InProcessAsync([.. run, "--resume"])).Error, StringComparison.Ordinal);
        var stamps = File.ReadAllLines(temp["o.csv.inputs.jsonl"]);
        Assert.Equal(4, stamps.Length); // one per member file

        var before = File.ReadAllText(temp["o.csv"]);
        temp.Write("c/d2.b.txt", SynchronyExpectations.Rr(380, shiftS: 1, noise: 10, seed: 3));
        var changed = await RnRunner.InProcessAsync([.. run, "--resume"]);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("cannot resume: 1 dyad(s) changed since their rows were written (d2 first;", changed.Error, StringComparison.Ordinal);
        Assert.Contains("input_b_sha256", changed.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(temp["o.csv"]));

        // The same dyad ids from a manifest that pairs d1 with other files: its old row would be stale.
        Assert.Equal(0, (await RnRunner.InProcessAsync([.. run, "--overwrite"])).ExitCode);
        temp.Write("pairs.csv", $"dyad,a,b\nd1,{temp["c/d2.a.txt"]},{temp["c/d1.b.txt"]}\nd2,{temp["c/d2.a.txt"]},{temp["c/d2.b.txt"]}\n");
        var manifest = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["m.csv"], "--hrv", "off", .. Quiet]);
        Assert.Equal(0, manifest.ExitCode);
        File.Copy(temp["m.csv"], temp["o2.csv"]);
        File.Copy(temp["m.csv.meta.json"], temp["o2.csv.meta.json"]);
        temp.Write("pairs.csv", $"dyad,a,b\nd1,{temp["c/d1.a.txt"]},{temp["c/d1.b.txt"]}\nd2,{temp["c/d2.a.txt"]},{temp["c/d2.b.txt"]}\n");
        var repaired = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o2.csv"], "--hrv", "off", "--resume", .. Quiet]);
        Assert.Equal(2, repaired.ExitCode);
        Assert.Contains("1 dyad(s) changed since their rows were written (d1 first;", repaired.Error, StringComparison.Ordinal);

        // The same files with B's start changed in the manifest: the old row was analysed on another clock.
        temp.Write("pairs.csv", $"dyad,a,b,b_start_s\nd1,{temp["c/d1.a.txt"]},{temp["c/d1.b.txt"]},0\nd2,{temp["c/d2.a.txt"]},{temp["c/d2.b.txt"]},\n");
        Assert.Equal(0, (await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o3.csv"], "--hrv", "off", .. Quiet])).ExitCode);
        Assert.Contains("0 dyads analysed, 2 already there", (await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o3.csv"], "--hrv", "off", "--resume", .. Quiet])).Error, StringComparison.Ordinal);
        var o3 = File.ReadAllText(temp["o3.csv"]);
        temp.Write("pairs.csv", $"dyad,a,b,b_start_s\nd1,{temp["c/d1.a.txt"]},{temp["c/d1.b.txt"]},0\nd2,{temp["c/d2.a.txt"]},{temp["c/d2.b.txt"]},1.5\n");
        var restarted = await RnRunner.InProcessAsync(["synchrony", "analyze", "--pairs", temp["pairs.csv"], "-o", temp["o3.csv"], "--hrv", "off", "--resume", .. Quiet]);
        Assert.Equal(2, restarted.ExitCode);
        Assert.Contains("1 dyad(s) changed since their rows were written (d2 first;", restarted.Error, StringComparison.Ordinal);
        Assert.Contains("b_start_s", restarted.Error, StringComparison.Ordinal);
        Assert.Equal(o3, File.ReadAllText(temp["o3.csv"]));
    }

    [Theory]
    [InlineData("csv", "parquet")]
    [InlineData("parquet", "jsonl")]
    public async Task Shards_MergedEqualASingleRunRowForRow(string partFormat, string mergedFormat)
    {
        SynchronyExpectations.ReferenceDyads();
        using var temp = new TempFolder();
        string[] inputs = ["synchrony", "analyze", SynchronyExpectations.DataFolder + "/*.rr_ms.txt", "--hrv", "off", .. Quiet];
        Assert.Equal(0, (await RnRunner.InProcessAsync([.. inputs, "-o", temp["single." + mergedFormat]])).ExitCode);
        for (var shard = 0; shard < 3; shard++)
        {
            var part = await RnRunner.InProcessAsync([.. inputs, "-o", temp["sync." + partFormat], "--shard", $"{shard}/3"]);
            Assert.Equal(0, part.ExitCode);
            Assert.True(File.Exists(temp[$"sync.part-{shard}-of-3.{partFormat}"]));
        }

        var merge = await RnRunner.InProcessAsync("merge", temp[$"sync.part-*-of-3.{partFormat}"], "-o", temp["merged." + mergedFormat]);

        Assert.Equal(0, merge.ExitCode);
        Assert.Contains("rn: merged 3 parts, 8 dyads, 8 rows", merge.Error, StringComparison.Ordinal);
        var single = ShardMergeTests.Rows(temp["single." + mergedFormat]);
        Assert.Equal(8, single.Count);
        Assert.Equal(single, ShardMergeTests.Rows(temp["merged." + mergedFormat]));

        // A part missing: nothing written, the message says what is missing.
        var missing = await RnRunner.InProcessAsync("merge", temp[$"sync.part-0-of-3.{partFormat}"], temp[$"sync.part-2-of-3.{partFormat}"], "-o", temp["m.csv"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing shard(s) 1 of 3", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["m.csv"]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PseudoDyads_EqualTheLibrarysComparisonOverTheSameAlignedDyads(bool keepRoles)
    {
        var dyads = SynchronyExpectations.ReferenceDyads().OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        using var temp = new TempFolder();
        var run = await RnRunner.InProcessAsync([
            "synchrony", "analyze", SynchronyExpectations.DataFolder + "/*.rr_ms.txt", "-o", temp["o.csv"], "--hrv", "off", "--pseudo-dyads", temp["pseudo.json"],
            .. keepRoles ? new[] { "--pseudo-keep-roles" } : [], .. Quiet]);
        var series = dyads.Select(d => DyadAlignment.Align(SynchronyExpectations.ReadColumn(d.A), SynchronyExpectations.ReadColumn(d.B), DyadAlignmentOptions.Default)).ToArray();
        var expected = PseudoDyads.CompareGrandAverages(series, WindowedCrossCorrelationOptions.Rmea, keepRoles);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(temp["pseudo.json"]));
        var root = json.RootElement;
        Assert.Equal(keepRoles, root.GetProperty("keep_roles").GetBoolean());
        var comparison = root.GetProperty("comparison");
        Assert.Equal(8, comparison.GetProperty("real_count").GetInt32());
        Assert.Equal(expected.Comparison.PseudoCount, comparison.GetProperty("pseudo_count").GetInt32());
        Assert.Equal(keepRoles ? 56 : 112, expected.Pairs.Count); // 8·7 A-with-B pairs; with same-role pairs 16·15/2 − 8
        HrvExpectations.Equal(expected.Comparison.RealMean, comparison.GetProperty("real_mean").GetDouble(), "real_mean");
        HrvExpectations.Equal(expected.Comparison.RealSd, comparison.GetProperty("real_sd").GetDouble(), "real_sd");
        HrvExpectations.Equal(expected.Comparison.PseudoMean, comparison.GetProperty("pseudo_mean").GetDouble(), "pseudo_mean");
        HrvExpectations.Equal(expected.Comparison.PseudoSd, comparison.GetProperty("pseudo_sd").GetDouble(), "pseudo_sd");
        HrvExpectations.Equal(expected.Comparison.CohensD, comparison.GetProperty("cohens_d").GetDouble(), "cohens_d");

        var pseudo = root.GetProperty("pseudo").EnumerateArray().ToArray();
        Assert.Equal(expected.Pairs.Count, pseudo.Length);
        for (var p = 0; p < pseudo.Length; p++)
        {
            var pair = expected.Pairs[p];
            Assert.Equal(dyads[pair.FirstDyad].Id, pseudo[p].GetProperty("a_dyad_id").GetString());
            Assert.Equal(pair.FirstMember == DyadMember.A ? "a" : "b", pseudo[p].GetProperty("a_member").GetString());
            Assert.Equal(dyads[pair.SecondDyad].Id, pseudo[p].GetProperty("b_dyad_id").GetString());
            Assert.Equal(pair.SecondMember == DyadMember.A ? "a" : "b", pseudo[p].GetProperty("b_member").GetString());
            Assert.Equal(pair.SampleCount, pseudo[p].GetProperty("samples").GetInt32());
            HrvExpectations.Equal(expected.PseudoGrandAverages[p], pseudo[p].GetProperty("wlcc_grand_average").GetDouble(), $"pseudo {p}");
        }

        // The real side is the main table's grand average of each dyad.
        var table = DuckDb.Csv(temp["o.csv"]);
        var real = root.GetProperty("real").EnumerateArray().ToArray();
        Assert.Equal(table.Select(r => r["dyad_id"]), real.Select(r => r.GetProperty("dyad_id").GetString()));
        Assert.Equal(table.Select(r => DuckDb.Number(r["wlcc_grand_average"])), real.Select(r => (double?)r.GetProperty("wlcc_grand_average").GetDouble()));
        Assert.Empty(root.GetProperty("left_out").EnumerateArray());
        Assert.Contains("Cohen's d", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PseudoDyads_OnTwoJobs_TheSameFile_WithPlainProgressCountingThem()
    {
        using var temp = new TempFolder();
        string[] Run(string output, string jobs, params string[] more) =>
            ["synchrony", "analyze", SynchronyExpectations.DataFolder + "/*.rr_ms.txt", "-o", temp[output + ".csv"], "--hrv", "off", "--pseudo-dyads", temp[output + ".json"], "--jobs", jobs, .. more];

        var one = await RnRunner.InProcessAsync(Run("one", "1", Quiet));
        var two = await RnRunner.InProcessAsync(Run("two", "2", "--progress", "plain"));

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        Assert.Equal(File.ReadAllText(temp["one.json"]), File.ReadAllText(temp["two.json"]));
        // 8 dyads: 2·8² − 2·8 = 112 pseudo-dyads, counted on the progress display as they finish.
        Assert.Contains("112/112 (100.0 %)", two.Error, StringComparison.Ordinal);
        Assert.Contains("pseudo-dyads/s", two.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PseudoDyads_WithAShardOrOverAnExistingFile_Exit2NamingIt()
    {
        using var temp = new TempFolder();
        temp.Write("d.a.txt", SynchronyExpectations.Rr(400));
        temp.Write("d.b.txt", SynchronyExpectations.Rr(400));
        temp.Write("pseudo.json", "{}");

        var shard = await RnRunner.InProcessAsync(["synchrony", "analyze", temp.Path, "-o", temp["o.csv"], "--pseudo-dyads", temp["p.json"], "--shard", "0/2", .. Quiet]);
        var exists = await RnRunner.InProcessAsync(["synchrony", "analyze", temp.Path, "--include", "*.txt", "-o", temp["o.csv"], "--pseudo-dyads", temp["pseudo.json"], .. Quiet]);

        Assert.Equal(2, shard.ExitCode);
        Assert.Contains("--pseudo-dyads", shard.Error, StringComparison.Ordinal);
        Assert.Equal(2, exists.ExitCode);
        Assert.Contains("--pseudo-dyads", exists.Error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(temp["pseudo.json"]));
        Assert.False(File.Exists(temp["o.csv"]));
    }

    private static Dictionary<string, string> ReadSidecar(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
