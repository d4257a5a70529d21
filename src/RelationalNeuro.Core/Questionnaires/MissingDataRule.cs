using System.Globalization;

namespace RelationalNeuro.Questionnaires;

/// <summary>Which missing-data rule applies to a subscale.</summary>
public enum MissingDataRuleKind
{
    /// <summary>Every item must be answered.</summary>
    RequireAll = 0,

    /// <summary>At most <see cref="MissingDataRule.Value"/> items may be missing; the rest are prorated.</summary>
    MaxMissingItems = 1,

    /// <summary>At least <see cref="MissingDataRule.Value"/> percent of the items must be answered (rounded up to whole items).</summary>
    MinAnsweredPercent = 2,
}

/// <summary>
/// A missing-data rule: when a (sub)scale with missing items is still scored (by prorating) and when it is not.
/// </summary>
/// <remarks>
/// The library default is <see cref="Default"/>, at least 80 % of the items answered (NDCLab DERS rule: "Threshold for
/// scoring is 80%"; github.com/davhunt/instruments <c>ders/readme.md</c>). Applied literally, a subscale of 2–4
/// items then tolerates no missing item (⌈0.8·4⌉ = 4), 5–9 items tolerate one, 10–14 two, 15–19 three. The
/// required count is computed in integers, ⌈n·p/100⌉, so no rounding error can move a boundary.
/// </remarks>
/// <param name="Kind">The kind of rule.</param>
/// <param name="Value">Items (for <see cref="MissingDataRuleKind.MaxMissingItems"/>) or percent (for <see cref="MissingDataRuleKind.MinAnsweredPercent"/>); ignored for <see cref="MissingDataRuleKind.RequireAll"/>.</param>
public sealed record MissingDataRule(MissingDataRuleKind Kind, int Value = 0)
{
    /// <summary>The library default: at least 80 % of items answered, prorate the rest.</summary>
    public static MissingDataRule Default { get; } = new(MissingDataRuleKind.MinAnsweredPercent, 80);

    /// <summary>No missing item allowed.</summary>
    public static MissingDataRule RequireAll { get; } = new(MissingDataRuleKind.RequireAll);

    /// <summary>How many of <paramref name="itemCount"/> items may be missing under this rule.</summary>
    /// <param name="itemCount">Items in the subscale (≥ 1).</param>
    /// <returns>The largest number of missing items that still gives a score.</returns>
    public int AllowedMissing(int itemCount) => Kind switch
    {
        MissingDataRuleKind.MaxMissingItems => Math.Min(Math.Max(Value, 0), itemCount - 1),
        MissingDataRuleKind.MinAnsweredPercent => itemCount - Math.Max(1, ((itemCount * Value) + 99) / 100),
        _ => 0,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        MissingDataRuleKind.MaxMissingItems => string.Create(CultureInfo.InvariantCulture, $"at most {Value} item(s) missing, prorated"),
        MissingDataRuleKind.MinAnsweredPercent => string.Create(CultureInfo.InvariantCulture, $"at least {Value} % of items answered, prorated"),
        _ => "all items required",
    };
}
