using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RelationalNeuro.Components;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Charts;

/// <summary>
/// Server-side render of the 24-h charts (issue 18, item 10): a new component rendered to an HTML string with
/// <see cref="HtmlRenderer"/> — what static SSR and prerendering do — from a 24-h recording: PhysioNet nsr2db nsr001
/// (106,459 intervals) read from ../shared/reference/hrv/data, or, where that folder is absent, a seeded synthetic day
/// of the same length (printed). Artifacts are corrected once in setup (the app's job, not the chart's), and so is the
/// Welch spectrum of the corrected day (the default pipeline; its 513 bins are what the chart gets). Each operation
/// includes everything the chart does per render: beat times, M4, markers, axes, table, description.
/// The 5-minute tachogram is the baseline. The markup sizes are printed in setup (they are deterministic; a unit test
/// asserts the ≤ 200 KB bound).
/// </summary>
[MemoryDiagnoser]
public class ChartRenderBenchmarks
{
    private HtmlRenderer _renderer = null!;
    private ServiceProvider _services = null!;
    private RrSeries _day = null!;
    private ArtifactResult _dayArtifacts = null!;
    private RrSeries _rest = null!;
    private ArtifactResult _restArtifacts = null!;
    private PowerSpectrum _daySpectrum = null!;
    private FrequencyDomainResult _dayBands;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        _day = LoadDay();
        _dayArtifacts = Artifacts.Process(_day);
        _rest = RrSeries.FromIntervalsMs(_day.IntervalsMs[..400]);
        _restArtifacts = Artifacts.Process(_rest);
        _daySpectrum = HrvMetrics.PowerSpectralDensity(_dayArtifacts.NnIntervalsMs);
        _dayBands = HrvMetrics.FrequencyDomain(_dayArtifacts.NnIntervalsMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// markup: tachogram 24 h {Tachogram24h().Result.Length} chars, Poincaré 24 h {Poincare24h().Result.Length} chars, spectrum 24 h {Spectrum24h().Result.Length} chars, tachogram 5 min {Tachogram5min().Result.Length} chars"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _renderer.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Tachogram, 400 beats")]
    public Task<string> Tachogram5min() => RenderAsync<Tachogram>(new Dictionary<string, object?> { ["Series"] = _rest, ["Artifacts"] = _restArtifacts });

    [Benchmark(Description = "Tachogram, 24 h (106,459 beats)")]
    public Task<string> Tachogram24h() => RenderAsync<Tachogram>(new Dictionary<string, object?> { ["Series"] = _day, ["Artifacts"] = _dayArtifacts });

    [Benchmark(Description = "Poincaré density, 24 h")]
    public Task<string> Poincare24h() => RenderAsync<PoincarePlot>(new Dictionary<string, object?> { ["Series"] = _day, ["Artifacts"] = _dayArtifacts });

    [Benchmark(Description = "Power spectrum, 24 h (Welch)")]
    public Task<string> Spectrum24h() => RenderAsync<PowerSpectrumChart>(new Dictionary<string, object?> { ["Spectrum"] = _daySpectrum, ["Result"] = _dayBands });

    private Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });

    /// <summary>The 24-h reference recording nsr2db nsr001 from ../shared, or a seeded synthetic day of as many beats when it is absent.</summary>
    internal static RrSeries LoadDay()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "..", "shared", "reference", "hrv", "data", "nsr2db_nsr001_24h.rr_ms.txt");
            if (File.Exists(Path.Combine(dir.FullName, "RelationalNeuro.sln")) && File.Exists(file))
            {
                Console.WriteLine("// 24-h recording: nsr2db nsr001 from " + Path.GetFullPath(file));
                return RrSeries.FromIntervalsMs([.. File.ReadLines(file).Select(l => double.Parse(l, CultureInfo.InvariantCulture))]);
            }
        }

        Console.WriteLine("// ../shared is absent: a seeded synthetic day of 106,459 beats instead");
        var random = new Random(18);
        var rr = new double[106_459];
        for (var i = 0; i < rr.Length; i++)
        {
            rr[i] = 760 + (150 * Math.Sin(i / 8000.0)) + (30 * Math.Sin(i / 4.0)) + random.Next(-20, 20);
        }

        return RrSeries.FromIntervalsMs(rr);
    }
}
