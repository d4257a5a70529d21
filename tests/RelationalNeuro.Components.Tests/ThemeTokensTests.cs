using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Components;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests;

public partial class ThemeTokensTests
{
    private static string Stylesheet() => File.ReadAllText(Path.Combine(
        SharedData.RepositoryRoot, "src", "RelationalNeuro.Components", "wwwroot", "relationalneuro.css"));

    [Fact]
    public void EveryColourToken_HasADarkValue_UnderTheAutoAndDarkOptIns()
    {
        var css = Stylesheet();
        var root = Block(css, ":root {");
        var media = Block(css, "[data-theme=auto] {");
        var forced = Block(css, "\n[data-theme=dark] {");
        var colourTokens = Token().Matches(root).Select(m => m.Groups[1].Value)
            .Where(t => root.Contains(t + ": #", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(colourTokens);
        foreach (var token in colourTokens)
        {
            Assert.Contains(token + ":", media, StringComparison.Ordinal);
            Assert.Contains(token + ":", forced, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReducedMotion_ZeroesTheDuration_ForTheOsPreferenceAndTheDataAttribute()
    {
        var css = Stylesheet();
        Assert.Contains("@media (prefers-reduced-motion: reduce)", css, StringComparison.Ordinal);
        Assert.Contains("--rn-duration: 0ms", Block(css, ":root[data-motion=reduce] {"), StringComparison.Ordinal);
    }

    [Fact]
    public void AddRelationalNeuroComponents_RegistersTheSystemClock_UnlessOneIsRegistered()
    {
        var services = new ServiceCollection().AddRelationalNeuroComponents();
        Assert.Same(TimeProvider.System, services.BuildServiceProvider().GetRequiredService<TimeProvider>());

        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var custom = new ServiceCollection().AddSingleton<TimeProvider>(fake).AddRelationalNeuroComponents();
        Assert.Same(fake, custom.BuildServiceProvider().GetRequiredService<TimeProvider>());
    }

    private static string Block(string css, string selector)
    {
        var start = css.IndexOf(selector, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{selector}' not found");
        var end = css.IndexOf('}', start);
        return css[start..end];
    }

    [GeneratedRegex(@"(--rn-[a-z0-9-]+):")]
    private static partial Regex Token();
}
