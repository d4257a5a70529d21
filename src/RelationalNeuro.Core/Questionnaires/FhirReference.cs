using System.Globalization;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// A FHIR R4 <c>Reference</c> as a QuestionnaireResponse's <c>subject</c> or <c>source</c>: a literal
/// <see cref="Reference"/> to a resource (<c>Patient/123</c>) and/or a logical <c>identifier</c>
/// (<see cref="IdentifierValue"/>, optionally in the namespace <see cref="IdentifierSystem"/>) — the form for a study
/// participant known by a code rather than by a Patient resource (FHIR R4 §2.3.0 "Reference", Reference.identifier).
/// </summary>
/// <remarks>
/// Written by <see cref="FhirMapper.ToQuestionnaireResponseJson"/>
/// as <c>{"reference": …, "identifier": {"system": …, "value": …}}</c> (absent parts left out) and read back into
/// <see cref="FhirResponseImport.Subject"/> / <see cref="FhirResponseImport.Source"/>.
/// </remarks>
public sealed record FhirReference
{
    /// <summary>Creates a reference; at least one of <paramref name="reference"/> and <paramref name="identifierValue"/> is required.</summary>
    /// <param name="reference">A literal reference such as <c>Patient/123</c>, or null.</param>
    /// <param name="identifierValue">The identifier's value (a participant code), or null.</param>
    /// <param name="identifierSystem">The identifier's namespace (a URI), or null; only with <paramref name="identifierValue"/>.</param>
    /// <exception cref="ArgumentException">Both <paramref name="reference"/> and <paramref name="identifierValue"/> are null;
    /// a given part is empty, has leading or trailing white space (a FHIR <c>string</c> must not) or holds a lone
    /// surrogate;
    /// or <paramref name="identifierSystem"/> is given without a value.</exception>
    public FhirReference(string? reference = null, string? identifierValue = null, string? identifierSystem = null)
    {
        if (reference is null && identifierValue is null)
        {
            throw new ArgumentException("A reference needs a literal reference or an identifier value; both are null.", nameof(reference));
        }

        if (identifierSystem is not null && identifierValue is null)
        {
            throw new ArgumentException($"An identifier system ('{identifierSystem}') needs an identifier value.", nameof(identifierSystem));
        }

        Reference = Checked(reference, nameof(reference));
        IdentifierValue = Checked(identifierValue, nameof(identifierValue));
        IdentifierSystem = Checked(identifierSystem, nameof(identifierSystem));
    }

    /// <summary>The literal reference (<c>Patient/123</c>), or null.</summary>
    public string? Reference { get; }

    /// <summary>The logical identifier's value, or null.</summary>
    public string? IdentifierValue { get; }

    /// <summary>The logical identifier's system (namespace URI), or null.</summary>
    public string? IdentifierSystem { get; }

    /// <summary>A reference by logical identifier only: a participant known by a code.</summary>
    /// <param name="value">The identifier's value.</param>
    /// <param name="system">Its namespace (a URI), or null.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">As the constructor.</exception>
    public static FhirReference ToIdentifier(string value, string? system = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FhirReference(identifierValue: value, identifierSystem: system);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a usable FHIR <c>string</c>: not empty, not only white space, no leading or
    /// trailing white space, no lone surrogate.
    /// </summary>
    internal static bool IsFhirString(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(value[i]) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static string? Checked(string? value, string name) =>
        value is null || IsFhirString(value)
            ? value
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{value}' is not a FHIR string: it is empty, has leading or trailing white space, or holds a lone surrogate."),
                name);
}
