using System.Globalization;
using RelationalNeuro.Emotions;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;
using RelationalNeuro.Questionnaires;

// Exercises Core under Native AOT — the text reader, artifact correction, the three HRV domains, the embedded JSON
// catalogs (source-generated serialization) — and prints what it computed. build.sh compares the output with
// expected-output.txt, whose values are analytic, not taken from this program: 600 intervals of
// 1000 + 40·sin(2π·0.1·i) ms are 60 whole periods of a smooth sine (no artifact; mean exactly 1000 ms); at one beat a
// second the modulation sits at 0.1 Hz, inside LF; a periodic series has template matches, so SampEn is defined;
// the catalog has the twenty instruments of the research file and the project's wheel nine core feelings.
var export = string.Join('\n', Enumerable.Range(0, 600).Select(i => (1000 + (40 * Math.Sin(2 * Math.PI * 0.1 * i))).ToString("R", CultureInfo.InvariantCulture)));
var read = RrReader.Read(new StringReader(export), RrFormat.SingleColumn);
var corrected = Artifacts.Process(read.Series.IntervalsMs);
var time = HrvMetrics.TimeDomain(corrected.NnIntervalsMs);
var frequency = HrvMetrics.FrequencyDomain(corrected.NnIntervalsMs);
var entropy = HrvMetrics.SampleEntropy(corrected.NnIntervalsMs);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"beats {read.Series.Count}, artifacts {corrected.FlaggedCount}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean NN {time.MeanNnMs:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LF peak {frequency.LfPeakHz:0.00} Hz"));
Console.WriteLine(entropy.Value is null ? "sample entropy unavailable" : "sample entropy defined");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instruments {InstrumentCatalog.Ids.Length}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wheel cores {FeelingWheels.RelationalNeuro.Roots.Count}"));
return 0;
