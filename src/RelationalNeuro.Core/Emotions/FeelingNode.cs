using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Emotions;

/// <summary>
/// One feeling in a <see cref="FeelingTaxonomy"/>: identified by its <see cref="Path"/> (labels repeat under
/// different parents, paths never do), with labels per culture, optional circumplex placement and colour token.
/// </summary>
public sealed class FeelingNode
{
    private readonly string _defaultCulture;

    internal FeelingNode(
        string id,
        FeelingNode? parent,
        IReadOnlyDictionary<string, string> labels,
        double? valence,
        double? arousal,
        string? colorToken,
        string defaultCulture)
    {
        Id = id;
        Parent = parent;
        Path = parent is null ? id : parent.Path + FeelingTaxonomy.PathSeparator + id;
        Depth = parent is null ? 1 : parent.Depth + 1;
        Labels = labels;
        Valence = valence;
        Arousal = arousal;
        ColorToken = colorToken;
        _defaultCulture = defaultCulture;
    }

    /// <summary>The path segment of this feeling, unique among its siblings (e.g. <c>overwhelmed</c>).</summary>
    public string Id { get; }

    /// <summary>The stable id: segments from the core joined by <c>/</c> (e.g. <c>afraid/overwhelmed/flooded</c>).</summary>
    public string Path { get; }

    /// <summary>1 for a core feeling, 2 for its children, and so on.</summary>
    public int Depth { get; }

    /// <summary>The feeling this one refines; null for a core feeling.</summary>
    public FeelingNode? Parent { get; }

    /// <summary>Display labels per culture name.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Pleasantness in [-1, 1], or null where the taxonomy gives none for this node.</summary>
    public double? Valence { get; }

    /// <summary>Activation in [-1, 1], or null where the taxonomy gives none for this node.</summary>
    public double? Arousal { get; }

    /// <summary>Colour token for widgets, or null (widgets then use the nearest ancestor's, see <see cref="EffectiveColorToken"/>).</summary>
    public string? ColorToken { get; }

    /// <summary>The more specific feelings under this one, in the file's order.</summary>
    public IReadOnlyList<FeelingNode> Children { get; internal set; } = [];

    /// <summary>This node's colour token, or the nearest ancestor's; null when none in the chain has one.</summary>
    public string? EffectiveColorToken => ColorToken ?? Parent?.EffectiveColorToken;

    /// <summary>The core feeling this one belongs to (itself for a core).</summary>
    public FeelingNode Core => Parent is null ? this : Parent.Core;

    /// <summary>
    /// The label for <paramref name="culture"/>: its exact name, then each parent culture (<c>de-AT</c> →
    /// <c>de</c>), then the taxonomy's default culture, which every node is guaranteed to have.
    /// </summary>
    /// <param name="culture">The culture wanted; null means the taxonomy's default culture.</param>
    /// <returns>The label text.</returns>
    public string GetLabel(CultureInfo? culture = null)
    {
        for (var c = culture; c is not null && !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Labels.TryGetValue(c.Name, out var label))
            {
                return label;
            }
        }

        return Labels[_defaultCulture];
    }

    /// <summary>The separator <see cref="GetLabelPath"/> uses by default: " › " (U+203A with a space either side).</summary>
    public const string LabelPathSeparator = " \u203A ";

    /// <summary>
    /// The labels from the core down to this feeling, joined by <paramref name="separator"/>: the name a person
    /// reads or hears for this node, e.g. "Sad › Lonely › Isolated". Unlike <see cref="Path"/> it is localized and
    /// may repeat (two nodes can carry the same labels); use <see cref="Path"/> to identify the node.
    /// </summary>
    /// <param name="culture">The culture wanted, with the fallback of <see cref="GetLabel"/>; null means the default culture.</param>
    /// <param name="separator">Text between labels; default <see cref="LabelPathSeparator"/>.</param>
    /// <returns>The joined labels; a core's is its own label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="separator"/> is null.</exception>
    public string GetLabelPath(CultureInfo? culture = null, string separator = LabelPathSeparator)
    {
        Guard.NotNull(separator);
        if (Parent is null)
        {
            return GetLabel(culture);
        }

        var labels = new string[Depth];
        for (var (node, i) = (this, Depth - 1); node is not null; node = node.Parent, i--)
        {
            labels[i] = node.GetLabel(culture);
        }

        return string.Join(separator, labels);
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}
