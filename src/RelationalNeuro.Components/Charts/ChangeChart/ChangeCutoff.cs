using RelationalNeuro.Change;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components;

/// <summary>A horizontal clinical cut-off line on a <see cref="ChangeChart"/>: a score with its name.</summary>
/// <param name="Label">Words for the line, shown beside it and read out ("cut-off c", "moderate").</param>
/// <param name="Score">Where the line is, in the score's units.</param>
public sealed record ChangeCutoff(string Label, double Score)
{
    /// <summary>
    /// The Jacobson &amp; Truax (1991) cut-offs a, b and c (b and c only when functional norms gave them), labelled
    /// "a", "b" and "c".
    /// </summary>
    /// <param name="cutoffs">The cut-offs from <see cref="ClinicalSignificance"/>.</param>
    /// <returns>One line per available cut-off, a first.</returns>
    public static IReadOnlyList<ChangeCutoff> FromJacobsonTruax(ClinicalCutoffs cutoffs)
    {
        var lines = new List<ChangeCutoff> { new("a", cutoffs.A) };
        if (cutoffs.B is { } b)
        {
            lines.Add(new("b", b));
        }

        if (cutoffs.C is { } c)
        {
            lines.Add(new("c", c));
        }

        return lines;
    }

    /// <summary>
    /// The boundaries between an instrument's interpretation bands: one line at the lower end (<see cref="InterpretationBand.Min"/>)
    /// of every band but the lowest, labelled with that band's label (a PHQ-9-like "mild" at 5, "moderate" at 10...).
    /// </summary>
    /// <param name="bands">The subscale's bands, in any order.</param>
    /// <returns>The lines, lowest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is null.</exception>
    public static IReadOnlyList<ChangeCutoff> FromBands(IEnumerable<InterpretationBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return [.. bands.OrderBy(b => b.Min).Skip(1).Select(b => new ChangeCutoff(b.Label, b.Min))];
    }
}
