using RelationalNeuro.Core.Tests.Hardening;
using RelationalNeuro.Io;

namespace RelationalNeuro.Core.Tests.Io;

/// <summary>
/// Issue #13, defect 2: values in another unit than ms or s, decimal commas, column choice and overflow are never
/// read as milliseconds silently. Expected values are the physiological intervals the texts encode (812, 790, 805 ms).
/// </summary>
public sealed class RrReaderUnitHardeningTests
{
    private static RrReadResult Read(string text, RrFormat format, RrReadOptions? options = null) =>
        RrReader.Read(new StringReader(text), format, options ?? RrReadOptions.Default);

    [Theory]
    [InlineData("812000\n790000\n805000\n", "microseconds")]
    [InlineData("81200000\n79000000\n80500000\n", "10-ns ticks")]
    [InlineData("812000000\n790000000\n805000000\n", "nanoseconds")]
    public void SingleColumn_ValuesPlainlyInAnotherUnit_AreRefusedNamingTheUnit(string text, string unit)
    {
        var result = Read(text, RrFormat.SingleColumn);

        Assert.Equal(0, result.Series.Count);
        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems, p => p.Code == "io.implausible-unit");
        Assert.Contains(unit, problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.SourceLineNumbers.Length);
    }

    [Fact]
    public void SingleColumn_MsHeaderOverNanoseconds_IsRefusedToo()
    {
        var result = Read("RR (ms)\n812000000\n790000000\n", RrFormat.SingleColumn);

        Assert.Equal(0, result.Series.Count);
        Assert.Contains(result.Problems, p => p.Code == "io.implausible-unit" && p.Message.Contains("nanoseconds", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleColumn_StatedUnit_DecidesTheUnitButNotTheRange()
    {
        // A stated unit is not second-guessed (no io.implausible-unit), but values beyond RrSeries' calculable range
        // (60,000 ms) are refused line by line, so the series and its source lines stay aligned.
        var result = Read("812000\n790\n", RrFormat.SingleColumn, RrReadOptions.Default with { Unit = RrUnit.Milliseconds });

        Assert.DoesNotContain(result.Problems, p => p.Code == "io.implausible-unit");
        Assert.Equal([790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2], result.SourceLineNumbers.ToArray());
        Assert.Equal(("io.invalid-interval", "line 1"), (result.Problems[0].Code, result.Problems[0].Location));
    }

    [Fact]
    public void Csv_HugeValueAmongOrdinaryOnes_IsRefusedAtItsLine()
    {
        // Found by the fuzz suite (seed 13, iteration 1662): 1e308 among ordinary values made DurationSeconds ∞.
        var result = Read("t,RR\n1,812\n2,1e308\n3,805\n4,1e308\n5,790\n6,800\n", RrFormat.Csv);

        Assert.Equal([812, 805, 790, 800], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 4, 6, 7], result.SourceLineNumbers.ToArray());
        Assert.True(result.HasErrors);
        ResultInspector.AssertFinite(result);
    }

    [Theory]
    [InlineData("Time (s)\tRR (s)\n0,000\t0,812\n0,812\t0,790\n")]
    [InlineData("Time\tRR\n0,000\t0,812\n0,812\t0,790\n")]
    [InlineData("RR\n0,812\n0,790\n")]
    public void Kubios_DecimalComma_IsRefusedNamingLineAndValue(string text)
    {
        var result = Read(text, RrFormat.KubiosText);

        Assert.Equal(0, result.Series.Count);
        Assert.True(result.HasErrors);
        var problem = result.Problems.First(p => p.Location == "line 2");
        Assert.Contains("decimal comma", problem.Message, StringComparison.Ordinal);
        Assert.Contains("0,812", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubios_CommaSeparatedDecimalPoints_StillRead()
    {
        var result = Read("Time,RR\n0.000,0.812\n0.812,0.790\n", RrFormat.KubiosText);

        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Kubios_FirstRowWithoutTheTimeColumn_DoesNotFixTheColumnForTheRest()
    {
        var result = Read("Time (s)\tRR (s)\n0.812\n0.812\t0.790\n1.602\t0.805\n", RrFormat.KubiosText);

        Assert.Equal([812, 790, 805], result.Series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([2, 3, 4], result.SourceLineNumbers.ToArray());
    }

    [Theory]
    [InlineData("RR (s)\n1,05\n0,98\n")]
    [InlineData("RR (ms)\n1,000\n812\n")]
    public void Csv_DecimalOrThousandsCommaInACommaFile_IsAProblemNotAValue(string text)
    {
        var result = Read(text, RrFormat.Csv);

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems, p => p.Location == "line 2");
        Assert.Contains("2 fields", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(1000.0, result.Series.IntervalsMs.ToArray());
        Assert.DoesNotContain(1.0, result.Series.IntervalsMs.ToArray());
    }

    [Fact]
    public void Csv_DecimalCommaInASemicolonFile_NamesTheDecimalComma()
    {
        var result = Read("t;RR (s)\n0;0,812\n", RrFormat.Csv);

        var problem = Assert.Single(result.Problems, p => p.Location == "line 2");
        Assert.Contains("decimal comma", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_ExtraFields_AreAProblem_TrailingEmptyFieldsAreNot()
    {
        var result = Read("t,RR\n1,812,extra\n2,790,\n", RrFormat.Csv);

        Assert.Equal([790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([3], result.SourceLineNumbers.ToArray());
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("io.unparsable-line", "line 2"), (problem.Code, problem.Location));
    }

    [Fact]
    public void Seconds_ValueOverflowingToInfinity_IsAnErrorAndLinesStayAligned()
    {
        var result = Read("0.8\n1e306\n0.81\n0.79\n", RrFormat.SingleColumn);

        Assert.Equal(RrUnit.Seconds, result.Unit);
        Assert.Equal([800, 810, 790], result.Series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([1, 3, 4], result.SourceLineNumbers.ToArray());
        Assert.True(result.HasErrors);
        Assert.Contains(result.Problems, p => p.Code == "io.invalid-interval" && p.Location == "line 2");
        ResultInspector.AssertFinite(result);
    }

    [Fact]
    public void UndefinedUnit_IsRefused_NamingTheOption()
    {
        // Issue #13, defect 7: (RrUnit)42 was accepted and then read as milliseconds.
        var options = new RrReadOptions { Unit = (RrUnit)42 };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RrReader.Read(new StringReader("800\n810\n"), RrFormat.SingleColumn, options));
        Assert.Equal("options.Unit", error.ParamName);
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }
}
