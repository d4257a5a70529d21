using System.Globalization;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Components;

/// <summary>One drawn segment of a <see cref="FeelingsWheel"/>: an annular sector with its label.</summary>
/// <param name="Node">The feeling.</param>
/// <param name="Ring">1 for the innermost visible ring.</param>
/// <param name="Palette">Index of the core among the visible cores, for the fallback colour.</param>
/// <param name="PathData">The SVG path of the sector.</param>
/// <param name="Name">The accessible name: labels from the core, e.g. "Sad › Lonely › Isolated".</param>
/// <param name="Text">The drawn label (maybe truncated with "…"), or null when the sector is too thin.</param>
/// <param name="TextX">Label anchor x.</param>
/// <param name="TextY">Label anchor y.</param>
/// <param name="TextRotation">Label rotation about its anchor, degrees clockwise.</param>
internal sealed record WheelSegment(
    FeelingNode Node,
    int Ring,
    int Palette,
    string PathData,
    string Name,
    string? Text,
    double TextX,
    double TextY,
    double TextRotation);

/// <summary>
/// The sunburst geometry, in a fixed 500 × 500 viewBox centred on (250, 250). Angles run clockwise from 12
/// o'clock; a point at radius r and angle θ is (250 + r·sin θ, 250 − r·cos θ). Rings share the radius
/// between <see cref="InnerRadius"/> and <see cref="OuterRadius"/> equally. Each feeling's angle is proportional
/// to the number of leaves under it (a feeling without children counts one), so every leaf gets the same
/// angle. Coordinates are rounded to 0.01 and written with the invariant culture.
/// </summary>
internal static class WheelLayout
{
    public const double Size = 500;
    public const double Center = 250;
    public const double InnerRadius = 25;
    public const double OuterRadius = 245;

    /// <summary>Font size of labels (viewBox units); the scoped CSS uses the same.</summary>
    public const double FontSize = 10;

    /// <summary>Estimated mean advance of one character, in em (system sans-serif, mixed case, semi-bold).</summary>
    public const double CharWidthEm = 0.54;

    /// <summary>Clear space at each end of a radial label.</summary>
    public const double TextPadding = 3;

    /// <summary>Number of fallback hues (<c>--rn-wheel-yellow</c> … <c>--rn-wheel-grey</c>) cycled over the cores.</summary>
    public const int PaletteSize = 10;

    /// <summary>Lays out <paramref name="roots"/> (all cores, or the one zoomed into) ring by ring, each ring in clockwise order.</summary>
    /// <param name="roots">The feelings of the innermost ring.</param>
    /// <param name="cores">All the taxonomy's cores: a core's index among them picks its fallback hue, so zooming keeps colours.</param>
    /// <param name="culture">The label culture.</param>
    public static IReadOnlyList<IReadOnlyList<WheelSegment>> Compute(IReadOnlyList<FeelingNode> roots, IReadOnlyList<FeelingNode> cores, CultureInfo? culture)
    {
        var depth = 0;
        var totalLeaves = 0;
        foreach (var root in roots)
        {
            depth = Math.Max(depth, Height(root));
            totalLeaves += Leaves(root);
        }

        var ringWidth = (OuterRadius - InnerRadius) / depth;
        var rings = new List<List<WheelSegment>>(depth);
        for (var i = 0; i < depth; i++)
        {
            rings.Add([]);
        }

        var start = 0.0;
        for (var i = 0; i < roots.Count; i++)
        {
            var span = 360.0 * Leaves(roots[i]) / totalLeaves;
            var palette = 0;
            for (var c = 0; c < cores.Count; c++)
            {
                if (ReferenceEquals(cores[c], roots[i].Core))
                {
                    palette = c % PaletteSize;
                }
            }

            Place(roots[i], start, start + span, 1, palette, ringWidth, culture, rings);
            start += span;
        }

        return rings;
    }

