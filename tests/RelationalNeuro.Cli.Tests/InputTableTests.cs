namespace RelationalNeuro.Cli.Tests;

/// <summary>The input CSVs of rn questionnaire score, rn cortisol profile and rn change rci: awkward files and values.</summary>
public sealed class InputTableTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ChangeRci_DeviceOrPipeOrFolderAsInput_Exit2NamingIt_WithoutHanging()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero and mkfifo(3) (Linux)");
        using var temp = new TempFolder();
        var fifo = temp["scores.csv"];
        RelationalNeuro.TestSupport.UnixFiles.MakeFifo(fifo);

        // Before: /dev/zero was read until the process ran out of memory, and a FIFO without a writer blocked for ever.
        var zero = await WithinAsync(RnRunner.InProcessAsync("change", "rci", "/dev/zero", "--reliability", "0.8", "--sd", "5"));
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("'/dev/zero' reports a length of 0 but yields data", zero.Error, StringComparison.Ordinal);

        var pipe = await WithinAsync(RnRunner.InProcessAsync("change", "rci", fifo, "--reliability", "0.8", "--sd", "5"));
        Assert.Equal(2, pipe.ExitCode);
        Assert.Contains($"'{fifo}' did not open within 10 s", pipe.Error, StringComparison.Ordinal);

        var folder = await RnRunner.InProcessAsync("change", "rci", temp.Path, "--reliability", "0.8", "--sd", "5");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains($"{temp.Path}: is a folder; expected a CSV file.", folder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CortisolProfile_DeviceAsInput_Exit2WithoutHanging()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero (Linux)");
        var run = await WithinAsync(RnRunner.InProcessAsync("cortisol", "profile", "/dev/zero"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'/dev/zero' reports a length of 0 but yields data", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionnaireScore_ALinkToADeviceAmongFhirExports_Exit2WithoutHanging()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero (Linux)");
        using var temp = new TempFolder();
        File.CreateSymbolicLink(temp["r01.json"], "/dev/zero");

        // Before: File.ReadAllBytes read /dev/zero until "Out of memory." ended the process.
        var run = await WithinAsync(RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", temp.Path));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("r01.json' reports a length of 0 but yields data", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionnaireScore_AQuotedCommentWithALineBreak_StaysOneRespondent()
    {
        using var temp = new TempFolder();
        // An export with a free-text column: p01's comment spans two lines. Before, "p01" and "more" became two rows
        // (the second with the id 'more"' and no answers), and p01 lost its last answers.
        var input = temp.Write("answers.csv", "respondent_id,comment,1,2,3,4\np01,\"slept badly,\nmore\",3,2,4,1\np02,\"\",0,0,0,0\n");
        var run = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", input, "-o", temp["s.csv"]);

        var rows = DuckDb.Csv(temp["s.csv"]);
        Assert.Equal(["p01", "p02"], rows.Select(r => r["respondent_id"]));
        // PSS-4 items 2 and 3 are reverse-keyed (0–4): p01 = 3 + (4−2) + (4−4) + 1 = 6; p02 = 0 + 4 + 4 + 0 = 8.
        Assert.Equal([6d, 8d], rows.Select(r => DuckDb.Number(r["total_score"])!.Value));
        // The comment column is not an item (answer.unknown-item), reported on p02's own line, 4.
        Assert.Contains("answers.csv:4:", rows[1]["problems"], StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task QuestionnaireScore_AQuoteInsideAField_IsAnOrdinaryCharacter_AndNoRespondentIsMerged()
    {
        using var temp = new TempFolder();
        // RFC 4180: a quote opens a quoted field only at its start. A reader that pairs quotes anywhere (Sep 0.17) reads
        // p01's comment as opening a quoted field that swallows p02's row.
        var input = temp.Write("answers.csv", "respondent_id,comment,1,2,3,4\np01,5\" tall,3,2,4,1\np02,ok,0,0,0,0\n");
        await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", input, "-o", temp["s.csv"]);

        var rows = DuckDb.Csv(temp["s.csv"]);
        Assert.Equal(["p01", "p02"], rows.Select(r => r["respondent_id"]));
        // PSS-4 items 2 and 3 are reverse-keyed (0–4): p01 = 3 + (4−2) + (4−4) + 1 = 6; p02 = 0 + 4 + 4 + 0 = 8.
        Assert.Equal([6d, 8d], rows.Select(r => DuckDb.Number(r["total_score"])!.Value));
    }

    [Fact]
    public async Task ChangeRci_AQuoteNeverClosed_Exit2NamingItsLine()
    {
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,10,18\n\"p02,10,12\np03,10,12\n");
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scores.csv:3: a quoted field opened on this row is not closed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRci_MoreThanAMillionRows_Exit2NamingTheFirstRowTooMany()
    {
        using var temp = new TempFolder();
        // 1,000,001 data rows after the header (rows on lines 2 … 1,000,002): the table is held whole, so it is bounded.
        var text = new System.Text.StringBuilder("id,pre,post\n", 14_000_000);
        for (var i = 0; i <= 1_000_000; i++)
        {
            text.Append("p,10,12\n");
        }

        var input = temp.Write("scores.csv", text.ToString());
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", temp["o.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scores.csv:1000002: more than 1,000,000 rows", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["o.csv"]));
    }

    [Fact]
    public async Task ChangeRci_AFileOverOneGibibyte_Exit2BeforeReadingIt()
    {
        using var temp = new TempFolder();
        var input = temp["huge.csv"];
        using (var file = new FileStream(input, FileMode.Create, FileAccess.Write))
        {
            file.Write("id,pre,post\n"u8);
            file.SetLength((1L << 30) + 1);  // sparse where the file system allows: nothing of it is written or read
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", temp["o.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("huge.csv: 1,073,741,825 bytes, more than the 1,073,741,824", run.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task QuestionnaireScore_AFhirResponseOver64MiB_Exit2BeforeReadingIt()
    {
        using var temp = new TempFolder();
        var input = temp["huge.json"];
        using (var file = new FileStream(input, FileMode.Create, FileAccess.Write))
        {
            file.Write("{\"resourceType\":\"QuestionnaireResponse\""u8);
            file.SetLength((64L << 20) + 1);  // sparse: nothing of it is written or read
        }

        // Before: the whole file (up to 2 GB) was read into one array before the JSON was looked at.
        var run = await RnRunner.InProcessAsync("questionnaire", "score", "-i", "pss-4", input, "-o", temp["s.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("huge.json: 67,108,865 bytes, more than the 67,108,864 a QuestionnaireResponse is read up to", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRci_AColumnNamedTwice_Exit2NamingBoth()
    {
        using var temp = new TempFolder();
        // A re-export that appended a corrected "pre": before, the first (uncorrected) column was used without a word.
        var input = temp.Write("scores.csv", "id,pre,post,pre\np01,10,18,12\n");
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scores.csv:1: the column 'pre' appears twice (columns 2 and 4)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRci_ScoresNearTheLimitOfDouble_AProblemOnTheRowAndTheOtherRowsComputed()
    {
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,1e308,-1e308\np02,10,18\n");

        // Before: post − pre = −2e308 overflowed, ReliableChange.Compute threw, and the run ended with a stack trace.
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "--cutoff", "15", "-o", temp["c.csv"]);

        Assert.Equal(1, run.ExitCode);
        var rows = DuckDb.Csv(temp["c.csv"]);
        Assert.Equal(["p01", "p02"], rows.Select(r => r["id"]));
        Assert.Null(rows[0]["rci"]);
        Assert.Equal("cli.change-out-of-range", rows[0]["problem_codes"]);
        Assert.Contains("scores.csv:2: error cli.change-out-of-range: No finite reliable change for pre 1E+308 and post -1E+308", rows[0]["problems"], StringComparison.Ordinal);
        // SE = 5·√0.2, S_diff = √2·SE = √10; RCI = 8/√10 (Jacobson & Truax 1991).
        Assert.Equal(8 / Math.Sqrt(10), DuckDb.Number(rows[1]["rci"])!.Value, 12);
    }

    [Fact]
    public async Task ChangeRci_SampleSdOverflows_Exit2SayingItIsTheSampleSd()
    {
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,1e308,0\np02,-1e308,0\n");
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8");

        Assert.Equal(2, run.ExitCode);
        // Before: "--reliability 0.8 / --sd Infinity: ...", blaming an option that was not given.
        Assert.Contains("scores.csv: the sample SD of the 2 numeric pre scores is Infinity", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--sd Infinity", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-5")]
    public async Task CortisolProfile_WindowEndNotAfterS0_Exit2NamingIt(string end)
    {
        using var temp = new TempFolder();
        var input = temp.Write("samples.csv", "participant_id,day,minutes_after_waking,cortisol\np01,1,0,12.1\np01,1,15,16.4\np01,1,30,18.0\np01,1,45,14.2\n");

        // Before: accepted; every index was "unavailable" with messages such as "needs -1 sample(s); -1 missing".
        var run = await RnRunner.InProcessAsync("cortisol", "profile", input, "--window-end", end, "-o", temp["car.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--window-end {end}: expected a finite number of minutes", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["car.csv"]));
    }

    [Fact]
    public async Task ChangeRci_OutputIsTheInput_Exit2AndTheInputKept()
    {
        using var temp = new TempFolder();
        const string Scores = "id,pre,post\np01,10,18\n";
        var input = temp.Write("scores.csv", Scores);

        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", input, "--overwrite");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is also an input", run.Error, StringComparison.Ordinal);
        Assert.Equal(Scores, File.ReadAllText(input));
    }

    [Fact]
    public async Task CortisolProfile_AGigabyteLine_Exit2NamingTheLine()
    {
        using var temp = new TempFolder();
        var input = temp["samples.csv"];
        using (var file = File.Create(input))
        {
            file.Write("participant_id,day,minutes_after_waking,cortisol\n"u8);
            // 17 MiB of NUL characters without a line break (sparse: no disk used): past the 16-Mi line bound, under the
            // 1-GiB file bound (a 1-GiB line, this test's first version, is now refused by its size before it is read).
            file.SetLength(file.Length + (17L << 20));
        }

        // Before: File.ReadAllLines built a 1-GiB line, beyond .NET's largest string, and the run ended with OutOfMemoryException.
        var run = await WithinAsync(RnRunner.InProcessAsync("cortisol", "profile", input));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("samples.csv:2: the line is longer than 16777216 characters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRci_OutputIsAnExistingFolder_Exit2NamingIt()
    {
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,10,18\n");
        Directory.CreateDirectory(temp["results"]);

        // Before: an unhandled UnauthorizedAccessException ("Access to the path is denied") and a stack trace, exit 134.
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", temp["results"], "--format", "csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"-o {temp["results"]}: is a folder; name a file in it", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRci_OutputIsALinkToADevice_Exit2AndNothingReplaced()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero (Linux)");
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,10,18\n");
        var output = temp["c.csv"];
        File.CreateSymbolicLink(output, "/dev/zero");

        // Before: --overwrite deleted what was at the path (the link here; run as root with -o /dev/full, the device node
        // itself) and wrote a file in its place, exit 0.
        var run = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", output, "--overwrite");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exists and is not a regular file", run.Error, StringComparison.Ordinal);
        Assert.Equal("/dev/zero", new FileInfo(output).LinkTarget);
    }

    [Fact]
    public async Task ChangeRci_OutputIsTheNullDeviceOrALinkToIt_Exit2NamingIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs /dev/null");
        using var temp = new TempFolder();
        var input = temp.Write("scores.csv", "id,pre,post\np01,10,18\n");
        var link = temp["c.csv"];
        File.CreateSymbolicLink(link, "/dev/null");

        // Before: /dev/null read as an empty regular file, so the run said "exists; pass --resume" and, with --overwrite,
        // deleted what was at the path (the link here) and wrote a table in its place.
        var direct = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", "/dev/null", "--format", "csv");
        var linked = await RnRunner.InProcessAsync("change", "rci", input, "--reliability", "0.8", "--sd", "5", "-o", link, "--overwrite");

        Assert.Equal(2, direct.ExitCode);
        Assert.Contains("-o /dev/null: is the null device, not a file", direct.Error, StringComparison.Ordinal);
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains($"-o {link}: is the null device, not a file", linked.Error, StringComparison.Ordinal);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
    }

    private static async Task<RnRun> WithinAsync(Task<RnRun> run)
    {
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(NoHang, TestContext.Current.CancellationToken)));
        return await run;
    }
}
