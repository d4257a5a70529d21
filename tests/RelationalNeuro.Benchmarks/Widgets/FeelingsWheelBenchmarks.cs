using BenchmarkDotNet.Attributes;
using Bunit;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Benchmarks.Widgets;

/// <summary>
/// First render of the feelings wheel through bUnit's renderer: parameters set, layout computed, render tree built
/// and diffed (no browser, no HTML serialization). One context is reused; each operation renders a new wheel and
/// disposes it. The baseline is a 2-core, 6-feeling wheel, so the ratio shows what the taxonomy's size costs.
/// <see cref="FeelingWheels.RelationalNeuro"/> (106 feelings, 3 rings) is the largest built-in taxonomy.
/// </summary>
[MemoryDiagnoser]
public class FeelingsWheelBenchmarks
{
    private static readonly FeelingTaxonomy Mini = FeelingTaxonomy.Load("""
        {
          "id": "mini", "version": "1", "defaultCulture": "en",
          "feelings": [
            { "id": "sad", "label": { "en": "Sad" }, "children": [
                { "id": "lonely", "label": { "en": "Lonely" } }, { "id": "hurt", "label": { "en": "Hurt" } } ] },
            { "id": "glad", "label": { "en": "Glad" }, "children": [
                { "id": "calm", "label": { "en": "Calm" } }, { "id": "proud", "label": { "en": "Proud" } } ] }
          ]
        }
        """).Taxonomy!;

    private BunitContext _interactive = null!;
    private BunitContext _static = null!;

    [GlobalSetup]
    public void Setup()
    {
        _interactive = new BunitContext();
        _interactive.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _interactive.JSInterop.Mode = JSRuntimeMode.Loose;   // the module import and focus calls return at once
        _static = new BunitContext();
        _static.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        _ = FeelingWheels.RelationalNeuro.Count;              // load the embedded wheel outside the measurement
        _ = FeelingWheels.Plutchik.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _interactive.Dispose();
        _static.Dispose();
    }

    [Benchmark(Baseline = true, Description = "interactive, 6-feeling mini wheel")]
    public Task Mini6() => RenderAsync(_interactive, Mini, "sad/lonely");

    [Benchmark(Description = "interactive, Plutchik (24 feelings)")]
    public Task Plutchik24() => RenderAsync(_interactive, FeelingWheels.Plutchik, "joy/serenity");

    [Benchmark(Description = "interactive, RelationalNeuro (106 feelings)")]
    public Task RelationalNeuro106() => RenderAsync(_interactive, FeelingWheels.RelationalNeuro, "sad/lonely/isolated");

    [Benchmark(Description = "static SSR form, RelationalNeuro (106 feelings)")]
    public Task RelationalNeuro106Static() => RenderAsync(_static, FeelingWheels.RelationalNeuro, "sad/lonely/isolated");

    private static async Task RenderAsync(BunitContext context, FeelingTaxonomy taxonomy, string value)
    {
        context.Render<FeelingsWheel>(p => p.Add(w => w.Taxonomy, taxonomy).Add(w => w.Value, value));
        await context.DisposeComponentsAsync();
    }
}
