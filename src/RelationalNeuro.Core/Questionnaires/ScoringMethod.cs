namespace RelationalNeuro.Questionnaires;

/// <summary>How a subscale's keyed item values become its score.</summary>
public enum ScoringMethod
{
    /// <summary>Sum of keyed values; with missing items (within the rule) the prorated sum, mean × item count.</summary>
    Sum = 0,

    /// <summary>Mean of the answered keyed values.</summary>
    Mean = 1,

    /// <summary>A named rule from <see cref="CustomScoringRules"/> (e.g. the WHO-5 percentage, the RQ model scores).</summary>
    Custom = 2,
}
