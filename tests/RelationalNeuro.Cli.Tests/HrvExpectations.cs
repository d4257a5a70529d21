using RelationalNeuro.Hrv;
using RelationalNeuro.Io;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

/// <summary>The library's own answers for the reference recordings, to compare rn's tables with.</summary>
internal static class HrvExpectations
{
    /// <summary>Columns checked against report members (not through the library's CSV writer), with the member read.</summary>
    public static readonly (string Column, Func<HrvReport, double?> Member)[] Members =
    [
        ("input_count", r => r.Input.InputCount),
        ("nn_count", r => r.Artifacts?.NnCount),
        ("flagged_count", r => r.Artifacts?.FlaggedCount),
        ("mean_nn_ms", r => r.TimeDomain?.MeanNnMs),
        ("sdnn_ms", r => r.TimeDomain?.SdnnMs),
        ("rmssd_ms", r => r.TimeDomain?.RmssdMs),
        ("pnn50_percent", r => r.TimeDomain?.Pnn50Percent),
        ("sd1_ms", r => r.Poincare?.Sd1Ms),
        ("sd2_ms", r => r.Poincare?.Sd2Ms),
        ("lf_power_ms2", r => r.FrequencyDomain?.LfPowerMs2),
        ("hf_power_ms2", r => r.FrequencyDomain?.HfPowerMs2),
        ("lf_hf_ratio", r => r.FrequencyDomain?.LfHfRatio),
        ("sample_entropy", r => r.SampleEntropy?.Value),
        ("approximate_entropy", r => r.ApproximateEntropy?.Value),
        ("dfa_alpha1", r => r.Dfa?.Alpha1),
        ("problem_count", r => r.Problems.Count),
    ];

    /// <summary>The reference RR files (data/*.rr_ms.txt); skips the test when ../shared is absent.</summary>
    public static string[] ReferenceFiles()
    {
        var folder = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data");
        var files = Directory.GetFiles(folder, "*.rr_ms.txt");
        Array.Sort(files, StringComparer.Ordinal);
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>What HrvAnalysis.Analyze returns for a file read with the Kubios-style reader (rn's default for .txt).</summary>
    public static HrvReport Analyze(string path, HrvAnalysisOptions? options = null)
    {
        var read = RrReader.ReadFile(path, RrFormat.KubiosText);
        var report = HrvAnalysis.Analyze(read.Series, options, TestContext.Current.CancellationToken);
        return report with { Problems = [.. read.Problems, .. report.Problems] };
    }

    public static void Equal(double? expected, double? actual, string what)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected empty, rn wrote {actual}");
            return;
        }

        Assert.True(actual is not null, $"{what}: expected {expected}, rn wrote nothing");
        var tolerance = 1e-12 * Math.Max(1, Math.Abs(expected.Value));
        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{what}: expected {expected:R}, rn wrote {actual:R}");
    }
}
