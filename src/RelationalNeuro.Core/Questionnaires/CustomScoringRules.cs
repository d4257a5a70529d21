using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The named scoring rules a subscale may use with <see cref="ScoringMethod.Custom"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>sum-times-4</c>: the WHO-5 percentage score, (prorated) raw sum × 4, 0–100 (WHO Regional Office for
/// Europe 1998; Topp et al. 2015).</item>
/// <item><c>rq-model-of-self</c>: Relationship Questionnaire model of self = (Secure + Dismissing) − (Fearful +
/// Preoccupied), items in the order A Secure, B Fearful, C Preoccupied, D Dismissing; −12..+12 on 1–7 ratings
/// (Griffin &amp; Bartholomew 1994). Needs all four ratings.</item>
/// <item><c>rq-model-of-other</c>: model of other = (Secure + Preoccupied) − (Fearful + Dismissing). Needs all four.</item>
/// </list>
/// </remarks>
public static class CustomScoringRules
{
    /// <summary>WHO-5 percentage: raw sum × 4.</summary>
    public const string SumTimesFour = "sum-times-4";

    /// <summary>RQ model of self: (A + D) − (B + C).</summary>
    public const string RqModelOfSelf = "rq-model-of-self";

    /// <summary>RQ model of other: (A + C) − (B + D).</summary>
    public const string RqModelOfOther = "rq-model-of-other";

    /// <summary>Every rule name the scorer knows.</summary>
    public static ImmutableArray<string> Names { get; } = [SumTimesFour, RqModelOfSelf, RqModelOfOther];

    internal delegate double RuleFunction(ReadOnlySpan<double> keyedValues, double proratedSum);

    internal sealed record Rule(string Name, int? RequiredItemCount, bool RequiresAllItems, RuleFunction Compute);

    internal static Rule? Find(string? name) => name switch
    {
        SumTimesFour => new Rule(SumTimesFour, null, false, static (_, sum) => sum * 4),
        RqModelOfSelf => new Rule(RqModelOfSelf, 4, true, static (v, _) => v[0] + v[3] - (v[1] + v[2])),
        RqModelOfOther => new Rule(RqModelOfOther, 4, true, static (v, _) => v[0] + v[2] - (v[1] + v[3])),
        _ => null,
    };
}
