using RelationalNeuro.Change;
namespace RelationalNeuro.Interventions;

/// <summary>A measure an intervention is expected to move, and which way.</summary>
/// <param name="Kind">Questionnaire, physiological, self-report or behavioural.</param>
/// <param name="Measure">The instrument or metric key, e.g. <c>DERS-36</c>, <c>hrv.rmssd</c>.</param>
/// <param name="Subscale">The subscale (e.g. <c>Clarity</c>) or null for a total/metric.</param>
/// <param name="Direction">Which way improvement goes.</param>
public sealed record TargetedOutcome(OutcomeKind Kind, string Measure, string? Subscale, ChangeDirection Direction);
