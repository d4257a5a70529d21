using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

public sealed class HrvAnalyzeTests
{
    [Fact]
    public async Task Analyze_ReferenceRecordingsToCsv_EveryRowEqualsTheLibrary()
    {
        var files = HrvExpectations.ReferenceFiles();
        using var temp = new TempFolder();
        var output = temp["hrv.csv"];
        var run = await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", output, "--progress", "none", "--jobs", "2"]);

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var rows = DuckDb.Csv(output);
        Assert.Equal(files.Length, rows.Count);
        for (var i = 0; i < files.Length; i++)
        {
            var row = rows[i];
            Assert.Equal(files[i], row["recording_id"]);
            var expected = HrvExpectations.Analyze(files[i]);
            foreach (var (column, member) in HrvExpectations.Members)
            {
                HrvExpectations.Equal(member(expected), DuckDb.Number(row[column]), $"{Path.GetFileName(files[i])} {column}");
            }

            // Every library column, by value, in the library's own order.
            var cells = Tables.CsvLine.Split(expected.ToCsvRow());
            for (var c = 1; c < HrvReport.CsvColumns.Count; c++)
            {
                var name = HrvReport.CsvColumns[c];
                var cell = cells[c].Length == 0 ? null : cells[c];
                if (Hrv.HrvRows.KindOf(name) == Tables.ColumnKind.Text)
                {
                    Assert.Equal(cell, row[name]);
                }
                else
                {
                    HrvExpectations.Equal(DuckDb.Number(cell), DuckDb.Number(row[name]), $"{Path.GetFileName(files[i])} {name}");
                }
            }
        }
    }

