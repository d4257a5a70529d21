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
    public void EveryColourToken_HasItsLightAndDarkValueOnce_AndTheOptInsSwitchTheColorScheme()
    {
        var css = Stylesheet();
        var root = Block(css, ":root {");
        var colourTokens = Token().Matches(root).Select(m => m.Groups[1].Value)
            .Where(t => Regex.IsMatch(root, Regex.Escape(t) + @": (light-dark\(|#|rgba?\()")).ToList();
        Assert.True(colourTokens.Count >= 30, $"{colourTokens.Count} colour tokens");
        // Outside the high-contrast override (which points two tokens at others), each token is declared once.
        var contrast = css.IndexOf("@media (prefers-contrast: more)", StringComparison.Ordinal);
        var declarations = css[..contrast] + css[css.IndexOf("@media (forced-colors", contrast, StringComparison.Ordinal)..];
        foreach (var token in colourTokens)
        {
            // light-dark(light, dark): the value follows the used color-scheme, so no rule repeats the palette.
            Assert.Matches(Regex.Escape(token) + @": light-dark\((#[0-9a-f]{6}|rgba\([^)]*\)), (#[0-9a-f]{6}|rgba\([^)]*\))\);", root);
            Assert.Single(Regex.Matches(declarations, Regex.Escape(token) + ":"));
        }

        // The opt-ins: data-theme="dark" always, "auto" under the OS preference; a root without data-theme is light.
        Assert.Contains("color-scheme: dark", Block(css, "\n[data-theme=dark] {"), StringComparison.Ordinal);
        Assert.Contains("@media (prefers-color-scheme: dark) {\n    [data-theme=auto] {\n        color-scheme: dark;", css, StringComparison.Ordinal);
        Assert.Contains("color-scheme: light", Block(css, ":where(:root:not([data-theme])) {"), StringComparison.Ordinal);
        Assert.Contains("color-scheme: light", Block(css, "[data-theme=light] {"), StringComparison.Ordinal);
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
