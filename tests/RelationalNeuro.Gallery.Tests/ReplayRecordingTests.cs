using System.Globalization;
using System.Text;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The RR recording the gallery replays is data, not a test oracle: it was written by the seeded generator below
/// and committed. These tests prove the shipped file is exactly that generator's output (so anyone can see how it
/// was made and regenerate it) and that the gallery loads all of it. Regenerate with
/// <c>RN_WRITE_REPLAY=1 dotnet test --filter ReplayRecording</c>.
/// </summary>
public sealed class ReplayRecordingTests
{
    private const string FileName = "resting-5min.rr_ms.txt";

    /// <summary>
    /// 5 minutes of a resting rhythm: mean RR 857 ms (70 bpm), respiratory sinus arrhythmia at 0.25 Hz (amplitude
    /// 40 ms), a 0.1 Hz baroreflex wave (25 ms) and Gaussian noise (σ 12 ms, Box–Muller from System.Random with
    /// seed 20261123), rounded to whole ms as straps report them (1/1024 s). Three premature beats (RR × 0.62)
    /// each followed by a compensatory pause (RR × 1.38) at beats 90, 200 and 300, for the artifact screening.
    /// </summary>
    internal static int[] Generate()
    {
        var random = new Random(20261123);
        var rr = new List<int>();
        var t = 0.0;
        while (t < 300)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var noise = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            var value = 857 + (40 * Math.Sin(2 * Math.PI * 0.25 * t)) + (25 * Math.Sin(2 * Math.PI * 0.1 * t)) + (12 * noise);
            var k = rr.Count;
            if (k is 90 or 200 or 300)
            {
                value *= 0.62;
            }
            else if (k is 91 or 201 or 301)
            {
                value *= 1.38;
            }

            var ms = (int)Math.Round(value, MidpointRounding.AwayFromZero);
            rr.Add(ms);
            t += ms / 1000.0;
        }

        return [.. rr];
    }

    private static string Render(int[] rr)
    {
        var text = new StringBuilder("rr_ms\n");
        foreach (var value in rr)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static string ShippedPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "samples", "RelationalNeuro.Gallery", "Data", FileName));

    [Fact]
    public void ShippedRecording_IsTheSeededGeneratorsOutput()
    {
        var expected = Render(Generate());
        if (Environment.GetEnvironmentVariable("RN_WRITE_REPLAY") == "1")
        {
            File.WriteAllText(ShippedPath(), expected);
        }

        Assert.Equal(expected, File.ReadAllText(ShippedPath()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Gallery_LoadsEveryBeatOfTheRecording()
    {
        var generated = Generate();
        Assert.Equal(generated.Select(v => (double)v), ReplayRecording.IntervalsMs.ToArray());
        var minutes = generated.Sum() / 60_000.0;
        Assert.InRange(minutes, 5.0, 5.1);
    }
}
