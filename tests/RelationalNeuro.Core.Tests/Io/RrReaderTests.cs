using System.Diagnostics;
using System.Globalization;
using System.Text;
using RelationalNeuro.Io;

namespace RelationalNeuro.Core.Tests.Io;

public class RrReaderTests
{
    private static RrReadResult Read(string text, RrFormat format, RrReadOptions? options = null) =>
        RrReader.Read(new StringReader(text), format, options ?? RrReadOptions.Default);

    [Fact]
    public void SingleColumn_Milliseconds_ReadsValuesWithLineNumbers()
    {
        var result = Read("812\n790.5\r\n\n805\n", RrFormat.SingleColumn);
        Assert.Equal([812, 790.5, 805], result.Series.IntervalsMs.ToArray());
        Assert.Equal([1, 2, 4], result.SourceLineNumbers.ToArray());
        Assert.Equal((RrUnit.Milliseconds, RrUnitSource.Detected), (result.Unit, result.UnitSource));
        Assert.Empty(result.Problems);
        Assert.Equal(4, result.LineCount);
    }

    [Fact]
    public void SingleColumn_Seconds_AreDetectedByTheMedianAndConverted()
    {
        var result = Read("0.812\n0.790\n0.805\n", RrFormat.SingleColumn);
        Assert.Equal([812, 790, 805], result.Series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal((RrUnit.Seconds, RrUnitSource.Detected), (result.Unit, result.UnitSource));
    }

    [Fact]
    public void SingleColumn_OneWildValue_DoesNotFlipTheDetectedUnit()
    {
        // The maximum (12.5) would say ms under a max < 10 rule's complement; the median (0.8) says seconds.
        var result = Read("0.8\n0.81\n12.5\n0.79\n", RrFormat.SingleColumn);
        Assert.Equal(RrUnit.Seconds, result.Unit);
        Assert.Equal(12500, result.Series.IntervalsMs[2], 9);
    }

    [Fact]
    public void SingleColumn_StatedUnit_OverridesDetection()
    {
        var result = Read("5\n6\n7\n", RrFormat.SingleColumn, new RrReadOptions { Unit = RrUnit.Milliseconds });
        Assert.Equal([5, 6, 7], result.Series.IntervalsMs.ToArray());
        Assert.Equal((RrUnit.Milliseconds, RrUnitSource.Stated), (result.Unit, result.UnitSource));
    }

    [Fact]
    public void SingleColumn_PolarStyleHeader_IsTakenAsHeaderAndNamesTheUnit()
    {
        var result = Read("RR (ms)\n812\n790\n", RrFormat.SingleColumn);
        Assert.Equal(["RR (ms)"], result.HeaderLines);
        Assert.Equal((RrUnit.Milliseconds, RrUnitSource.Header), (result.Unit, result.UnitSource));
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void SingleColumn_BadLines_AreReportedWithLineNumberAndContent()
    {
        var result = Read("812\nabc\n0,790\n-5\nNaN\n805\n", RrFormat.SingleColumn);
        Assert.Equal([812, 805], result.Series.IntervalsMs.ToArray());
        Assert.Equal(
            [("io.unparsable-line", "line 2"), ("io.unparsable-line", "line 3"), ("io.invalid-interval", "line 4"), ("io.invalid-interval", "line 5")],
            result.Problems.Select(p => (p.Code, p.Location!)).ToArray());
        Assert.Contains("\"abc\"", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"0,790\"", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void SingleColumn_UnderGermanCulture_StillParsesInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var result = Read("812.5\n1,5\n", RrFormat.SingleColumn);
            Assert.Equal([812.5], result.Series.IntervalsMs.ToArray());
            Assert.Equal("line 2", Assert.Single(result.Problems).Location);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Empty_GivesAnEmptySeriesAndNoIntervalsProblem()
    {
        var result = Read("", RrFormat.SingleColumn);
        Assert.Equal(0, result.Series.Count);
        Assert.Equal("io.no-intervals", Assert.Single(result.Problems).Code);
        Assert.True(result.HasErrors);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void Csv_NamedColumn_WithEachDelimiter_IsDetectedAndRead(char d)
    {
        var text = $"time{d}RR{d}note\n0.81{d}812{d}ok\n1.60{d}790{d}\"a{d} b\"\n";
        var result = RrReader.ReadCsv(new StringReader(text), "rr");
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 3], result.SourceLineNumbers.ToArray());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Csv_QuotedFieldsAndHeaderUnit_AreHandled()
    {
        // Polar Sensor Logger style: quoted header with the unit in brackets, semicolons.
        var text = "\"Phone timestamp\";\"RR-interval [ms]\"\n\"2024-01-01T10:00:00\";\"812\"\n\"2024-01-01T10:00:01\";\"7\"\"9\"\n";
        var result = Read(text, RrFormat.Csv, new RrReadOptions { ColumnName = "RR-interval [ms]" });
        Assert.Equal([812], result.Series.IntervalsMs.ToArray());
        Assert.Equal((RrUnit.Milliseconds, RrUnitSource.Header), (result.Unit, result.UnitSource));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 3", problem.Location);
        Assert.Contains("7\"\"9", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_DefaultColumn_IsTheFirstNamedLikeRr_AndSecondsInTheNameConvert()
    {
        var result = Read("index,rr_s\n1,0.8\n2,0.9\n", RrFormat.Csv);
        Assert.Equal([800, 900], result.Series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal((RrUnit.Seconds, RrUnitSource.Header), (result.Unit, result.UnitSource));
    }

    [Fact]
    public void Csv_MissingColumnOrField_IsAProblem()
    {
        var missing = Read("a,b\n1,2\n", RrFormat.Csv, new RrReadOptions { ColumnName = "RR" });
        Assert.Equal("io.column-not-found", missing.Problems[0].Code);
        Assert.Contains("a | b", missing.Problems[0].Message, StringComparison.Ordinal);

        var shortRow = Read("t,RR\n1,812\n2\n", RrFormat.Csv);
        Assert.Equal([812], shortRow.Series.IntervalsMs.ToArray());
        Assert.Equal("line 3", Assert.Single(shortRow.Problems).Location);
    }

    [Fact]
    public void KubiosText_HeaderLinesThenTwoColumns_ReadsTheRrColumnWithTheHeaderUnit()
    {
        var text = "Kubios HRV RR interval data\nSubject: 01\nTime (s)\tRR (s)\n0.000\t0.812\n0.812\t0.790\n1.602\t0.805\n";
        var result = Read(text, RrFormat.KubiosText);
        Assert.Equal(3, result.HeaderLines.Count);
        Assert.Equal((RrUnit.Seconds, RrUnitSource.Header), (result.Unit, result.UnitSource));
        Assert.Equal([812, 790, 805], result.Series.IntervalsMs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([4, 5, 6], result.SourceLineNumbers.ToArray());
    }

    [Fact]
    public void KubiosText_SingleColumnMsAndABadRow_ReportsTheRow()
    {
        var result = Read("RR intervals\n812\n790 x\n805\n", RrFormat.KubiosText);
        Assert.Equal([812, 805], result.Series.IntervalsMs.ToArray());
        Assert.Equal("line 3", Assert.Single(result.Problems).Location);
    }

    [Fact]
    public void Stream_Utf8WithBom_IsRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("812\n790\n")).ToArray();
        using var stream = new MemoryStream(bytes);
        var result = RrReader.Read(stream, RrFormat.SingleColumn, null);
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.True(stream.CanRead); // left open
    }

    [Fact]
    public void Garbage20MB_GivesAClearOutcomeFastWithBoundedProblems()
    {
        // 20 MB of random bytes (seeded): binary noise with occasional line breaks, some lines very long.
        var random = new Random(20251123);
        var bytes = new byte[20 * 1024 * 1024];
        random.NextBytes(bytes);
        using var stream = new MemoryStream(bytes);

        var clock = Stopwatch.StartNew();
        var result = RrReader.Read(stream, RrFormat.SingleColumn, null);
        clock.Stop();

        Assert.True(result.HasErrors);
        Assert.True(result.ProblemCount > 100);
        Assert.Equal(101, result.Problems.Count); // 100 listed + the summary
        Assert.Contains(result.Problems, p => p.Code == "io.more-problems");
        Assert.All(result.Problems, p => Assert.True(p.Message.Length < 400));
        // A bound against a hang or quadratic work, not a speed claim (that is the benchmarks' job): the read costs about
        // 0.35 s of CPU, quadratic work on 20 MB would take hours, and 60 s leaves room for a machine at load 50, where 10 s
        // failed once.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void OneHugeLine_IsReportedNotHeld()
    {
        var text = new string('9', 5_000_000);
        var result = Read(text + "\n812\n", RrFormat.SingleColumn);
        var problem = result.Problems[0];
        Assert.Equal(("io.line-too-long", "line 1"), (problem.Code, problem.Location));
        Assert.Contains("5000000", problem.Message, StringComparison.Ordinal);
        Assert.Equal([812], result.Series.IntervalsMs.ToArray());
    }

    [Fact]
    public void Result_ToString_ShowsTheProblemCountAndCodes()
    {
        // Line 2 is not a number and line 3 uses a decimal comma: two unparsable lines.
        var result = Read("812\nabc\n0,790\n", RrFormat.SingleColumn);
        Assert.Contains("Problems = 2 problems (io.unparsable-line, io.unparsable-line)", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_QuotedDelimiterAndEscapedQuoteBeforeTheRrColumn_AreOneField()
    {
        var text = "note,RR\n\"a, b\",812\n\"say \"\"hi\"\"\",790\n";
        var result = Read(text, RrFormat.Csv);
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 3], result.SourceLineNumbers.ToArray());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Csv_CrLfAndLoneCr_EndLinesLikeLf()
    {
        var result = Read("t,RR\r\n1,812\r\n2,790\r3,805\r\n", RrFormat.Csv);
        Assert.Equal([812, 790, 805], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 3, 4], result.SourceLineNumbers.ToArray());
        Assert.Equal(4, result.LineCount);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Csv_Utf8BomInAStream_IsNotPartOfTheFirstColumnName()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("RR;t\n812;0\n790;0.8\n")).ToArray();
        using var stream = new MemoryStream(bytes);
        var result = RrReader.Read(stream, RrFormat.Csv, new RrReadOptions { ColumnName = "RR" });
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 3], result.SourceLineNumbers.ToArray());
    }

    [Fact]
    public void Csv_BomLeftInTheText_IsNotPartOfTheFirstColumnName()
    {
        var result = RrReader.ReadCsv(new StringReader("\uFEFFRR,t\n812,0\n"), "rr");
        Assert.Equal([812], result.Series.IntervalsMs.ToArray());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Csv_SemicolonWithDecimalComma_IsDetectedAndTheCommaValueIsAProblem()
    {
        var result = Read("Zeit;RR\n0;812\n1;790,5\n", RrFormat.Csv);
        Assert.Equal([812], result.Series.IntervalsMs.ToArray());
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("io.unparsable-line", "line 3"), (problem.Code, problem.Location));
        Assert.Equal("\"1;790,5\" column 2 uses a decimal comma; write numbers with '.' (a comma cannot be told from a separator, so the value is never guessed); not read.", problem.Message);
    }

    [Fact]
    public void Csv_BlankLinesAndAnEmptyTrailingLine_AreSkippedButCounted()
    {
        var result = Read("t,RR\n\n1,812\n   \n2,790\n\n", RrFormat.Csv);
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([3, 5], result.SourceLineNumbers.ToArray());
        Assert.Equal(6, result.LineCount);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Csv_UnclosedQuote_EndsAtItsLineAndDoesNotSwallowTheNext()
    {
        var result = Read("t,RR\n1,\"812\n2,790\n3,\"abc\n4,805\n", RrFormat.Csv);
        Assert.Equal([812, 790, 805], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 3, 5], result.SourceLineNumbers.ToArray());
        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 4", problem.Location);
        Assert.Equal("\"3,\"abc\" column 2 is not a number; not read.", problem.Message);
    }

    [Fact]
    public void Csv_ProblemQuotesTheLineAsWritten_NotAsUnescaped()
    {
        var result = Read("t,RR\n1,\"8x2\"\n", RrFormat.Csv);
        Assert.Equal("\"1,\"8x2\"\" column 2 is not a number; not read.", Assert.Single(result.Problems, p => p.Location == "line 2").Message);
    }

    [Fact]
    public void Csv_LineTooLong_IsReportedWithItsLengthAndTheNextLinesAreRead()
    {
        var text = "t,RR\n1,812\n2," + new string('9', 5000) + "\n3,790\n";
        var result = Read(text, RrFormat.Csv);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("io.line-too-long", "line 3"), (problem.Code, problem.Location));
        Assert.Contains("Line of 5002 characters", problem.Message, StringComparison.Ordinal);
        Assert.Equal([812, 790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 4], result.SourceLineNumbers.ToArray());
    }

    [Fact]
    public void Csv_StatedDelimiterThatCannotDelimit_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Read("a\"b\n", RrFormat.Csv, new RrReadOptions { Delimiter = '"' }));
        Assert.Equal("options", e.ParamName);
    }

    [Theory]
    [InlineData(RrFormat.SingleColumn)]
    [InlineData(RrFormat.Csv)]
    [InlineData(RrFormat.KubiosText)]
    public void MaxLineLength_AboveTheLimit_ThrowsNamingTheOption_InsteadOfAllocatingIt(RrFormat format)
    {
        // int.MaxValue overflowed the CSV line buffer size; the readers hold buffers of this length.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Read("800\n", format, new RrReadOptions { MaxLineLength = int.MaxValue }));
        Assert.Equal("options.MaxLineLength", e.ParamName);
        Assert.Equal(3, Read("800\n810\n820\n", RrFormat.SingleColumn, new RrReadOptions { MaxLineLength = RrReadOptions.MaxLineLengthLimit }).Series.Count);
    }

    [Theory]
    [InlineData(RrFormat.SingleColumn, "", 0)]
    [InlineData(RrFormat.Csv, "t,RR\n", 1)]
    [InlineData(RrFormat.KubiosText, "Time RR\n", 1)]
    public void MaxIntervals_OneMoreFound_StopsThere_WithAnErrorListedFirst(RrFormat format, string header, int headerLines)
    {
        // Ten intervals 801…810 (one per line, after the header); at most 4 read. The fifth value's line is where reading
        // stopped. The error is listed although no other problem may be (MaxListedProblems 0).
        var body = string.Concat(Enumerable.Range(1, 10).Select(i => format == RrFormat.SingleColumn
            ? $"{800 + i}\n"
            : $"{i},{800 + i}\n".Replace(",", format == RrFormat.Csv ? "," : " ", StringComparison.Ordinal)));
        var result = Read(header + body, format, new RrReadOptions { MaxIntervals = 4, MaxListedProblems = 0 });

        Assert.Equal([801, 802, 803, 804], result.Series.IntervalsMs.ToArray());
        Assert.True(result.HasErrors);
        var stop = result.Problems[0];
        Assert.Equal("io.too-many-intervals", stop.Code);
        Assert.Equal(ProblemSeverity.Error, stop.Severity);
        Assert.Equal($"line {headerLines + 5}", stop.Location);
        Assert.Contains("more than 4 intervals", stop.Message, StringComparison.Ordinal);
        Assert.Equal(10, Read(header + body, format, new RrReadOptions { MaxIntervals = 10 }).Series.Count);
    }

    [Fact]
    public void EndlessText_StopsAtTheDefaultMaxIntervals_InsteadOfTakingAllMemory()
    {
        // A text that never ends ("800" lines forever: a device or a hostile generator behind a TextReader). Before the
        // bound, reading it grew the buffer until the process ran out of memory.
        var result = RrReader.Read(new EndlessLines("800"), RrFormat.SingleColumn);

        Assert.Equal(10_000_000, RrReadOptions.Default.MaxIntervals);
        Assert.Equal(10_000_000, result.Series.Count);
        Assert.Equal("io.too-many-intervals", result.Problems[0].Code);
        Assert.Equal("line 10000001", result.Problems[0].Location);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(RrReadOptions.MaxIntervalsLimit + 1)]
    public void MaxIntervals_OutsideItsRange_ThrowsNamingTheOption(int maxIntervals)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Read("800\n", RrFormat.SingleColumn, new RrReadOptions { MaxIntervals = maxIntervals }));
        Assert.Equal("options.MaxIntervals", e.ParamName);
    }

    [Fact]
    public void LineReader_AtItsLargestLineNumber_StopsAndSaysTheTextWentOn()
    {
        // 2³¹ − 1 lines cannot be written in a test; the bound is lowered to 3 (the limit's check is the same code).
        var lines = new BoundedLineReader(new StringReader("\n\n\n\n\n"), 16) { MaximumLines = 3 };
        var read = 0;
        while (lines.ReadLine(out _, out _))
        {
            read++;
        }

        Assert.Equal(3, read);
        Assert.True(lines.LineLimitReached);

        var exact = new BoundedLineReader(new StringReader("\n\n\n"), 16) { MaximumLines = 3 };
        while (exact.ReadLine(out _, out _))
        {
        }

        Assert.False(exact.LineLimitReached);  // three lines and the end: nothing was left unread
    }

    /// <summary>Returns the same line forever.</summary>
    private sealed class EndlessLines(string line) : TextReader
    {
        private readonly string _text = string.Concat(Enumerable.Repeat(line + "\n", 4096));
        private int _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(buffer.Length, _text.Length - _position);
            _text.AsSpan(_position, n).CopyTo(buffer);
            _position = (_position + n) % _text.Length;
            return n;
        }

        public override int Peek() => _text[_position];

        public override int Read()
        {
            var c = _text[_position];
            _position = (_position + 1) % _text.Length;
            return c;
        }
    }

    [Fact]
    public void Csv_Garbage20MBAfterAHeader_GivesBoundedProblemsFast()
    {
        // A valid header, then 20 MB of random bytes (seeded): stray quotes and delimiters everywhere.
        var random = new Random(20261202);
        var noise = new byte[20 * 1024 * 1024];
        random.NextBytes(noise);
        using var stream = new MemoryStream([.. "t,RR\n"u8, .. noise]);

        var clock = Stopwatch.StartNew();
        var result = RrReader.Read(stream, RrFormat.Csv, null);
        clock.Stop();

        Assert.True(result.HasErrors);
        Assert.True(result.ProblemCount > 100);
        Assert.Equal(101, result.Problems.Count); // 100 listed + the summary
        Assert.Contains(result.Problems, p => p.Code == "io.more-problems");
        Assert.All(result.Problems, p => Assert.True(p.Message.Length < 400));
        // A hang guard, not a speed claim (speed is in the benchmarks): about 1 s on an idle machine, 25 s seen with
        // the machine's two cores shared by a dozen builds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Csv_StrayQuoteBeforeTwentyMillionCharacters_IsOneTooLongLineAndIsNotHeld()
    {
        // Sep alone would keep reading the quoted field to the end of the text; the line limit must still hold.
        var bytes = new byte[20_000_000 + 32];
        var head = "t,RR\n1,\""u8;
        head.CopyTo(bytes);
        bytes.AsSpan(head.Length, 20_000_000).Fill((byte)'9');
        var tail = "\n2,790\n"u8;
        tail.CopyTo(bytes.AsSpan(head.Length + 20_000_000));
        using var stream = new MemoryStream(bytes, 0, head.Length + 20_000_000 + tail.Length);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = RrReader.Read(stream, RrFormat.Csv, null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("io.line-too-long", "line 2"), (problem.Code, problem.Location));
        Assert.Contains("Line of 20000003 characters", problem.Message, StringComparison.Ordinal);
        Assert.Equal([790], result.Series.IntervalsMs.ToArray());
        Assert.Equal([3], result.SourceLineNumbers.ToArray());

        // Holding the line would take 40 MB (20 million UTF-16 characters).
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    public static TheoryData<string> ReferenceIds() => TestSupport.HrvReference.Ids();

    [Theory]
    [MemberData(nameof(ReferenceIds))]
    public void ReferenceDataFile_ReadsTheSameIntervalsAsTheLoader_WithTheUnitDetectedAsMs(string seriesId)
    {
        var reference = TestSupport.HrvReference.Get(seriesId);
        var path = Path.Combine(Path.GetDirectoryName(reference.Path)!, reference.Root.GetProperty("rr_file").GetString()!);
        var result = RrReader.ReadFile(path, RrFormat.SingleColumn);
        Assert.Equal(reference.RrMs, result.Series.IntervalsMs.ToArray());
        Assert.Equal((RrUnit.Milliseconds, RrUnitSource.Detected), (result.Unit, result.UnitSource));
        Assert.Empty(result.Problems);
    }
}
