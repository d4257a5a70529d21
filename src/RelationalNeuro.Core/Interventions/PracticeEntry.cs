using System.Text.Json.Serialization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// Something a client did, at a moment with its UTC offset. Subtypes carry what each practice records; JSON
/// writes the subtype as the <c>"type"</c> discriminator.
/// </summary>
/// <remarks>
/// The subtypes are closed to this library: each one validates its own fields (the rules
/// <see cref="PracticeValidation.ValidateEntry"/> applies after the checks common to every entry) and is listed as a
/// <see cref="JsonDerivedTypeAttribute"/> here so that stores can persist it.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FeelingsCheckInEntry), "feelings-check-in")]
[JsonDerivedType(typeof(GratitudeEntry), "gratitude")]
[JsonDerivedType(typeof(MicroMomentEntry), "micro-moment")]
[JsonDerivedType(typeof(PauseEntry), "pause")]
[JsonDerivedType(typeof(NarrativeReflectionEntry), "narrative-reflection")]
[JsonDerivedType(typeof(BreathingSessionEntry), "breathing-session")]
[JsonDerivedType(typeof(DyadSessionEntry), "dyad-session")]
public abstract record PracticeEntry
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client who practised.</summary>
    public required Guid ClientId { get; init; }

    /// <summary>The plan this entry counts towards, or null for practice outside a plan.</summary>
    public Guid? PlanId { get; init; }

    /// <summary>The intervention practised (its id).</summary>
    public required string InterventionId { get; init; }

    /// <summary>When it happened, with the offset the client's device had (kept as given).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>How long it took, in seconds, or null when not timed.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>A free note, or null.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Adds the problems of this subtype's own fields to <paramref name="problems"/>, located relative to its prefix
    /// (the entry's JSON path). The checks common to every entry are made by <see cref="PracticeValidation"/>.
    /// </summary>
    /// <param name="problems">Where to add the problems (a view prefixed with the entry's location).</param>
    /// <param name="options">Taxonomies, interventions and breathing patterns to check against.</param>
    internal abstract void Validate(ProblemCollector problems, PracticeStoreOptions options);
}
