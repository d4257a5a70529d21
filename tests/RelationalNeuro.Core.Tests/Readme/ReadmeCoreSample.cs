using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Core.Tests.Readme;

internal static class ReadmeCoreSample
{
    public static string Run()
    {
        // README:begin
        // An RR export: one interval in milliseconds per line (a Polar or Elite HRV file reads the same way).
        var export = string.Join('\n', Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "800" : "900"));
        var read = RrReader.Read(new StringReader(export), RrFormat.SingleColumn);

        // Artifact correction (Lipponen & Tarvainen 2019, then the 300–2000 ms range; where premature beats are frequent,
        // the sinus-rhythm detector), then the time domain.
        var corrected = Artifacts.Process(read.Series.IntervalsMs);
        var time = HrvMetrics.TimeDomain(corrected.NnIntervalsMs);

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{read.Series.Count} beats, {corrected.FlaggedCount} artifacts; RMSSD {time.RmssdMs:0.0} ms, " +
            $"SDNN {time.SdnnMs:0.00} ms, pNN50 {time.Pnn50Percent:0} %, mean HR {time.MeanHrBpm:0.0} bpm");
        // README:end
        return summary;
    }
}
