namespace RelationalNeuro.Questionnaires;

/// <summary>One item of an instrument.</summary>
/// <param name="Number">The item number as printed on the form (1-based, unique within the instrument).</param>
/// <param name="LinkId">Stable identifier used in FHIR <c>linkId</c> and answer maps, e.g. <c>"pss-10-04"</c>.</param>
/// <param name="Text">The item wording, only where its licence allows shipping it (or from a licensed overlay); else null.</param>
/// <param name="LoincCode">The LOINC item code where one exists.</param>
public sealed record InstrumentItem(int Number, string LinkId, string? Text = null, string? LoincCode = null);
