using System.Text.Json;
using RelationalNeuro.Hrv;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// What the fuzz targets <c>hrv-report</c> and <c>dyad-report</c> found in <c>FromJson</c>: a number beyond the double
/// range (<c>1e999</c>) or a named literal (<c>"NaN"</c>) came back as a non-finite member, and <c>"problems": null</c>
/// escaped as an <see cref="ArgumentNullException"/>. Each is now the documented <see cref="JsonException"/>.
/// </summary>
public class ReportJsonHardeningTests
{
    private static string HrvJson() => HrvAnalysis.Analyze([.. Enumerable.Range(0, 300).Select(k => 800 + (40 * Math.Sin(k / 5.0)))]).ToJson();

    private static string DyadJson()
    {
        double[] a = [.. Enumerable.Range(0, 380).Select(k => 800 + (40 * Math.Sin(k / 5.0)))];
        double[] b = [.. Enumerable.Range(0, 380).Select(k => 780 + (35 * Math.Sin((k - 2) / 5.0)))];
        return DyadAnalysis.Analyze(a, b).ToJson();
    }

    /// <summary>Replaces the value of the first <c>"name": value</c> after the member <paramref name="after"/> (or from the start).</summary>
    private static string Replace(string json, string name, string value, string? after = null)
    {
        var from = after is null ? 0 : json.IndexOf($"\"{after}\": ", StringComparison.Ordinal);
        Assert.True(from >= 0, $"{after} is not in the report's JSON");
        var key = $"\"{name}\": ";
        var start = json.IndexOf(key, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name} is not in the report's JSON");
        start += key.Length;
        var end = json[start] == '[' ? json.IndexOf(']', start) + 1 : json.IndexOfAny([',', '\n', '}'], start);
        return string.Concat(json.AsSpan(0, start), value, json.AsSpan(end));
    }

    [Fact]
    public void ReportsRoundTrip_AsBefore()
    {
        var hrv = HrvJson();
        Assert.Equal(hrv, HrvReport.FromJson(hrv).ToJson());
        var dyad = DyadJson();
        Assert.Equal(dyad, DyadReport.FromJson(dyad).ToJson());
    }

    [Theory]
    [InlineData("rmssdMs", "1e999", null)]
    [InlineData("rmssdMs", "\"NaN\"", null)]
    [InlineData("rmssdMs", "\"-Infinity\"", null)]
    [InlineData("problems", "[null]", "frequencyDomain")]
    public void HrvReportFromJson_ANonFiniteNumberOrANullProblem_IsAJsonException(string member, string value, string? after)
    {
        var error = Assert.Throws<JsonException>(() => HrvReport.FromJson(Replace(HrvJson(), member, value, after)));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Theory]
    [InlineData("grandAverage", "1e999", null)]
    [InlineData("grandAverage", "\"Infinity\"", null)]
    [InlineData("problems", "[null]", "hrvA")]
    public void DyadReportFromJson_ANonFiniteNumberOrANullProblem_IsAJsonException(string member, string value, string? after) =>
        Assert.Throws<JsonException>(() => DyadReport.FromJson(Replace(DyadJson(), member, value, after)));
}
