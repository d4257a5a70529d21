using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RelationalNeuro.Questionnaires;

/// <content>The Questionnaire half: an instrument definition written as a FHIR R4 <c>Questionnaire</c>.</content>
public static partial class FhirMapper
{
    /// <summary>Writes the instrument as a FHIR R4 Questionnaire (JSON).</summary>
    /// <param name="definition">The instrument.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The Questionnaire resource as UTF-8 JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string ToQuestionnaireJson(InstrumentDefinition definition, FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        options ??= FhirOptions.Default;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("resourceType", "Questionnaire");
            w.WriteString("id", definition.Id);
            w.WriteString("url", CanonicalUrl(definition, options));
            w.WriteString("version", definition.Version);
            w.WriteString("name", ComputableName(definition.ShortName));
            w.WriteString("title", definition.Name);
            w.WriteString("status", options.Status);
            w.WriteStartArray("subjectType");
            w.WriteStringValue("Patient");
            w.WriteEndArray();
            w.WriteString("description", definition.Citation);
            w.WriteString("copyright", definition.Licence.Attribution is null
                ? definition.Licence.Statement
                : definition.Licence.Statement + " Attribution: " + definition.Licence.Attribution);
            if (definition.LoincCode is not null)
            {
                w.WriteStartArray("code");
                WriteCoding(w, Loinc, definition.LoincCode, definition.ShortName);
                w.WriteEndArray();
            }

            w.WriteStartArray("item");
            var answerSystem = AnswerSystem(definition, options);
            foreach (var item in definition.Items)
            {
                w.WriteStartObject();
                w.WriteString("linkId", item.LinkId);
                if (item.LoincCode is not null)
                {
                    w.WriteStartArray("code");
                    WriteCoding(w, Loinc, item.LoincCode, null);
                    w.WriteEndArray();
                }

                w.WriteString("prefix", item.Number.ToString(CultureInfo.InvariantCulture));
                if (item.Text is not null)
                {
                    w.WriteString("text", item.Text);
                }

                w.WriteString("type", "choice");
                w.WriteStartArray("answerOption");
                var reversed = definition.IsReverseKeyed(item.Number);
                // long: a scale ending at int.MaxValue would wrap an int counter and never stop, and min + max overflow.
                for (long point = definition.Scale.Min; point <= definition.Scale.Max; point++)
                {
                    var value = (int)point;
                    var option = definition.Scale.FindOption(value);
                    var weight = reversed ? (long)definition.Scale.Min + definition.Scale.Max - value : value;
                    w.WriteStartObject();
                    w.WritePropertyName("valueCoding");
                    w.WriteStartObject();
                    w.WriteStartArray("extension");
                    w.WriteStartObject();
                    w.WriteString("url", OrdinalValueExtension);
                    w.WriteNumber("valueDecimal", weight);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    WriteCodingBody(w, option, value, answerSystem);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            foreach (var subscale in definition.Subscales)
            {
                w.WriteStartObject();
                if (subscale.Method == ScoringMethod.Sum && !subscale.RawResponses)
                {
                    w.WriteStartArray("extension");
                    w.WriteStartObject();
                    w.WriteString("url", CalculatedExpressionExtension);
                    w.WritePropertyName("valueExpression");
                    w.WriteStartObject();
                    w.WriteString("language", "text/fhirpath");
                    var ids = string.Join(" | ", subscale.Items.Select(n => "'" + definition.FindItem(n)!.LinkId + "'"));
                    w.WriteString("expression", $"%resource.repeat(item).where(linkId in ({ids})).answer.value.ordinal().sum()");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteString("linkId", ScoreLinkId(definition, subscale));
                if (subscale.LoincCode is not null)
                {
                    w.WriteStartArray("code");
                    WriteCoding(w, Loinc, subscale.LoincCode, null);
                    w.WriteEndArray();
                }

                w.WriteString("text", $"{subscale.Name} ({MethodText(subscale)}; missing data: {subscale.MissingData})");
                w.WriteString("type", "decimal");
                w.WriteBoolean("readOnly", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string MethodText(SubscaleDefinition subscale) => subscale.Method switch
    {
        ScoringMethod.Mean => "mean of items",
        ScoringMethod.Custom => "rule " + subscale.CustomRule,
        _ => "sum of items",
    };

    private static string ComputableName(string shortName)
    {
        var sb = new StringBuilder();
        foreach (var ch in shortName)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(sb.Length == 0 ? char.ToUpperInvariant(ch) : ch);
            }
        }

        return char.IsAsciiLetter(sb[0]) ? sb.ToString() : "Q" + sb;
    }

    private static void WriteCoding(Utf8JsonWriter w, string system, string code, string? display)
    {
        w.WriteStartObject();
        w.WriteString("system", system);
        w.WriteString("code", code);
        if (display is not null)
        {
            w.WriteString("display", display);
        }

        w.WriteEndObject();
    }
}
