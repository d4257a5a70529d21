using RelationalNeuro.Io;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Io;

/// <summary>
/// Two mix-ups a newcomer makes with RR files: a CSV whose index column is also named after RR, and a file of beat
/// (R-peak) times or sample numbers given where intervals belong.
/// </summary>
public class RrReaderMixUpTests
{
    private static RrReadResult Read(string text, RrFormat format) =>
        RrReader.Read(new StringReader(text), format, RrReadOptions.Default);

    [Fact]
    public void Csv_AnIndexColumnNamedAfterRr_IsPassedOverForTheIntervals()
    {
        // The layout of the labelled LTDB excerpts: rr_index first, the intervals second.
        var result = Read("rr_index,rr_ms,start_beat_label\n0,765.625,N\n1,781.25,N\n2,796.875,V\n", RrFormat.Csv);
        Assert.Equal([765.625, 781.25, 796.875], result.Series.IntervalsMs.ToArray());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Csv_TheLabelledLtdbExcerpt_ReadsTheSameIntervalsAsItsRrFile()
    {
        // ../shared/reference/hrv/data/ltdb_14046_ectopic_5min.labels.csv (rr_index,rr_ms,…) against the .rr_ms.txt beside it.
        var folder = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data");
        var labels = RrReader.ReadFile(Path.Combine(folder, "ltdb_14046_ectopic_5min.labels.csv"), RrFormat.Csv);
        var rr = RrReader.ReadFile(Path.Combine(folder, "ltdb_14046_ectopic_5min.rr_ms.txt"), RrFormat.SingleColumn);
        Assert.Equal(390, rr.Series.Count);
        Assert.Equal(rr.Series.IntervalsMs.ToArray(), labels.Series.IntervalsMs.ToArray());
        Assert.Empty(labels.Problems);
    }

    [Theory]
    [InlineData("RR number;RR interval (ms)")]
    [InlineData("ibi_id,ibi")]
    [InlineData("nn_flag,nn_count,NN")]
    public void Csv_ColumnsThatDescribeTheIntervalRatherThanHoldIt_ArePassedOver(string header)
    {
        var d = header.Contains(';', StringComparison.Ordinal) ? ";" : ",";
        var fields = header.Split(d[0]).Length;
        var row1 = string.Join(d, Enumerable.Repeat("1", fields - 1).Append("812"));
        var row2 = string.Join(d, Enumerable.Repeat("2", fields - 1).Append("790"));
        var result = Read($"{header}\n{row1}\n{row2}\n", RrFormat.Csv);
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
    }

    [Fact]
    public void Csv_OnlyAnIndexLikeColumnNamedAfterRr_IsStillTheOneRead()
    {
        // No better candidate: the first column named after RR, as before.
        var result = Read("rr_no,t\n812,0\n790,1\n", RrFormat.Csv);
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
    }

    [Fact]
    public void SingleColumn_RPeakSampleNumbers_AreReadWithAWarningThatNamesTheMixUp()
    {
        // R peaks at 100 Hz: every value above the one before, the last many times the first.
        var result = Read("peaks\n49\n107\n167\n226\n284\n343\n401\n460\n518\n", RrFormat.SingleColumn);
        Assert.Equal(9, result.Series.Count); // kept: a warning, not a refusal
        var problem = Assert.Single(result.Problems, p => p.Code == "io.looks-like-beat-times");
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal("line 2", problem.Location);
        Assert.Contains("from 49 to 518 ms", problem.Message, StringComparison.Ordinal);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void SingleColumn_BeatTimesOfAFiveMinuteRecording_AreRefusedAsBeatTimes_NotAsAnotherUnit()
    {
        // The beat times of pyHRV's 5-minute sample in ../shared/reference/hrv/data, the running sum of its intervals in
        // ms: their median (about 150,000) is beyond any interval, so the unit check refuses them before the beat-times
        // check sees them; it named "microseconds (150 ms)", a unit that would have made them plausible intervals.
        var folder = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data");
        var rr = RrReader.ReadFile(Path.Combine(folder, "pyhrv_sample_short_5min.rr_ms.txt"), RrFormat.SingleColumn).Series.IntervalsMs.ToArray();
        var text = new System.Text.StringBuilder();
        var t = 0.0;
        foreach (var v in rr)
        {
            t += v;
            text.Append(t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var result = Read(text.ToString(), RrFormat.SingleColumn);

        Assert.Equal(0, result.Series.Count);
        var problem = Assert.Single(result.Problems, p => p.Code == "io.implausible-unit");
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains($"all {rr.Length} values rise", problem.Message, StringComparison.Ordinal);
        Assert.Contains("beat or R-peak times", problem.Message, StringComparison.Ordinal);
        Assert.Contains("successive differences", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("microseconds", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("800\n810\n820\n830\n840\n850\n860\n870\n")]          // rising throughout, but not to twice the first
    [InlineData("400\n500\n600\n700\n800\n900\n1000\n")]             // doubling, but only 7 values
    [InlineData("400\n500\n600\n700\n800\n790\n900\n1000\n1100\n")] // one fall
    [InlineData("800\n800\n800\n800\n800\n800\n800\n800\n800\n")]   // constant
    public void RealisticSeries_AreNotTakenForBeatTimes(string text)
    {
        var result = Read(text, RrFormat.SingleColumn);
        Assert.DoesNotContain(result.Problems, p => p.Code == "io.looks-like-beat-times");
    }

    [Fact]
    public void ReferenceFiles_OnlyTheRPeakFileIsTakenForBeatTimes()
    {
        // ../shared/reference/hrv/data: every recording's RR file reads without the warning; the R-peak sample numbers
        // NeuroKit2's ECG example was computed from (nk_bio_resting_5min_ecg.rpeaks_100hz.txt) draw it.
        var folder = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data");
        var files = Directory.GetFiles(folder, "*.txt");
        Assert.Contains(files, f => f.EndsWith(".rr_ms.txt", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var result = RrReader.ReadFile(file, RrFormat.SingleColumn);
            var warned = result.Problems.Any(p => p.Code == "io.looks-like-beat-times");
            Assert.True(warned == file.EndsWith("rpeaks_100hz.txt", StringComparison.Ordinal), $"{Path.GetFileName(file)}: warned {warned}");
        }
    }
}
