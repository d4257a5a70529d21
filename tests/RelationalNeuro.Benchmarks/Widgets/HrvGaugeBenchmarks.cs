using BenchmarkDotNet.Attributes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Components;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Benchmarks.Widgets;

/// <summary>
/// The HRV gauge's cost per beat and its first render, through bUnit's renderer (the same Blazor renderer and diff
/// a circuit runs; bUnit adds its own bookkeeping, and its markup is built lazily and never read here, so browser
/// DOM work and SignalR traffic are not included). Beats: 5,000 seeded intervals, cycled.
/// </summary>
[MemoryDiagnoser]
public class HrvGaugeBenchmarks
{
    private static readonly GaugeBand[] UsualRange =
    [
        new(0, 20, "below your usual range", GaugeBandTone.Low),
        new(20, 60, "within your usual range", GaugeBandTone.Within),
        new(60, 150, "above your usual range", GaugeBandTone.High),
    ];

    private double[] _rr = [];
    private int _next;
    private RollingHrv _analyzer = null!;
    private BunitContext _context = null!;
    private IRenderedComponent<HrvGauge> _gauge = null!;
    private BunitContext _firstRenderContext = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _rr = new double[5_000];
        for (var i = 0; i < _rr.Length; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            _rr[i] = 850 + (40 * Math.Sin(2 * Math.PI * i / 4.5)) + (20 * normal);
        }

        _analyzer = new RollingHrv();
        _context = new BunitContext();
        _gauge = _context.Render<HrvGauge>(p => p.Add(g => g.Value, 40.0).Add(g => g.Bands, UsualRange));
        _firstRenderContext = new BunitContext();
        _firstRenderContext.Services.AddSingleton(TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        _firstRenderContext.Dispose();
    }

    private double NextRr()
    {
        var rr = _rr[_next];
        _next = _next + 1 == _rr.Length ? 0 : _next + 1;
        return rr;
    }

    [Benchmark(Baseline = true, Description = "beat into RollingHrv only (no render)")]
    public double? AnalyzerOnly() => _analyzer.Add(NextRr()).Snapshot.RmssdMs;

    [Benchmark(Description = "beat into RollingHrv + gauge re-render")]
    public void BeatAndRender()
    {
        var rmssd = _analyzer.Add(NextRr()).Snapshot.RmssdMs;
        _gauge.Render(p => p.Add(g => g.Value, rmssd));
    }

    [Benchmark(Description = "HrvGauge first render (with 3 bands) + dispose")]
    public void GaugeFirstRender()
    {
        _firstRenderContext.Render<HrvGauge>(p => p.Add(g => g.Value, 42.0).Add(g => g.Bands, UsualRange));
        _firstRenderContext.DisposeComponentsAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "LiveHrvGauge first render (idle) + dispose")]
    public void LiveGaugeFirstRender()
    {
        _firstRenderContext.Render<LiveHrvGauge>(p => p.Add(g => g.Bands, UsualRange));
        _firstRenderContext.DisposeComponentsAsync().GetAwaiter().GetResult();
    }
}
