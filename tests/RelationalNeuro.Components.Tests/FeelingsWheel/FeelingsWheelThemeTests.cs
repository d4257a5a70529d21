using System.Globalization;
using System.Text.RegularExpressions;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests.FeelingsWheel;

/// <summary>
/// The wheel's hues are fills behind <c>--rn-text</c> labels, so each must reach the WCAG 2.1 contrast minimum for
/// normal text (1.4.3: 4.5:1) in the light theme and in the dark theme. Contrast is computed with the WCAG 2.1
/// definitions of relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
/// Outer rings mix the hue towards <c>--rn-surface</c>, which moves luminance away from the text's in both themes,
/// so the core ring (the pure hue) is the worst case.
/// </summary>
public sealed partial class FeelingsWheelThemeTests
{
    private static readonly string[] Hues = ["yellow", "orange", "red", "rose", "purple", "blue", "teal", "green", "lime", "grey"];

    private static string Stylesheet() => File.ReadAllText(Path.Combine(
        SharedData.RepositoryRoot, "src", "RelationalNeuro.Components", "wwwroot", "relationalneuro.css"));

    [Theory]
    [InlineData(0)] // light: the first value of light-dark()
    [InlineData(1)] // dark: the second
    public void EveryHue_ReachesFourAndAHalfToOne_WithTheLabelText(int scheme)
    {
        var css = Stylesheet();
        var start = css.IndexOf(":root {", StringComparison.Ordinal);
        var block = css[start..css.IndexOf('}', start)];
        var text = Colour(block, "--rn-text", scheme);
        foreach (var hue in Hues)
        {
            var ratio = Contrast(Colour(block, "--rn-wheel-" + hue, scheme), text);
            Assert.True(ratio >= 4.5, string.Create(CultureInfo.InvariantCulture, $"--rn-wheel-{hue} in scheme {scheme}: {ratio:0.00}:1"));
        }
    }

    [Fact]
    public void Contrast_MatchesTheWcagExtremes()
    {
        Assert.Equal(21, Contrast("#000000", "#ffffff"), 6);
        Assert.Equal(1, Contrast("#777777", "#777777"), 6);
        // #767676 on white is the familiar 4.54:1 grey.
        Assert.Equal(4.54, Contrast("#767676", "#ffffff"), 2);
    }

    private static string Colour(string block, string token, int scheme)
    {
        var m = Regex.Match(block, Regex.Escape(token) + @":\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)");
        Assert.True(m.Success, $"{token} not found as light-dark(#rrggbb, #rrggbb)");
        return m.Groups[1 + scheme].Value;
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }
}