    private static void Place(FeelingNode node, double a0, double a1, int ring, int palette, double ringWidth, CultureInfo? culture, List<List<WheelSegment>> rings)
    {
        var rIn = InnerRadius + ((ring - 1) * ringWidth);
        var rOut = rIn + ringWidth;
        var span = a1 - a0;
        var full = span >= 360 - 1e-9;
        var rMid = (rIn + rOut) / 2;
        var mid = (a0 + a1) / 2;
        double x, y, rotation;
        if (full)
        {
            (x, y, rotation) = (Center, Center - rMid, 0);
        }
        else
        {
            (x, y) = Point(rMid, mid);
            rotation = mid <= 180 ? mid - 90 : mid - 270;
        }

        var label = node.GetLabel(culture);
        var text = Fit(label, ringWidth, full ? double.PositiveInfinity : span * Math.PI / 180 * rMid);
        rings[ring - 1].Add(new WheelSegment(node, ring, palette, Sector(rIn, rOut, a0, a1), node.GetLabelPath(culture), text, R(x), R(y), R(rotation)));

        var leaves = Leaves(node);
        var childStart = a0;
        foreach (var child in node.Children)
        {
            var childSpan = span * Leaves(child) / leaves;
            Place(child, childStart, childStart + childSpan, ring + 1, palette, ringWidth, culture, rings);
            childStart += childSpan;
        }
    }

    /// <summary>The label as drawn: whole when it fits the ring's width, else cut with "…"; null when the sector is too thin.</summary>
    internal static string? Fit(string label, double ringWidth, double arcLength)
    {
        if (arcLength < FontSize + 1)
        {
            return null;
        }

        var maxChars = (int)Math.Floor((ringWidth - (2 * TextPadding)) / (FontSize * CharWidthEm));
        if (label.Length <= maxChars)
        {
            return label;
        }

        return maxChars < 3 ? null : string.Concat(label.AsSpan(0, maxChars - 1).TrimEnd(), "\u2026");
    }

    /// <summary>The annular sector between radii <paramref name="rIn"/> and <paramref name="rOut"/> from angle <paramref name="a0"/> to <paramref name="a1"/> (degrees).</summary>
    internal static string Sector(double rIn, double rOut, double a0, double a1)
    {
        if (a1 - a0 >= 360 - 1e-9)
        {
            // A whole ring: two half arcs out, two back in (opposite winding leaves the hole empty).
            return string.Create(
                CultureInfo.InvariantCulture,
                $"M {N(Center)} {N(Center - rOut)} A {N(rOut)} {N(rOut)} 0 1 1 {N(Center)} {N(Center + rOut)} A {N(rOut)} {N(rOut)} 0 1 1 {N(Center)} {N(Center - rOut)} Z M {N(Center)} {N(Center - rIn)} A {N(rIn)} {N(rIn)} 0 1 0 {N(Center)} {N(Center + rIn)} A {N(rIn)} {N(rIn)} 0 1 0 {N(Center)} {N(Center - rIn)} Z");
        }

        var large = a1 - a0 > 180 ? 1 : 0;
        var (ox0, oy0) = Point(rOut, a0);
        var (ox1, oy1) = Point(rOut, a1);
        var (ix1, iy1) = Point(rIn, a1);
        var (ix0, iy0) = Point(rIn, a0);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"M {N(ox0)} {N(oy0)} A {N(rOut)} {N(rOut)} 0 {large} 1 {N(ox1)} {N(oy1)} L {N(ix1)} {N(iy1)} A {N(rIn)} {N(rIn)} 0 {large} 0 {N(ix0)} {N(iy0)} Z");
    }

    /// <summary>A number as written into markup: <see cref="ChartNumber.Svg"/> (0.01, halves away from zero, invariant, no "-0").</summary>
    internal static string N(double value) => ChartNumber.Svg(value);

    private static double R(double value) => Math.Round(value, 2) + 0.0;

    private static (double X, double Y) Point(double r, double degrees)
    {
        var a = degrees * Math.PI / 180;
        return (Center + (r * Math.Sin(a)), Center - (r * Math.Cos(a)));
    }

    private static int Leaves(FeelingNode node)
    {
        if (node.Children.Count == 0)
        {
            return 1;
        }

        var sum = 0;
        foreach (var child in node.Children)
        {
            sum += Leaves(child);
        }

        return sum;
    }

    private static int Height(FeelingNode node)
    {
        var h = 0;
        foreach (var child in node.Children)
        {
            h = Math.Max(h, Height(child));
        }

        return h + 1;
    }
}
