namespace RelationalNeuro.Questionnaires;

/// <summary>Options for the FHIR R4 export; immutable, change with <c>with</c>.</summary>
public sealed record FhirOptions
{
    /// <summary>The defaults.</summary>
    public static FhirOptions Default { get; } = new();

    /// <summary>
    /// Base of the canonical URLs written: the Questionnaire is <c>{CanonicalBase}/Questionnaire/{id}</c> and the local
    /// answer code system <c>{CanonicalBase}/CodeSystem/{id}-answers</c>. Default <c>https://relationalneuro.org/fhir</c>.
    /// </summary>
    public string CanonicalBase { get; init; } = "https://relationalneuro.org/fhir";

    /// <summary>Questionnaire <c>status</c>: <c>draft</c>, <c>active</c> (default) or <c>retired</c>.</summary>
    public string Status { get; init; } = "active";
}
