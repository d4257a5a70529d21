using System.Globalization;
using System.Text.Json;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// Maps instruments and responses to HL7 FHIR R4: a definition to a <c>Questionnaire</c>, answers and scores to a
/// <c>QuestionnaireResponse</c>, and a <c>QuestionnaireResponse</c> back to answers. Written with
/// <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection, no FHIR library.
/// </summary>
/// <remarks>
/// <para>Questionnaire: <c>url</c> = <c>{base}/Questionnaire/{id}</c>, <c>version</c>, computable <c>name</c>,
/// <c>title</c>, <c>status</c>, <c>subjectType</c> Patient, <c>copyright</c> = the licence statement, <c>code</c> =
/// the LOINC panel where one exists. One <c>choice</c> item per instrument item: <c>linkId</c>, <c>prefix</c> = item
/// number, <c>text</c> only where the definition has wording, LOINC <c>code</c> where known; one
/// <c>answerOption.valueCoding</c> per scale value (LOINC <c>LA…</c> code where known, else the value in the
/// instrument's local code system) carrying the extension
/// <c>http://hl7.org/fhir/StructureDefinition/ordinalValue</c> with the <em>keyed</em> weight (reversed items carry
/// reversed weights, as LOINC does for PSS-10). One read-only <c>decimal</c> item per subscale
/// (<c>{id}-score-{subscale}</c>); plain sum subscales also carry the SDC <c>calculatedExpression</c>.</para>
/// <para>QuestionnaireResponse: <c>questionnaire</c> = canonical|version, <c>status</c> <c>completed</c> (or
/// <c>in-progress</c> when an item is unanswered), optional <c>subject</c> and <c>authored</c>; answered items as
/// <c>valueCoding</c>; each available score as <c>valueDecimal</c>, with the items answered and the missing-data rule
/// in the score item's <c>text</c>.</para>
/// </remarks>
public static partial class FhirMapper
{
    /// <summary>The R4 ordinal-value extension URL (renamed itemWeight in later versions).</summary>
    public const string OrdinalValueExtension = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /// <summary>The SDC calculated-expression extension URL.</summary>
    public const string CalculatedExpressionExtension = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

    private const string Loinc = "http://loinc.org";

    /// <summary>The canonical URL of an instrument's Questionnaire.</summary>
    /// <param name="definition">The instrument.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns><c>{CanonicalBase}/Questionnaire/{id}</c>.</returns>
    public static string CanonicalUrl(InstrumentDefinition definition, FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"{(options ?? FhirOptions.Default).CanonicalBase.TrimEnd('/')}/Questionnaire/{definition.Id}";
    }

    private static string ScoreLinkId(InstrumentDefinition definition, SubscaleDefinition subscale) => $"{definition.Id}-score-{subscale.Id}";

    private static string AnswerSystem(InstrumentDefinition definition, FhirOptions options) =>
        $"{options.CanonicalBase.TrimEnd('/')}/CodeSystem/{definition.Id}-answers";

    private static bool IsOnScale(InstrumentDefinition definition, double? answer) =>
        answer is double x && x >= definition.Scale.Min && x <= definition.Scale.Max && x == Math.Floor(x);

    private static void WriteCodingBody(Utf8JsonWriter w, ResponseOption? option, int value, string answerSystem)
    {
        if (option?.LoincAnswerCode is string la)
        {
            w.WriteString("system", Loinc);
            w.WriteString("code", la);
        }
        else
        {
            w.WriteString("system", answerSystem);
            w.WriteString("code", value.ToString(CultureInfo.InvariantCulture));
        }

        w.WriteString("display", option?.Label ?? value.ToString(CultureInfo.InvariantCulture));
    }
}
