using System.Globalization;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Readme;

/// <summary>
/// The README's Core example is the body of <see cref="ReadmeCoreSample"/>, verbatim (between the markers):
/// this test fails if the two drift apart, and checks what the example prints against the analytic answer.
/// </summary>
public class ReadmeTests
{
    [Fact]
    public void CoreSample_IsInTheReadmeVerbatim()
    {
        var source = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "RelationalNeuro.Core.Tests", "Readme", "ReadmeCoreSample.cs"))
            .ReplaceLineEndings("\n");
        const string begin = "// README:begin\n";
        var start = source.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        var end = source.IndexOf("        // README:end", StringComparison.Ordinal);
        var body = string.Join('\n', source[start..end].TrimEnd('\n').Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + body + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void CoreSample_PrintsTheAnalyticAnswer()
    {
        // 300 intervals alternating 800/900 ms: every successive difference is 100 ms, so RMSSD = 100 and
        // pNN50 = 100 %; mean 850, deviations ±50, SDNN = sqrt(300 · 50² / 299) = 50.08 ms; mean HR is the mean of
        // 60000/RR = (75 + 66.667) / 2 = 70.8 bpm.
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("300 beats, 0 artifacts; RMSSD 100.0 ms, SDNN 50.08 ms, pNN50 100 %, mean HR 70.8 bpm", ReadmeCoreSample.Run());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
