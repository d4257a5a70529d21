using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Tests;

public sealed class ShardMergeTests
{
    [Theory]
    [InlineData("csv", "parquet")]
    [InlineData("parquet", "csv")]
    [InlineData("jsonl", "jsonl")]
    public async Task Shards_MergedEqualASingleRunRowForRow(string partFormat, string mergedFormat)
    {
        var files = HrvExpectations.ReferenceFiles();
        using var temp = new TempFolder();
        var single = await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", temp["single." + mergedFormat], "--progress", "none", "--entropy", "off"]);
        Assert.True(single.ExitCode is 0 or 1, single.Error);
        for (var shard = 0; shard < 4; shard++)
        {
            var run = await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", temp["hrv." + partFormat], "--shard", $"{shard}/4", "--progress", "none", "--entropy", "off"]);
            Assert.True(run.ExitCode is 0 or 1, run.Error);
            Assert.True(File.Exists(temp[$"hrv.part-{shard}-of-4.{partFormat}"]));
        }

        var merge = await RnRunner.InProcessAsync("merge", temp[$"hrv.part-*-of-4.{partFormat}"], "-o", temp["merged." + mergedFormat]);

        Assert.Equal(0, merge.ExitCode);
        Assert.Equal(Rows(temp["single." + mergedFormat]), Rows(temp["merged." + mergedFormat]));
    }

    [Fact]
    public async Task Merge_MissingDoubledOrForeignPart_Exit1AndNothingWritten()
    {
        var files = HrvExpectations.ReferenceFiles();
        using var temp = new TempFolder();
        for (var shard = 0; shard < 3; shard++)
        {
            await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", temp["hrv.csv"], "--shard", $"{shard}/3", "--progress", "none", "--entropy", "off"]);
        }

        var missing = await RnRunner.InProcessAsync("merge", temp["hrv.part-0-of-3.csv"], temp["hrv.part-2-of-3.csv"], "-o", temp["m.csv"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing shard(s) 1 of 3", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["m.csv"]));

        File.Copy(temp["hrv.part-1-of-3.csv"], temp["copy.part-1-of-3.csv"]);
        File.Copy(temp["hrv.part-1-of-3.csv.meta.json"], temp["copy.part-1-of-3.csv.meta.json"]);
        var doubled = await RnRunner.InProcessAsync("merge", temp["*.part-*-of-3.csv"], "-o", temp["m.csv"]);
        Assert.Equal(1, doubled.ExitCode);
        Assert.Contains("shard 1 is doubled", doubled.Error, StringComparison.Ordinal);

        await RnRunner.InProcessAsync(["hrv", "analyze", files[0], "-o", temp["other.csv"], "--shard", "1/3", "--progress", "none", "--entropy", "off"]);
        var foreign = await RnRunner.InProcessAsync("merge", temp["hrv.part-0-of-3.csv"], temp["other.part-1-of-3.csv"], temp["hrv.part-2-of-3.csv"], "-o", temp["m.csv"]);
        Assert.Equal(1, foreign.ExitCode);
        Assert.Contains("rn.inputs.fingerprint differs", foreign.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["m.csv"]));
    }

    [Fact]
    public async Task Merge_APartCutShortOrReplaced_Exit1NamingItAndNothingWritten()
    {
        using var temp = new TempFolder();
        await WriteShortPartsAsync(temp, count: 2);
        var part1 = temp["hrv.part-1-of-2.csv"];
        var lines = File.ReadAllLines(part1);
        Assert.Equal(3, lines.Length); // the header and the shard's 2 recordings (inputs 1 and 3 of 4)

        // A copy that stopped after the first recording: its sidecar still says 2 (a copy to scratch that ran out of quota).
        File.WriteAllLines(part1, lines[..2]);
        var cut = await RnRunner.InProcessAsync("merge", temp["hrv.part-*-of-2.csv"], "-o", temp["m.csv"]);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("hrv.part-1-of-2.csv: holds 1 recordings in 1 rows, but its metadata says 2 in 2", cut.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["m.csv"]));

        // Another file under the part's name, beside the part's sidecar.
        File.WriteAllText(part1, "hello\n");
        var replaced = await RnRunner.InProcessAsync("merge", temp["hrv.part-*-of-2.csv"], "-o", temp["m.csv"]);
        Assert.Equal(1, replaced.ExitCode);
        Assert.Contains("hrv.part-1-of-2.csv:1: the header is not the run's columns", replaced.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["m.csv"]));
    }

    [Fact]
    public async Task Merge_OutputIsOneOfTheParts_Exit2AndThePartKept()
    {
        using var temp = new TempFolder();
        await WriteShortPartsAsync(temp, count: 2);
        var part0 = temp["hrv.part-0-of-2.csv"];
        var before = File.ReadAllText(part0);

        var run = await RnRunner.InProcessAsync("merge", temp["hrv.part-*-of-2.csv"], "-o", part0, "--overwrite");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is also an input", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(part0));
    }

    /// <summary>The four smallest reference recordings analysed in <paramref name="count"/> shards into <c>hrv.part-I-of-N.csv</c>.</summary>
    private static async Task WriteShortPartsAsync(TempFolder temp, int count)
    {
        var files = HrvExpectations.ReferenceFiles().OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).Take(4).ToArray();
        for (var shard = 0; shard < count; shard++)
        {
            var run = await RnRunner.InProcessAsync(["hrv", "analyze", .. files, "-o", temp["hrv.csv"], "--shard", $"{shard}/{count}", "--progress", "none", "--entropy", "off"]);
            Assert.True(run.ExitCode is 0 or 1, run.Error);
        }
    }

    [Fact]
    public void TableReader_ALinkToADevice_OrAnEndlessLine_IsRefused_InsteadOfFillingMemory()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero (Linux)");
        using var temp = new TempFolder();

        // A part replaced by a link to /dev/zero (length 0, endless, no line break): before, one line grew until memory ran out.
        File.CreateSymbolicLink(temp["zero.part-1-of-2.csv"], "/dev/zero");
        var device = Assert.Throws<IOException>(() => TableReader.Lines(temp["zero.part-1-of-2.csv"]).ToList());
        Assert.Contains("zero.part-1-of-2.csv", device.Message, StringComparison.Ordinal);

        // A regular file whose second line never ends within the bound (sparse: the NUL bytes take no disk).
        var path = temp["long.csv"];
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            file.Write("unit,value\n"u8);
            file.SetLength(file.Length + TableReader.MaxLineBytes + (1 << 20));
        }

        var lines = new List<TextLine>();
        var tooLong = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var line in TableReader.Lines(path))
            {
                lines.Add(line);
            }
        });
        Assert.Single(lines);  // the header came through
        Assert.Contains("the line at byte 11 is longer than 67,108,864 bytes", tooLong.Message, StringComparison.Ordinal);
    }

    /// <summary>Every row as a list of cells, by an independent reader, the metadata excluded.</summary>
    internal static List<string> Rows(string path)
    {
        var rows = Path.GetExtension(path) switch
        {
            ".parquet" => DuckDb.Parquet(path),
            ".jsonl" => DuckDb.Query($"SELECT * FROM read_json('{path}', format = 'newline_delimited')"),
            _ => DuckDb.Csv(path).Select(r => r.ToDictionary(p => p.Key, p => (object?)p.Value)).ToList(),
        };
        return rows.Select(r => string.Join('|', r.Select(p => p.Key + "=" + Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
    }
}
