using System.Globalization;
using System.Text;
using RelationalNeuro.Io;

namespace RelationalNeuro.Core.Tests.Io;

/// <summary>
/// Issue #20 item 2: the reader's fast paths give what the general paths gave. The oracle for numbers is
/// <see cref="double.Parse(string, NumberStyles, IFormatProvider?)"/> (correctly rounded), for the unit rule the median of
/// a sorted copy, for line numbers the lines the text was written with; allocation is bounded by the file's size.
/// </summary>
public sealed class RrReaderSpeedPathTests
{
    [Theory]
    [InlineData("812")]
    [InlineData("0812")]
    [InlineData("695.3125")]
    [InlineData("0.8125")]
    [InlineData("999999999999999")]
    [InlineData("0.00000000000001")]
    [InlineData("123456789.012345")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("7.8125")]
    public void PlainDecimal_Accepted_IsTheDoubleTheGeneralParserGives(string text)
    {
        Assert.True(RrReader.TryParsePlainDecimal(text, out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1e3")]
    [InlineData("1.2.3")]
    [InlineData("0,812")]
    [InlineData("1234567890123456")]
    [InlineData("0.1234567890123456")]
    [InlineData("NaN")]
    public void PlainDecimal_AnythingElse_IsLeftToTheGeneralParser(string text) =>
        Assert.False(RrReader.TryParsePlainDecimal(text, out _));

    [Fact]
    public void PlainDecimal_RandomDecimals_EqualTheGeneralParserBitForBit()
    {
        var random = new Random(20);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 16);
            var chars = new char[digits];
            for (var d = 0; d < digits; d++)
            {
                chars[d] = (char)('0' + random.Next(10));
            }

            var text = new string(chars);
            var point = random.Next(0, digits);
            if (point > 0)
            {
                text = string.Concat(text.AsSpan(0, point), ".", text.AsSpan(point));
            }

            Assert.True(RrReader.TryParsePlainDecimal(text, out var value), text);
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), text);
        }
    }

    [Fact]
    public void MedianCompare_RandomSeriesWithTies_HasTheSignOfTheSortedMedianMinusTheThreshold()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var n = random.Next(1, 12);
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                // Few distinct values, so ties with each other and with the threshold are common.
                values[i] = random.Next(0, 6) * 0.5;
            }

            var threshold = random.Next(0, 6) * 0.5 + (random.Next(3) == 0 ? 0.25 : 0);
            var sorted = values.Order().ToArray();
            var mid = n / 2;
            var median = n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
            Assert.Equal(Math.Sign(median - threshold), RrReadState.MedianCompare(values, threshold));
        }

        Assert.Equal(1, RrReadState.MedianCompare([], 10));
    }

    [Fact]
    public void SingleColumn_GapsOfEveryKind_KeepTheLineOfEveryValue()
    {
        // Values on lines 2, 3, 5, 8, 9, 10, 12: a header, a blank line, a refused value, a long gap.
        var text = "RR\n812\n790\n\n805\nabc\n0\n800\n801\n802\n-3\n799\n";
        var result = RrReader.Read(new StringReader(text), RrFormat.SingleColumn);
        Assert.Equal([812, 790, 805, 800, 801, 802, 799], result.Series.IntervalsMs.ToArray());
        Assert.Equal([2, 3, 5, 8, 9, 10, 12], result.SourceLineNumbers.ToArray());
    }

    [Fact]
    public void SingleColumn_ValuesRefusedAfterReading_DropTheirLinesToo()
    {
        // Seconds detected by the median; 70 s and 0.0005 s fall outside 1–60,000 ms after conversion.
        var text = "0.8\n70\n0.81\n0.0005\n0.79\n";
        var result = RrReader.Read(new StringReader(text), RrFormat.SingleColumn);
        Assert.Equal(RrUnit.Seconds, result.Unit);
        Assert.Equal([1, 3, 5], result.SourceLineNumbers.ToArray());
        Assert.Equal(3, result.Series.Count);
    }

    [Fact]
    public void ReadFile_DayOfSingleColumnValues_AllocatesAtMostTwiceTheFileSize()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rn-reader-alloc-{Guid.NewGuid():N}.txt");
        try
        {
            var random = new Random(3);
            var text = new StringBuilder();
            for (var i = 0; i < 100_000; i++)
            {
                text.Append((600 + (random.Next(0, 51_200) / 128.0)).ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
            }

            File.WriteAllText(path, text.ToString());
            var size = new FileInfo(path).Length;
            _ = RrReader.ReadFile(path, RrFormat.SingleColumn); // first call: type initialisation and JIT
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = RrReader.ReadFile(path, RrFormat.SingleColumn);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(100_000, result.Series.Count);
            Assert.True(allocated <= 2 * size, $"allocated {allocated} bytes for a file of {size} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
