using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Emotions;

/// <summary>
/// A person's naming of one feeling: the taxonomy path, how strong it is (0–10), where in the body it is felt
/// and how, and a free note ("because…").
/// </summary>
/// <remarks>
/// Intensity is an integer 0–10 (0 = not felt, 10 = strongest imaginable), the 11-point rating used for
/// before/after intensity in affect-labeling check-ins (Lieberman et al. 2007, <i>Psychol Sci</i> 18:421–428,
/// labeling itself; the rating scale is the project's convention). Validate with
/// <see cref="FeelingTaxonomy.Validate(EmotionLabel, string)"/> (path and range) or <see cref="Validate(string)"/> (range only).
/// </remarks>
public sealed record EmotionLabel
{
    /// <summary>The smallest valid intensity.</summary>
    public const int MinIntensity = 0;

    /// <summary>The largest valid intensity.</summary>
    public const int MaxIntensity = 10;

    /// <summary>Path of the feeling in its taxonomy, e.g. <c>sad/hurt/rejected</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Strength, 0–10 (integer rating).</summary>
    public int Intensity { get; init; }

    /// <summary>Where in the body it is felt (free text, e.g. "chest"), or null.</summary>
    public string? BodyLocation { get; init; }

    /// <summary>The bodily sensation (free text, e.g. "tight"), or null.</summary>
    public string? Sensation { get; init; }

    /// <summary>A free note, or null.</summary>
    public string? Note { get; init; }

    /// <summary>Checks what can be checked without a taxonomy: a non-empty path and an intensity in 0–10.</summary>
    /// <param name="location">Where the label is, prefixed to each problem's location (a JSON path).</param>
    /// <returns>The problems found; empty when valid.</returns>
    public IReadOnlyList<Problem> Validate(string location = "$")
    {
        if (IsValid)
        {
            return ProblemList.Empty;
        }

        var problems = new ProblemCollector();
        Validate(problems.At(location));
        return problems.ToList();
    }

    /// <summary>Whether <see cref="Validate(string)"/> finds nothing.</summary>
    internal bool IsValid => !string.IsNullOrWhiteSpace(Path) && Intensity is >= MinIntensity and <= MaxIntensity;

    /// <summary>Adds the problems of <see cref="Validate(string)"/> to <paramref name="problems"/>, located relative to its prefix.</summary>
    internal void Validate(ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            problems.Error("emotion.missing-path", "The label has no feeling path.", ".path");
        }

        if (Intensity is < MinIntensity or > MaxIntensity)
        {
            problems.Error(
                "emotion.intensity-out-of-range",
                string.Create(CultureInfo.InvariantCulture, $"Intensity must be an integer in [{MinIntensity}, {MaxIntensity}]; was {Intensity}."),
                ".intensity");
        }
    }
}
