using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RelationalNeuro.Gallery.Analyse;
using RelationalNeuro.Gallery.Components.Analyse;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Gallery;

/// <summary>
/// Issue 19 item 7: what the server does between "the upload finished" and "the report is on the page" for a 24-h
/// recording on the gallery's "Analyse a recording" page — reading the bytes into a recording and analysing it
/// (<see cref="Analyser"/>, the page's background job), then rendering the whole report component
/// (<see cref="HrvReportView"/>: metric tables, tachogram, spectrum, Poincaré density, problems, artifact list) to HTML
/// with <see cref="HtmlRenderer"/>, as prerendering does (an interactive render builds the same render tree, then sends a
/// diff instead of a string). The 24-h recording is PhysioNet nsr2db nsr001 (106,459 intervals, 22.5 h) read from
/// ../shared/reference/hrv/data; where that folder is absent, a seeded synthetic day of the same length (printed).
/// Baseline: the same two steps for the gallery's 5-min sample (337 intervals).
/// </summary>
[MemoryDiagnoser]
public class AnalyseReportBenchmarks
{
    private HtmlRenderer _renderer = null!;
    private ServiceProvider _services = null!;
    private byte[] _day = null!;
    private RecordingAnalysis _dayAnalysis = null!;
    private RecordingAnalysis _sampleAnalysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        _day = LoadDay();
        _dayAnalysis = AnalyseDay();
        _sampleAnalysis = Analyse("sample.txt", SampleRecording.Content);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// report markup: 24 h {RenderDay().Result.Length:#,0} chars, 5 min {RenderSample().Result.Length:#,0} chars"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _renderer.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Analyse + render report, 5 min (337 beats)")]
    public async Task<int> SampleEndToEnd()
    {
        var analysis = Analyse("sample.txt", SampleRecording.Content);
        return (await Render(analysis)).Length;
    }

    [Benchmark(Description = "Analyse (read, artifacts, report, spectrum), 24 h")]
    public RecordingAnalysis AnalyseDay() => Analyse("day.txt", _day);

    [Benchmark(Description = "Render report component to HTML, 24 h")]
    public Task<string> RenderDay() => Render(_dayAnalysis);

    [Benchmark(Description = "Render report component to HTML, 5 min")]
    public Task<string> RenderSample() => Render(_sampleAnalysis);

    [Benchmark(Description = "Analyse + render report, 24 h (upload finished → report)")]
    public async Task<int> DayEndToEnd()
    {
        var analysis = Analyse("day.txt", _day);
        return (await Render(analysis)).Length;
    }

    private static RecordingAnalysis Analyse(string name, byte[] content)
    {
        var options = HrvAnalysisOptions.Default;
        var recording = Analyser.Read(name, content, null, options, null, CancellationToken.None);
        return Analyser.Analyse(recording, null, options, null, CancellationToken.None);
    }

    private Task<string> Render(RecordingAnalysis analysis) =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync<HrvReportView>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Analysis"] = analysis }));
            return output.ToHtmlString();
        });

    private static byte[] LoadDay()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "..", "shared", "reference", "hrv", "data", "nsr2db_nsr001_24h.rr_ms.txt");
            if (File.Exists(Path.Combine(dir.FullName, "RelationalNeuro.sln")) && File.Exists(file))
            {
                Console.WriteLine("// 24-h recording: nsr2db nsr001 from " + Path.GetFullPath(file));
                return File.ReadAllBytes(file);
            }
        }

        Console.WriteLine("// ../shared is absent: a seeded synthetic day of 106,459 beats instead");
        var random = new Random(19);
        var lines = Enumerable.Range(0, 106_459).Select(i => (800 + (120 * Math.Sin(i / 900.0)) + (random.NextDouble() * 60)).ToString("0.###", CultureInfo.InvariantCulture));
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
