using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>Item statistics of a <see cref="ReliabilityAnalysis"/>.</summary>
/// <param name="Index">0-based column of the item in the response table.</param>
/// <param name="Mean">Item mean (scale points).</param>
/// <param name="StandardDeviation">Item standard deviation, n − 1 denominator (scale points).</param>
/// <param name="AlphaIfDropped">Cronbach's α of the other items (psych <c>alpha.drop$raw_alpha</c>); null with fewer than 3 items or a zero-variance rest.</param>
/// <param name="CorrectedItemTotalCorrelation">Correlation of the item with the sum of the other items (psych <c>r.drop</c>); null when the item or the rest has zero variance.</param>
public readonly record struct ItemReliability(
    int Index,
    double Mean,
    double StandardDeviation,
    double? AlphaIfDropped,
    double? CorrectedItemTotalCorrelation)
{
    /// <summary>Standardised α of the other items (psych <c>alpha.drop$std.alpha</c>); null with fewer than 3 items or a zero-variance item.</summary>
    public double? StandardizedAlphaIfDropped { get; init; }

    /// <summary>Uncorrected item–total correlation: the item with the total of all items including itself, ΣC[,i]/√(C[i,i]·ΣC) (psych <c>raw.r</c>); null when the item or the total has zero variance.</summary>
    public double? ItemTotalCorrelation { get; init; }
}

/// <summary>Cronbach's α of a response table, with item-dropped α and corrected item–total correlations.</summary>
/// <param name="Alpha">Raw Cronbach's α, or null when undefined (fewer than 2 complete rows, zero total variance).</param>
/// <param name="Items">Per-item statistics, in column order; empty when fewer than 2 complete rows.</param>
/// <param name="RespondentsUsed">Complete rows used (rows with any missing value are dropped).</param>
/// <param name="Problems">Why values are null, and how many rows were dropped.</param>
public sealed record ReliabilityAnalysis(
    double? Alpha,
    ImmutableArray<ItemReliability> Items,
    int RespondentsUsed,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Standardised α = k/(k − 1)·(1 − k/ΣR) = k·r̄/(1 + (k − 1)·r̄) from the item correlation matrix R (psych <c>std.alpha</c>); null when an item has zero variance.</summary>
    public double? StandardizedAlpha { get; init; }

    /// <summary>Average inter-item correlation r̄ = (ΣR − k)/(k(k − 1)) (psych <c>average_r</c>); null when an item has zero variance.</summary>
    public double? AverageInterItemCorrelation { get; init; }

    /// <summary>0-based columns reversed before the analysis (x' = min + max − x on the declared scale); empty when the table was already keyed.</summary>
    public ImmutableArray<int> ReversedColumns { get; init; } = [];
}
