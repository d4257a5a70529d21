using System.Text.Json.Serialization;

namespace RelationalNeuro.Interventions;

/// <summary>
/// Something a client did, at a moment with its UTC offset. Subtypes carry what each practice records; JSON
/// writes the subtype as the <c>"type"</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FeelingsCheckInEntry), "feelings-check-in")]
[JsonDerivedType(typeof(GratitudeEntry), "gratitude")]
[JsonDerivedType(typeof(MicroMomentEntry), "micro-moment")]
[JsonDerivedType(typeof(PauseEntry), "pause")]
[JsonDerivedType(typeof(NarrativeReflectionEntry), "narrative-reflection")]
[JsonDerivedType(typeof(BreathingSessionEntry), "breathing-session")]
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
}
