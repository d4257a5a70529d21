using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// An immutable questionnaire definition: its identity, citation, licence, response scale, items, reverse keys
/// and subscales (with their scoring method, missing-data rule, interpretation bands, norms and reliability).
/// </summary>
/// <remarks>
/// Definitions are data. They are read from JSON by <see cref="InstrumentLoader"/> (which reports every problem of a
/// malformed definition at once, with its JSON path) or taken from the built-in <see cref="InstrumentCatalog"/>.
/// Reverse keying always uses the instrument's declared scale: <c>x' = min + max − x</c>, never the observed range
/// (R <c>psych::scoreItems</c> defaults to the observed range and mis-reverses when a respondent never used an
/// extreme). Score answers with an <see cref="InstrumentScorer"/>.
/// </remarks>
public sealed record InstrumentDefinition
{
    /// <summary>Stable identifier, lower case, e.g. <c>"pss-10"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Full name, e.g. "Perceived Stress Scale, 10-item".</summary>
    public required string Name { get; init; }

    /// <summary>Short name as printed in papers, e.g. "PSS-10".</summary>
    public required string ShortName { get; init; }

    /// <summary>Version of the instrument (usually its publication year or form name).</summary>
    public required string Version { get; init; }

    /// <summary>The primary citation of the instrument.</summary>
    public required string Citation { get; init; }

    /// <summary>What the library may do with the instrument, and the statement it rests on.</summary>
    public required InstrumentLicence Licence { get; init; }

    /// <summary>The response scale shared by every item.</summary>
    public required ResponseScale Scale { get; init; }

    /// <summary>The items, in administration order, each with a unique number.</summary>
    public required ImmutableArray<InstrumentItem> Items { get; init; }

    /// <summary>Numbers of the reverse-keyed items (scored <c>min + max − x</c>).</summary>
    public ImmutableArray<int> ReverseKeyed { get; init; } = [];

    /// <summary>The subscales (and totals), each scored separately.</summary>
    public required ImmutableArray<SubscaleDefinition> Subscales { get; init; }

    /// <summary>LOINC panel code of the whole instrument, where one exists (e.g. PSS-10 <c>106875-8</c>).</summary>
    public string? LoincCode { get; init; }

    /// <summary>Decisions the sources leave open, as taken for this instrument (missing data, splits, key checks).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>The item with the given number, or null.</summary>
    /// <param name="number">The item number as printed on the form (1-based).</param>
    /// <returns>The item, or null when the instrument has no such item.</returns>
    public InstrumentItem? FindItem(int number)
    {
        foreach (var item in Items)
        {
            if (item.Number == number)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The subscale with the given id or alias (<see cref="SubscaleDefinition.Aliases"/>; ordinal comparison), or null.</summary>
    /// <param name="id">Subscale id or alias, e.g. <c>"anxiety"</c> or <c>"cognitive-reappraisal"</c>.</param>
    /// <returns>The subscale, or null.</returns>
    public SubscaleDefinition? FindSubscale(string id)
    {
        foreach (var subscale in Subscales)
        {
            if (string.Equals(subscale.Id, id, StringComparison.Ordinal))
            {
                return subscale;
            }
        }

        foreach (var subscale in Subscales)
        {
            foreach (var alias in subscale.Aliases)
            {
                if (string.Equals(alias, id, StringComparison.Ordinal))
                {
                    return subscale;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the item with this number is reverse-keyed.</summary>
    /// <param name="number">The item number.</param>
    /// <returns>True when the item is in <see cref="ReverseKeyed"/>.</returns>
    public bool IsReverseKeyed(int number) => ReverseKeyed.Contains(number);
}
