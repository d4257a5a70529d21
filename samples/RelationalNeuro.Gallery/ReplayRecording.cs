using RelationalNeuro.Io;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The RR recording the HRV gauge page replays when no chest strap is connected: 5 minutes of a seeded synthetic
/// resting rhythm with three ectopic beats, shipped inside the gallery as an embedded resource (how it was
/// generated: tests/RelationalNeuro.Gallery.Tests/ReplayRecordingTests.cs).
/// </summary>
internal static class ReplayRecording
{
    private static readonly Lazy<double[]> Intervals = new(Load);

    /// <summary>The recording's intervals in ms.</summary>
    public static ReadOnlyMemory<double> IntervalsMs => Intervals.Value;

    private static double[] Load()
    {
        using var stream = typeof(ReplayRecording).Assembly.GetManifestResourceStream("RelationalNeuro.Gallery.Data.resting-5min.rr_ms.txt")
            ?? throw new InvalidOperationException("The replay recording is missing from the gallery assembly.");
        var result = RrReader.Read(stream, RrFormat.SingleColumn, null);
        if (result.HasErrors)
        {
            throw new InvalidOperationException("The replay recording has problems: " + string.Join("; ", result.Problems));
        }

        return result.Series.IntervalsMs.ToArray();
    }
}
