using RelationalNeuro.Emotions;

namespace RelationalNeuro.Interventions;

/// <summary>
/// What a practice store validates against: the taxonomies label paths must belong to, the interventions plans
/// may assign and the breathing patterns entries may name. Defaults: the built-in ones.
/// </summary>
public sealed record PracticeStoreOptions
{
    /// <summary>The default options (built-in taxonomies, catalog and breathing patterns).</summary>
    public static PracticeStoreOptions Default { get; } = new();

    /// <summary>Taxonomies by which check-in labels are validated (default: <see cref="FeelingWheels.RelationalNeuro"/> and <see cref="FeelingWheels.Plutchik"/>).</summary>
    public IReadOnlyList<FeelingTaxonomy> Taxonomies { get; init; } = [FeelingWheels.RelationalNeuro, FeelingWheels.Plutchik];

    /// <summary>Interventions plans may assign and entries may name (default: <see cref="InterventionCatalog.All"/>).</summary>
    public IReadOnlyList<Intervention> Interventions { get; init; } = InterventionCatalog.All;

    /// <summary>Breathing patterns entries may name (default: <see cref="BreathingPatterns.All"/>).</summary>
    public IReadOnlyList<BreathingPattern> BreathingPatterns { get; init; } = RelationalNeuro.Interventions.BreathingPatterns.All;

    /// <summary>The taxonomy with <paramref name="id"/>, or null.</summary>
    /// <param name="id">Taxonomy id.</param>
    /// <returns>The taxonomy or null.</returns>
    public FeelingTaxonomy? FindTaxonomy(string? id) => Taxonomies.FirstOrDefault(t => t.Id == id);

    /// <summary>The intervention with <paramref name="id"/>, or null.</summary>
    /// <param name="id">Intervention id.</param>
    /// <returns>The intervention or null.</returns>
    public Intervention? FindIntervention(string? id) => Interventions.FirstOrDefault(i => i.Id == id);

    /// <summary>The breathing pattern with <paramref name="id"/>, or null.</summary>
    /// <param name="id">Pattern id.</param>
    /// <returns>The pattern or null.</returns>
    public BreathingPattern? FindBreathingPattern(string? id) => BreathingPatterns.FirstOrDefault(p => p.Id == id);
}
