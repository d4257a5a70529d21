using RelationalNeuro.Internal;

namespace RelationalNeuro.Emotions;

/// <summary>
/// Plutchik's psychoevolutionary model: eight primaries in four opposing pairs, three intensities each, and
/// dyads (blends of two primaries). The model is a theory, implemented here from its published description.
/// </summary>
/// <remarks>
/// Sources: Plutchik, R. (1980). <i>Emotion: A Psychoevolutionary Synthesis</i>. Harper &amp; Row; Plutchik, R.
/// (2001). The nature of emotions. <i>American Scientist</i> 89(4):344–350. Wheel order, intensity names,
/// opposites, the eight primary dyads and four of the others (envy, shame, hope, anxiety) are cross-checked in
/// the project's research notes (<c>feelings-wheel-interventions.md</c> §A.3); the remaining secondary and
/// tertiary dyad names follow Plutchik (2001) as commonly tabulated and were not cross-checked there.
/// </remarks>
public static class Plutchik
{
    private static readonly string[] Mild = ["serenity", "acceptance", "apprehension", "distraction", "pensiveness", "boredom", "annoyance", "interest"];
    private static readonly string[] Basic = ["joy", "trust", "fear", "surprise", "sadness", "disgust", "anger", "anticipation"];
    private static readonly string[] Intense = ["ecstasy", "admiration", "terror", "amazement", "grief", "loathing", "rage", "vigilance"];

    /// <summary>The eight primaries in wheel order: joy, trust, fear, surprise, sadness, disgust, anger, anticipation.</summary>
    public static IReadOnlyList<PlutchikPrimary> Primaries { get; } =
        [PlutchikPrimary.Joy, PlutchikPrimary.Trust, PlutchikPrimary.Fear, PlutchikPrimary.Surprise,
         PlutchikPrimary.Sadness, PlutchikPrimary.Disgust, PlutchikPrimary.Anger, PlutchikPrimary.Anticipation];

    /// <summary>All 24 dyads: 8 primary, 8 secondary, 8 tertiary, each with the earlier primary (wheel order) first.</summary>
    public static IReadOnlyList<PlutchikDyad> Dyads { get; } =
    [
        new(PlutchikPrimary.Joy, PlutchikPrimary.Trust, "love", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Trust, PlutchikPrimary.Fear, "submission", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Fear, PlutchikPrimary.Surprise, "awe", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Surprise, PlutchikPrimary.Sadness, "disapproval", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Sadness, PlutchikPrimary.Disgust, "remorse", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Disgust, PlutchikPrimary.Anger, "contempt", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Anger, PlutchikPrimary.Anticipation, "aggressiveness", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Joy, PlutchikPrimary.Anticipation, "optimism", PlutchikDyadKind.Primary),
        new(PlutchikPrimary.Joy, PlutchikPrimary.Fear, "guilt", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Trust, PlutchikPrimary.Surprise, "curiosity", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Fear, PlutchikPrimary.Sadness, "despair", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Surprise, PlutchikPrimary.Disgust, "unbelief", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Sadness, PlutchikPrimary.Anger, "envy", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Disgust, PlutchikPrimary.Anticipation, "cynicism", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Joy, PlutchikPrimary.Anger, "pride", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Trust, PlutchikPrimary.Anticipation, "hope", PlutchikDyadKind.Secondary),
        new(PlutchikPrimary.Joy, PlutchikPrimary.Surprise, "delight", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Trust, PlutchikPrimary.Sadness, "sentimentality", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Fear, PlutchikPrimary.Disgust, "shame", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Surprise, PlutchikPrimary.Anger, "outrage", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Sadness, PlutchikPrimary.Anticipation, "pessimism", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Joy, PlutchikPrimary.Disgust, "morbidness", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Trust, PlutchikPrimary.Anger, "dominance", PlutchikDyadKind.Tertiary),
        new(PlutchikPrimary.Fear, PlutchikPrimary.Anticipation, "anxiety", PlutchikDyadKind.Tertiary),
    ];

    /// <summary>The English name (lower case) of a primary at an intensity, e.g. (Joy, Mild) → "serenity".</summary>
    /// <param name="primary">The primary emotion.</param>
    /// <param name="intensity">The ring.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined enum value.</exception>
    public static string Name(PlutchikPrimary primary, PlutchikIntensity intensity)
    {
        var i = Index(primary);
        return intensity switch
        {
            PlutchikIntensity.Mild => Mild[i],
            PlutchikIntensity.Basic => Basic[i],
            PlutchikIntensity.Intense => Intense[i],
            _ => throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "must be Mild, Basic or Intense"),
        };
    }

    /// <summary>The opposite primary (four petals away): joy ↔ sadness, trust ↔ disgust, fear ↔ anger, surprise ↔ anticipation.</summary>
    /// <param name="primary">The primary emotion.</param>
    /// <returns>Its opposite.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="primary"/> is not a defined value.</exception>
    public static PlutchikPrimary Opposite(PlutchikPrimary primary) => (PlutchikPrimary)((Index(primary) + 4) % 8);

    /// <summary>The dyad blending two primaries, in either order; null for a primary with itself or its opposite (no dyad).</summary>
    /// <param name="a">One primary.</param>
    /// <param name="b">The other primary.</param>
    /// <returns>The dyad, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public static PlutchikDyad? Dyad(PlutchikPrimary a, PlutchikPrimary b)
    {
        _ = Index(a);
        _ = Index(b);
        foreach (var d in Dyads)
        {
            if ((d.First == a && d.Second == b) || (d.First == b && d.Second == a))
            {
                return d;
            }
        }

        return null;
    }

    private static int Index(PlutchikPrimary primary, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(primary))] string? name = null) =>
        Guard.InRange((int)primary, 0, 7, name);
}