    [Fact]
    public async Task Analyze_FewerFilesThanJobs_SpareCoresTakeStagesAndTheRowsEqualJobs1()
    {
        // One 24-h file with the default jobs (the cores) and with --jobs 4 (the analysis spreads its stages over 4
        // threads), and two files with --jobs 4 (2 threads each): each output equals --jobs 1, byte for byte.
        var files = HrvExpectations.ReferenceFiles();
        var day = Assert.Single(files, f => Path.GetFileName(f) == "nsr2db_nsr001_24h.rr_ms.txt");
        string[][] inputs = [[day], [day, files.First(f => f != day)]];
        using var temp = new TempFolder();
        for (var k = 0; k < inputs.Length; k++)
        {
            string[][] jobs = [["--jobs", "1"], [], ["--jobs", "4"]];
            var outputs = new List<string>();
            for (var j = 0; j < jobs.Length; j++)
            {
                var output = temp[$"out-{k}-{j}.jsonl"];
                var run = await RnRunner.InProcessAsync(["hrv", "analyze", .. inputs[k], "-o", output, "--progress", "none", .. jobs[j]]);
                Assert.True(run.ExitCode is 0 or 1, run.Error);
                outputs.Add(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
            }

            Assert.Equal(inputs[k].Length, outputs[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(outputs[0], outputs[1]);
            Assert.Equal(outputs[0], outputs[2]);
        }
    }

    [Fact]
    public async Task Analyze_ConstantSeries_AnalyticValues()
    {
        using var temp = new TempFolder();
        var input = temp.Write("constant.txt", string.Join('\n', Enumerable.Repeat("800", 600)) + "\n");
        var run = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["out.csv"], "--progress", "none", "--entropy", "off");

        var row = Assert.Single(DuckDb.Csv(temp["out.csv"]));
        Assert.Equal(600, DuckDb.Number(row["nn_count"]));
        Assert.Equal(800, DuckDb.Number(row["mean_nn_ms"]));
        Assert.Equal(0, DuckDb.Number(row["sdnn_ms"]));
        Assert.Equal(0, DuckDb.Number(row["rmssd_ms"]));
        Assert.Equal(75, DuckDb.Number(row["mean_hr_bpm"]));
        Assert.Null(row["sample_entropy"]);
        Assert.True(run.ExitCode is 0 or 1, run.Error);
    }

    [Fact]
    public async Task Analyze_SinusRhythmOption_RestoresABigeminyEpisodeToTheSinusRhythm()
    {
        // An 800-ms rhythm with 30 premature beats in bigeminy (560 ms, then a full compensatory pause of 1,040 ms): the
        // sinus-rhythm detector flags both intervals of each (docs/hrv-artifacts.md) and its correction replaces each pair
        // by two 800-ms cycles, so the NN series is the constant rhythm: SDNN and RMSSD 0, mean HR 75 bpm.
        using var temp = new TempFolder();
        var rr = Enumerable.Repeat("800", 600).ToArray();
        for (var i = 200; i < 260; i += 2)
        {
            rr[i] = "560";
            rr[i + 1] = "1040";
        }

        var input = temp.Write("bigeminy.txt", string.Join('\n', rr) + "\n");
        var output = temp["out.parquet"];
        var run = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", output, "--progress", "none", "--entropy", "off", "--artifacts", "sinus-rhythm");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var row = Assert.Single(DuckDb.Parquet(output));
        Assert.Equal(60, DuckDb.Number(row["flagged_premature"]));
        Assert.Equal(600, DuckDb.Number(row["nn_count"]));
        Assert.Equal(0, DuckDb.Number(row["sdnn_ms"]));
        Assert.Equal(0, DuckDb.Number(row["rmssd_ms"]));
        Assert.Equal(75, DuckDb.Number(row["mean_hr_bpm"]));
        Assert.Equal("sinus-rhythm", DuckDb.ParquetMetadata(output)["rn.options.artifact_method"]);
    }

    [Fact]
    public async Task Analyze_FolderWithLinksBackToItsParents_ListsEachRecordingOnce_AndFollowsALinkOutside()
    {
        using var temp = new TempFolder();
        var sinus = string.Join('\n', Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "800" : "900")) + "\n";
        temp.Write("study/a.txt", sinus);
        temp.Write("scratch/b.txt", sinus);
        Directory.CreateDirectory(temp["study/sub"]);
        // Two links to the parent: followed blindly, a.txt would be listed once per path up to the system's 40 levels
        // deep, 2^40 paths (the run never ends); a link to a folder outside (scratch space) is followed.
        Directory.CreateSymbolicLink(temp["study/sub/up"], "..");
        Directory.CreateSymbolicLink(temp["study/sub/up2"], "..");
        Directory.CreateSymbolicLink(temp["study/scratch"], temp["scratch"]);

        var folder = RnRunner.InProcessAsync("hrv", "analyze", temp["study"], "-o", temp["out.csv"], "--progress", "none");
        Assert.Same(folder, await Task.WhenAny(folder, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));
        Assert.True((await folder).ExitCode is 0 or 1, (await folder).Error); // 1: a 4-min series lacks some metrics
        var ids = DuckDb.Csv(temp["out.csv"]).Select(r => r["recording_id"]!.Replace('\\', '/')).ToArray();
        Assert.Equal([temp["study"].Replace('\\', '/') + "/a.txt", temp["study"].Replace('\\', '/') + "/scratch/b.txt"], ids);

        var glob = await RnRunner.InProcessAsync("hrv", "analyze", temp["study"] + "/**/*.txt", "-o", temp["glob.csv"], "--progress", "none");
        Assert.True(glob.ExitCode is 0 or 1, glob.Error);
        Assert.Equal(2, DuckDb.Csv(temp["glob.csv"]).Count);
    }

    [Fact]
    public async Task Analyze_ADeviceAndANamedPipe_GetARowEachInsteadOfHangingTheBatch()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero and mkfifo(3) (Linux)");
        using var temp = new TempFolder();
        var good = temp.Write("good.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");
        var fifo = temp["pipe.txt"];
        RelationalNeuro.TestSupport.UnixFiles.MakeFifo(fifo);

        // /dev/zero never ends and a FIFO without a writer never opens: before, either one hung the whole run.
        var run = RnRunner.InProcessAsync("hrv", "analyze", "/dev/zero", fifo, good, "-o", temp["o.csv"], "--progress", "none", "--entropy", "off");
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken)));

        Assert.Equal(1, (await run).ExitCode);
        var rows = DuckDb.Csv(temp["o.csv"]).ToDictionary(r => r["recording_id"]!);
        Assert.Contains("error cli.unreadable-file: '/dev/zero' reports a length of 0 but yields data", rows["/dev/zero"]["problems"], StringComparison.Ordinal);
        Assert.Contains($"error cli.unreadable-file: '{fifo}' did not open within 10 s", rows[fifo]["problems"], StringComparison.Ordinal);
        Assert.Equal(300, DuckDb.Number(rows[good]["nn_count"]));
    }

    [Fact]
    public async Task Resume_ASidecarReplacedByALinkToADevice_Exit2InsteadOfReadingForever()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero (Linux)");
        using var temp = new TempFolder();
        var input = temp.Write("a.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");
        var first = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none", "--entropy", "off");
        Assert.True(first.ExitCode is 0 or 1, first.Error);

        // Before: File.ReadAllBytes read /dev/zero (length 0, endless) until memory ran out.
        File.Delete(temp["o.csv.meta.json"]);
        File.CreateSymbolicLink(temp["o.csv.meta.json"], "/dev/zero");
        var resume = RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none", "--entropy", "off", "--resume");
        Assert.Same(resume, await Task.WhenAny(resume, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));

        Assert.Equal(2, (await resume).ExitCode);
        Assert.Contains("o.csv.meta.json", (await resume).Error, StringComparison.Ordinal);
        Assert.Contains("not a metadata file written by rn", (await resume).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_AStampsFileReplacedByALinkToADevice_IsIgnored_AndTheInputsAreHashedInstead()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero (Linux)");
        using var temp = new TempFolder();
        var input = temp.Write("a.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");
        string[] args = ["hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none", "--entropy", "off"];
        var first = await RnRunner.InProcessAsync(args);
        Assert.True(first.ExitCode is 0 or 1, first.Error);

        // Before: File.ReadLines read /dev/zero as one endless line until memory ran out.
        File.Delete(temp["o.csv.inputs.jsonl"]);
        File.CreateSymbolicLink(temp["o.csv.inputs.jsonl"], "/dev/zero");
        var resume = RnRunner.InProcessAsync([.. args, "--resume"]);
        Assert.Same(resume, await Task.WhenAny(resume, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));

        Assert.True((await resume).ExitCode is 0 or 1, (await resume).Error);
        Assert.Contains("0 recordings analysed, 1 already there", (await resume).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_AStampsFileReplacedByALinkToAnotherFile_IsReplaced_AndThatFileIsNotAppendedTo()
    {
        Assert.SkipUnless(!OperatingSystem.IsWindows(), "creating a symbolic link needs rights Windows may not give");
        using var temp = new TempFolder();
        var first = temp.Write("cohort/a.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");
        string[] args = ["hrv", "analyze", temp["cohort"], "-o", temp["o.csv"], "--progress", "none", "--entropy", "off"];
        var run = await RnRunner.InProcessAsync(args);
        Assert.True(run.ExitCode is 0 or 1, run.Error);

        // Someone's file, and a link to it where rn keeps its stamps: before, the resume's stamp was appended to it.
        var victim = temp.Write("elsewhere/notes.txt", "my notes\n");
        File.Delete(temp["o.csv.inputs.jsonl"]);
        File.CreateSymbolicLink(temp["o.csv.inputs.jsonl"], victim);
        temp.Write("cohort/b.txt", string.Join('\n', Enumerable.Repeat("810", 300)) + "\n");
        var resume = await RnRunner.InProcessAsync([.. args, "--resume"]);

        Assert.True(resume.ExitCode is 0 or 1, resume.Error);
        Assert.Contains("1 recording analysed, 1 already there", resume.Error, StringComparison.Ordinal);
        Assert.Equal("my notes\n", File.ReadAllText(victim));
        Assert.Null(new FileInfo(temp["o.csv.inputs.jsonl"]).LinkTarget);
        // A fresh stamps file: the recording already there was hashed (its stamp was not read through the link) and
        // stamped again, then the new one.
        var stamps = File.ReadAllLines(temp["o.csv.inputs.jsonl"]);
        Assert.Equal(2, stamps.Length);
        Assert.Contains(Path.GetFileName(first), stamps[0], StringComparison.Ordinal);
        Assert.Contains("b.txt", stamps[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o.csv", "o.csv.meta.json.tmp")]
    [InlineData("o.parquet", "o.parquet.tmp")]
    public async Task Analyze_ALinkWhereRnPutsATemporaryFile_IsRemoved_AndTheFileItPointsToIsKept(string output, string temporary)
    {
        Assert.SkipUnless(!OperatingSystem.IsWindows(), "creating a symbolic link needs rights Windows may not give");
        using var temp = new TempFolder();
        var input = temp.Write("a.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");
        var victim = temp.Write("elsewhere/notes.txt", "my notes\n");
        File.CreateSymbolicLink(temp[temporary], victim);

        // Before, the sidecar's temporary file was made with File.Create, which followed the link and truncated the file
        // it points to (the Parquet table's was already deleted when the output was opened; a guard).
        var run = await RnRunner.InProcessAsync(["hrv", "analyze", input, "-o", temp[output], "--progress", "none", "--entropy", "off"]);

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Equal("my notes\n", File.ReadAllText(victim));
        Assert.False(File.Exists(temp[temporary]) || new FileInfo(temp[temporary]).LinkTarget is not null);
        Assert.True(new FileInfo(temp[output]).Length > 0);
    }

    [Fact]
    public async Task Resume_ALinkWhereTheParquetJournalGoes_IsRefused_AndTheFileItPointsToIsUntouched()
    {
        Assert.SkipUnless(!OperatingSystem.IsWindows(), "creating a symbolic link needs rights Windows may not give");
        using var temp = new TempFolder();
        var input = temp.Write("a.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");
        // An empty file passes every check a journal's first line gets; before, the resume wrote its rows into it.
        var victim = temp.Write("elsewhere/empty.csv", "");
        File.CreateSymbolicLink(temp["o.parquet.partial.csv"], victim);

        var resume = await RnRunner.InProcessAsync(["hrv", "analyze", input, "-o", temp["o.parquet"], "--progress", "none", "--entropy", "off", "--resume"]);

        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("is a symbolic link, not the journal rn writes", resume.Error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(victim).Length);
        Assert.False(File.Exists(temp["o.parquet"]));
    }

    [Fact]
    public async Task Analyze_AFileNameThatIsNotUtf8_GetsARowSayingSo_NotThatTheFileIsMissing()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs a file system that stores names as bytes (Linux)");
        using var temp = new TempFolder();
        temp.Write("cohort/good.txt", string.Join('\n', Enumerable.Repeat("800", 300)) + "\n");

        // .NET cannot create such a name; the shell can (byte 0xE9, é in Latin-1, then '.': not valid UTF-8).
        var made = await RnRunner.ShellAsync("/bin/sh", temp["cohort"], null, "-c", "printf '800\\n810\\n' > \"$(printf 'caf\\351.txt')\"");
        Assert.Equal(0, made.ExitCode);

        var run = await RnRunner.InProcessAsync("hrv", "analyze", temp["cohort"], "-o", temp["o.csv"], "--progress", "none", "--entropy", "off");
        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["o.csv"]);
        Assert.Equal(2, rows.Count);
        var bad = Assert.Single(rows, r => r["recording_id"]!.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Contains("error cli.unreadable-file: The file's name is not valid UTF-8", bad["problems"], StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", bad["problems"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_GarbageFiles_EveryFileGetsARowAndTheBatchFinishesWithExit1()
    {
        using var temp = new TempFolder();
        var random = new Random(7);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        Directory.CreateDirectory(temp["data"]);
        File.WriteAllBytes(temp["data/random.txt"], bytes);
        temp.Write("data/empty.txt", string.Empty);
        temp.Write("data/words.txt", "RR\nhello\nworld\n");
        temp.Write("data/half.txt", "800\n810\nabc\n790\n" + string.Join('\n', Enumerable.Repeat("805", 300)) + "\n");
        temp.Write("data/bad.csv", "time,heart\n1,2\n");

        var run = await RnRunner.InProcessAsync("hrv", "analyze", temp["data"], "-o", temp["out.csv"], "--progress", "none");

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["out.csv"]);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.True(DuckDb.Number(r["problem_count"]) > 0, r["recording_id"]));
        var half = rows.Single(r => r["recording_id"]!.EndsWith("half.txt", StringComparison.Ordinal));
        Assert.Contains("half.txt:3: error io.unparsable-line", half["problems"], StringComparison.Ordinal);
        Assert.Equal(303, DuckDb.Number(half["nn_count"]));
        var csv = rows.Single(r => r["recording_id"]!.EndsWith("bad.csv", StringComparison.Ordinal));
        Assert.Contains("io.column-not-found", csv["problem_codes"], StringComparison.Ordinal);
        Assert.Contains("empty.txt", rows.Single(r => r["recording_id"]!.EndsWith("empty.txt", StringComparison.Ordinal))["problems"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Window5m_RowsEqualTheLibraryOnEachSlice()
    {
        var file = HrvExpectations.ReferenceFiles().Single(f => f.EndsWith("synthetic_sine_0.1Hz_A40_0.25Hz_A30_20min.rr_ms.txt", StringComparison.Ordinal));
        using var temp = new TempFolder();
        var run = await RnRunner.InProcessAsync("hrv", "analyze", file, "-o", temp["w.jsonl"], "--window", "5m", "--progress", "none");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var rows = DuckDb.Query($"SELECT * FROM read_json('{temp["w.jsonl"]}', format = 'newline_delimited')");
        var rr = Io.RrReader.ReadFile(file, Io.RrFormat.KubiosText).Series.IntervalsMs.ToArray();
        // 1,199.66 s of beats: three complete 300-s windows; the 299.66-s rest is left out.
        Assert.Equal((int)Math.Floor(rr.Sum() / 300_000.0), rows.Count);
        Assert.Equal(3, rows.Count);
        var start = 0;
        var elapsed = 0.0;
        for (var k = 0; k < rows.Count; k++)
        {
            var stop = start;
            while (stop < rr.Length && elapsed + rr[stop] < (k + 1) * 300_000.0)
            {
                elapsed += rr[stop++];
            }

            var expected = HrvAnalysis.Analyze(rr.AsSpan(start, stop - start), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(k, Convert.ToInt32(rows[k]["window_index"], CultureInfo.InvariantCulture));
            Assert.Equal(300.0 * k, DuckDb.Number(rows[k]["window_start_s"]));
            foreach (var (column, member) in HrvExpectations.Members)
            {
                HrvExpectations.Equal(member(expected), DuckDb.Number(rows[k][column]), $"window {k} {column}");
            }

            start = stop;
        }
    }

    [Fact]
    public async Task Analyze_RhythmScreeningOff_On14149_NoIrregularRhythmProblemAndTheOptionInTheMetadata()
    {
        // LTDB 14149 is irregular throughout (docs/hrv-artifacts.md): screened, its row carries the warning; with
        // --rhythm-screening off (ArtifactOptions.ScreenIrregularRhythm) it does not, and the metadata says so, while a
        // screened output has no such key (outputs written before the option existed resume and merge unchanged).
        var record = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "artifacts")), "data", "ltdb_14149.rr_ms.txt");
        using var temp = new TempFolder();
        var screened = temp["screened.parquet"];
        var alone = temp["alone.parquet"];
        var first = await RnRunner.InProcessAsync(["hrv", "analyze", record, "-o", screened, "--progress", "none", "--entropy", "off"]);
        var second = await RnRunner.InProcessAsync(["hrv", "analyze", record, "-o", alone, "--progress", "none", "--entropy", "off", "--rhythm-screening", "off"]);

        Assert.True(first.ExitCode is 0 or 1, first.Error);
        Assert.True(second.ExitCode is 0 or 1, second.Error);
        Assert.Contains("artifacts.irregular-rhythm", (string?)Assert.Single(DuckDb.Parquet(screened))["problems"], StringComparison.Ordinal);
        Assert.DoesNotContain("artifacts.irregular-rhythm", (string?)Assert.Single(DuckDb.Parquet(alone))["problems"] ?? string.Empty, StringComparison.Ordinal);
        Assert.False(DuckDb.ParquetMetadata(screened).ContainsKey("rn.options.rhythm_screening"));
        Assert.Equal("off", DuckDb.ParquetMetadata(alone)["rn.options.rhythm_screening"]);
    }

    [Fact]
    public async Task Analyze_Parquet_DuckDbReadsTypedColumnsValuesAndMetadata()
    {
        var files = HrvExpectations.ReferenceFiles().Take(4).ToArray();
        using var temp = new TempFolder();
        var output = temp["hrv.parquet"];
        var run = await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", output, "--progress", "none", "--artifacts", "malik", "--entropy", "off"]);

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var types = DuckDb.ParquetTypes(output);
        Assert.Equal("VARCHAR", types["recording_id"]);
        Assert.Equal("BIGINT", types["nn_count"]);
        Assert.Equal("BIGINT", types["flagged_ectopic"]);
        Assert.Equal("DOUBLE", types["rmssd_ms"]);
        Assert.Equal("DOUBLE", types["lf_power_ms2"]);
        Assert.Equal("VARCHAR", types["input_sha256"]);
        Assert.Equal("VARCHAR", types["problems"]);
        Assert.Equal(HrvReport.CsvColumns.Count + 2, types.Count);

        var metadata = DuckDb.ParquetMetadata(output);
        Assert.Equal("malik", metadata["rn.options.artifact_method"]);
        Assert.Equal("off", metadata["rn.options.entropy"]);
        Assert.Equal("true", metadata["rn.complete"]);

        var options = HrvAnalysisOptions.Default with { Artifacts = ArtifactOptions.Default with { Method = ArtifactMethod.Malik }, IncludeEntropy = false };
        var rows = DuckDb.Parquet(output);
        for (var i = 0; i < files.Length; i++)
        {
            var expected = HrvExpectations.Analyze(files[i], options);
            foreach (var (column, member) in HrvExpectations.Members)
            {
                HrvExpectations.Equal(member(expected), DuckDb.Number(rows[i][column]), $"{Path.GetFileName(files[i])} {column}");
            }
        }
    }

    [Fact]
    public async Task Analyze_NeuroKit2WelchPreset_RowEqualsTheLibraryWithThatPreset()
    {
        var file = HrvExpectations.ReferenceFiles().Single(f => f.EndsWith("pyhrv_sample_short_5min.rr_ms.txt", StringComparison.Ordinal));
        using var temp = new TempFolder();
        var run = await RnRunner.InProcessAsync("hrv", "analyze", file, "-o", temp["out.csv"], "--progress", "none", "--spectral-preset", "neurokit2-welch");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var row = Assert.Single(DuckDb.Csv(temp["out.csv"]));
        var expected = HrvExpectations.Analyze(file, HrvAnalysisOptions.Default with { FrequencyDomain = FrequencyDomainOptions.NeuroKit2Welch });
        var defaults = HrvExpectations.Analyze(file);
        foreach (var (column, member) in HrvExpectations.Members)
        {
            HrvExpectations.Equal(member(expected), DuckDb.Number(row[column]), column);
        }

        // The preset changed the spectrum (NeuroKit2's 100-Hz quadratic pipeline, not the library's 4-Hz cubic one).
        Assert.NotEqual(defaults.FrequencyDomain!.Value.LfPowerMs2, expected.FrequencyDomain!.Value.LfPowerMs2);
    }

    [Fact]
    public async Task Analyze_UsageErrors_Exit2WithAMessage()
    {
        using var temp = new TempFolder();
        var input = temp.Write("a.txt", "800\n810\n");

        Assert.Equal(2, (await RnRunner.InProcessAsync("hrv", "analyze", input)).ExitCode);
        var badOption = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--artifacts", "magic");
        Assert.Equal(2, badOption.ExitCode);
        Assert.Contains("--artifacts magic", badOption.Error, StringComparison.Ordinal);
        var missing = await RnRunner.InProcessAsync("hrv", "analyze", temp["nope/*.txt"], "-o", temp["o.csv"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope", missing.Error, StringComparison.Ordinal);
        var shard = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--shard", "4/4");
        Assert.Equal(2, shard.ExitCode);

        Assert.NotEqual(2, (await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none")).ExitCode);
        var again = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Error, StringComparison.Ordinal);
        var otherOptions = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--resume", "--entropy", "off");
        Assert.Equal(2, otherOptions.ExitCode);
        Assert.Contains("rn.options.entropy", otherOptions.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_OutputIsOneOfTheInputs_Exit2AndTheRecordingKept()
    {
        using var temp = new TempFolder();
        const string Rr = "800\n810\n790\n805\n";
        var input = temp.Write("a.csv", Rr);

        // Before: with --overwrite the recording was deleted and replaced by the table (its own row, read from nothing).
        var run = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", input, "--overwrite", "--progress", "none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"-o {input}: is also an input", run.Error, StringComparison.Ordinal);
        Assert.Equal(Rr, File.ReadAllText(input));
        Assert.False(File.Exists(input + ".meta.json"));
    }

    [Fact]
    public async Task Analyze_EveryRowCarriesItsFilesSha256()
    {
        using var temp = new TempFolder();
        // FIPS 180-2, appendix B.1: SHA-256("abc"). Not an RR file: the row holds the reader's problem and the hash.
        var input = temp.Write("abc.txt", "abc");
        await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none");
        var row = Assert.Single(DuckDb.Csv(temp["o.csv"]));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", row["input_sha256"]);
    }

    [Fact]
    public async Task Resume_AfterARecordingChanged_RefusesNamingIt_SoNoStaleRowStays()
    {
        var files = HrvExpectations.ReferenceFiles().Take(2).ToArray();
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["cohort"]);
        foreach (var file in files)
        {
            File.Copy(file, temp["cohort/" + Path.GetFileName(file)]);
        }

        string[] run = ["hrv", "analyze", temp["cohort"], "-o", temp["o.csv"], "--progress", "none", "--entropy", "off"];
        Assert.NotEqual(2, (await RnRunner.InProcessAsync(run)).ExitCode);
        Assert.NotEqual(2, (await RnRunner.InProcessAsync([.. run, "--resume"])).ExitCode); // unchanged: resumes

        // The study team fixes the first recording (drops its last 50 lines) and resumes.
        var fixedFile = temp["cohort/" + Path.GetFileName(files[0])];
        var lines = File.ReadAllLines(fixedFile);
        File.WriteAllLines(fixedFile, lines[..^50]);
        var before = File.ReadAllText(temp["o.csv"]);
        var resumed = await RnRunner.InProcessAsync([.. run, "--resume"]);

        Assert.Equal(2, resumed.ExitCode);
        Assert.Contains("cannot resume: 1 recording(s) changed since their rows were written", resumed.Error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(files[0]), resumed.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(temp["o.csv"]));

        Assert.NotEqual(2, (await RnRunner.InProcessAsync([.. run, "--overwrite"])).ExitCode);
        var row = DuckDb.Csv(temp["o.csv"]).Single(r => r["recording_id"]!.EndsWith(Path.GetFileName(files[0]), StringComparison.Ordinal));
        Assert.Equal(lines.Length - 50, DuckDb.Number(row["input_count"]));
    }

    [Fact]
    public async Task Resume_RecordingWithItsStampedSizeAndTime_IsNotHashedAgain()
    {
        using var temp = new TempFolder();
        var input = temp.Write("a.txt", "800\n810\n790\n805\n");
        string[] run = ["hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none", "--entropy", "off"];
        Assert.NotEqual(2, (await RnRunner.InProcessAsync(run)).ExitCode);
        var time = File.GetLastWriteTimeUtc(input);

        // The one outside sign that no hash was taken: an edit that keeps the size and puts the time back is not seen (the
        // documented trade-off of a size-and-time check, as in make and rsync). Before, every recording already in the
        // output was hashed again, so this one was refused.
        File.WriteAllText(input, "900\n910\n890\n905\n");
        File.SetLastWriteTimeUtc(input, time);
        var resumed = await RnRunner.InProcessAsync([.. run, "--resume"]);

        Assert.NotEqual(2, resumed.ExitCode);
        Assert.Contains("0 recordings analysed, 1 already there", resumed.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp["o.csv.inputs.jsonl"]));
    }

    [Fact]
    public async Task Resume_NewTimeOrNoStampsFile_HashesAndRefusesAChangedRecording_AndStampsAnUnchangedOne()
    {
        using var temp = new TempFolder();
        const string Rr = "800\n810\n790\n805\n", SameSize = "900\n910\n890\n905\n";
        var input = temp.Write("a.txt", Rr);
        string[] run = ["hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "none", "--entropy", "off"];
        Assert.NotEqual(2, (await RnRunner.InProcessAsync(run)).ExitCode);
        var time = File.GetLastWriteTimeUtc(input);

        // Same size, later time: hashed, and refused.
        File.WriteAllText(input, SameSize);
        File.SetLastWriteTimeUtc(input, time.AddSeconds(1));
        var changed = await RnRunner.InProcessAsync([.. run, "--resume"]);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("cannot resume: 1 recording(s) changed", changed.Error, StringComparison.Ordinal);

        // An output made before stamps existed (no o.csv.inputs.jsonl): every recording is hashed, as before, so even an
        // edit that puts the time back is refused; an unchanged recording resumes and is stamped for the next resume.
        File.WriteAllText(input, Rr);
        Assert.NotEqual(2, (await RnRunner.InProcessAsync([.. run, "--overwrite"])).ExitCode);
        File.Delete(temp["o.csv.inputs.jsonl"]);
        Assert.NotEqual(2, (await RnRunner.InProcessAsync([.. run, "--resume"])).ExitCode);
        Assert.True(File.Exists(temp["o.csv.inputs.jsonl"]));

        File.Delete(temp["o.csv.inputs.jsonl"]);
        time = File.GetLastWriteTimeUtc(input);
        File.WriteAllText(input, SameSize);
        File.SetLastWriteTimeUtc(input, time);
        var old = await RnRunner.InProcessAsync([.. run, "--resume"]);
        Assert.Equal(2, old.ExitCode);
        Assert.Contains("cannot resume: 1 recording(s) changed", old.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_GrownInputList_AppendsOnlyTheNewRecordings()
    {
        var files = HrvExpectations.ReferenceFiles().Take(3).ToArray();
        using var temp = new TempFolder();
        var first = await RnRunner.InProcessAsync(["hrv", "analyze", .. files[..2], "-o", temp["o.jsonl"], "--progress", "none", "--entropy", "off"]);
        Assert.True(first.ExitCode is 0 or 1, first.Error);

        var resumed = await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", temp["o.jsonl"], "--progress", "none", "--entropy", "off", "--resume"]);

        Assert.True(resumed.ExitCode is 0 or 1, resumed.Error);
        Assert.Contains("1 recording analysed, 2 already there", resumed.Error, StringComparison.Ordinal);
        var ids = File.ReadAllLines(temp["o.jsonl"]).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("recording_id").GetString()).ToArray();
        Assert.Equal(files, ids);
    }

    [Theory]
    [InlineData("hrv", "analyze")]
    [InlineData("synchrony", "analyze")]
    [InlineData("merge")]
    [InlineData("questionnaire", "score")]
    [InlineData("cortisol", "profile")]
    [InlineData("change", "rci")]
    public async Task Help_EveryCommand_ShowsAnExampleAndExits0(params string[] command)
    {
        var run = await RnRunner.InProcessAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example", run.Out, StringComparison.Ordinal);
        Assert.Contains("rn " + string.Join(' ', command), run.Out, StringComparison.Ordinal);
    }

    /// <summary>The root help names every exit code docs/cli.md's table lists, the two signal codes included.</summary>
    [Fact]
    public async Task Help_Root_NamesEveryExitCode()
    {
        var run = await RnRunner.InProcessAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        var help = string.Join(' ', run.Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var code in new[] { "0 all inputs clean", "1 some inputs had problems", "2 usage error", "130 interrupted (Ctrl+C)", "143 terminated (SIGTERM)" })
        {
            Assert.Contains(code, help, StringComparison.Ordinal);
        }

        Assert.Contains("run the same command with --resume", help, StringComparison.Ordinal);
    }
}
