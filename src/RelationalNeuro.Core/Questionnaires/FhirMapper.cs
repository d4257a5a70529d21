using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
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
public static class FhirMapper
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
                for (var value = definition.Scale.Min; value <= definition.Scale.Max; value++)
                {
                    var option = definition.Scale.FindOption(value);
                    var weight = reversed ? definition.Scale.Min + definition.Scale.Max - value : value;
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

    /// <summary>Writes answers (and their scores) as a FHIR R4 QuestionnaireResponse (JSON).</summary>
    /// <param name="definition">The instrument.</param>
    /// <param name="answers">Answers in item order (null = unanswered). Off-scale answers are not written; score first to see them reported.</param>
    /// <param name="scores">The scores of these answers, or null to write answers only.</param>
    /// <param name="subjectReference">A FHIR reference such as <c>Patient/123</c>, or null.</param>
    /// <param name="authored">When the answers were given, or null.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The QuestionnaireResponse resource as JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The answer count differs from the item count.</exception>
    public static string ToQuestionnaireResponseJson(
        InstrumentDefinition definition,
        ReadOnlySpan<double?> answers,
        ScoreResult? scores = null,
        string? subjectReference = null,
        DateTimeOffset? authored = null,
        FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (answers.Length != definition.Items.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {definition.Items.Length} answers; got {answers.Length}."),
                nameof(answers));
        }

        options ??= FhirOptions.Default;
        var answerSystem = AnswerSystem(definition, options);
        var complete = true;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            for (var i = 0; i < answers.Length; i++)
            {
                complete &= IsOnScale(definition, answers[i]);
            }

            w.WriteStartObject();
            w.WriteString("resourceType", "QuestionnaireResponse");
            w.WriteString("questionnaire", CanonicalUrl(definition, options) + "|" + definition.Version);
            w.WriteString("status", complete ? "completed" : "in-progress");
            if (subjectReference is not null)
            {
                w.WritePropertyName("subject");
                w.WriteStartObject();
                w.WriteString("reference", subjectReference);
                w.WriteEndObject();
            }

            if (authored is DateTimeOffset at)
            {
                w.WriteString("authored", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            }

            w.WriteStartArray("item");
            for (var i = 0; i < answers.Length; i++)
            {
                if (!IsOnScale(definition, answers[i]))
                {
                    continue;
                }

                var value = (int)answers[i]!.Value;
                var item = definition.Items[i];
                w.WriteStartObject();
                w.WriteString("linkId", item.LinkId);
                w.WriteStartArray("answer");
                w.WriteStartObject();
                w.WritePropertyName("valueCoding");
                w.WriteStartObject();
                WriteCodingBody(w, definition.Scale.FindOption(value), value, answerSystem);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (scores is not null)
            {
                foreach (var score in scores.Subscales)
                {
                    var subscale = definition.FindSubscale(score.SubscaleId);
                    if (score.Score is not double s || subscale is null)
                    {
                        continue;
                    }

                    w.WriteStartObject();
                    w.WriteString("linkId", ScoreLinkId(definition, subscale));
                    w.WriteString("text", string.Create(
                        CultureInfo.InvariantCulture,
                        $"{subscale.Name}: {score.ItemsAnswered} of {score.ItemCount} items answered{(score.Prorated ? ", prorated" : string.Empty)} (missing data: {subscale.MissingData})"));
                    w.WriteStartArray("answer");
                    w.WriteStartObject();
                    w.WriteNumber("valueDecimal", s);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads the answers of a FHIR R4 QuestionnaireResponse for this instrument. Items are matched by <c>linkId</c>
    /// (nested groups are searched); answers may be <c>valueCoding</c> (local code = the value, or a LOINC answer
    /// code of the scale), <c>valueInteger</c> or <c>valueDecimal</c>. Score items are skipped. Every problem is
    /// reported; nothing is guessed.
    /// </summary>
    /// <param name="definition">The instrument the response answers.</param>
    /// <param name="utf8Json">The QuestionnaireResponse JSON.</param>
    /// <param name="options">Options (for the canonical URL check), or null for the defaults.</param>
    /// <returns>The answers in item order and every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static FhirResponseImport FromQuestionnaireResponseJson(InstrumentDefinition definition, ReadOnlySpan<byte> utf8Json, FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        options ??= FhirOptions.Default;
        var answers = new double?[definition.Items.Length];
        var problems = ImmutableArray.CreateBuilder<Problem>();
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            problems.Add(new Problem("fhir.invalid-json", ex.Message, ProblemSeverity.Error, "$"));
            return new FhirResponseImport([.. answers], problems.ToImmutable());
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "QuestionnaireResponse")
            {
                problems.Add(new Problem("fhir.not-a-response", "The resource is not a QuestionnaireResponse.", ProblemSeverity.Error, "$.resourceType"));
                return new FhirResponseImport([.. answers], problems.ToImmutable());
            }

            var canonical = CanonicalUrl(definition, options);
            if (root.TryGetProperty("questionnaire", out var q) && q.ValueKind == JsonValueKind.String)
            {
                var reference = q.GetString()!;
                var bar = reference.IndexOf('|', StringComparison.Ordinal);
                if (!string.Equals(bar < 0 ? reference : reference[..bar], canonical, StringComparison.Ordinal))
                {
                    problems.Add(new Problem("fhir.other-questionnaire", $"The response answers '{reference}', not '{canonical}'; items were matched by linkId anyway.", ProblemSeverity.Warning, "$.questionnaire"));
                }
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < definition.Items.Length; i++)
            {
                index[definition.Items[i].LinkId] = i;
            }

            var scorePrefix = definition.Id + "-score-";
            var seen = new bool[answers.Length];
            if (root.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                ReadItems(definition, items, "$.item", index, scorePrefix, answers, seen, problems);
            }
        }

        return new FhirResponseImport([.. answers], problems.ToImmutable());
    }

    private static void ReadItems(
        InstrumentDefinition definition,
        JsonElement items,
        string path,
        Dictionary<string, int> index,
        string scorePrefix,
        double?[] answers,
        bool[] seen,
        ImmutableArray<Problem>.Builder problems)
    {
        var n = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{n++}]");
            if (item.TryGetProperty("item", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                ReadItems(definition, nested, itemPath + ".item", index, scorePrefix, answers, seen, problems);
            }

            var linkId = item.TryGetProperty("linkId", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : null;
            if (linkId is null || linkId.StartsWith(scorePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!index.TryGetValue(linkId, out var i))
            {
                problems.Add(new Problem("fhir.unknown-item", $"linkId '{linkId}' is not an item of {definition.Id}.", ProblemSeverity.Error, itemPath));
                continue;
            }

            if (seen[i])
            {
                answers[i] = null;
                problems.Add(new Problem("fhir.duplicate-item", $"linkId '{linkId}' appears more than once; its answers were not used.", ProblemSeverity.Error, itemPath));
                continue;
            }

            seen[i] = true;
            if (!item.TryGetProperty("answer", out var answerArray) || answerArray.ValueKind != JsonValueKind.Array || answerArray.GetArrayLength() == 0)
            {
                continue;
            }

            if (answerArray.GetArrayLength() > 1)
            {
                problems.Add(new Problem("fhir.multiple-answers", $"Item '{linkId}' has {answerArray.GetArrayLength()} answers; a scale item takes one.", ProblemSeverity.Error, itemPath + ".answer"));
                continue;
            }

            var value = ReadAnswer(definition, answerArray[0]);
            if (value is null || value < definition.Scale.Min || value > definition.Scale.Max || value != Math.Floor(value.Value))
            {
                problems.Add(new Problem("fhir.bad-answer", $"The answer to '{linkId}' is not a value of the {definition.Scale.Min}..{definition.Scale.Max} scale.", ProblemSeverity.Error, itemPath + ".answer[0]"));
                continue;
            }

            answers[i] = value;
        }
    }

    private static double? ReadAnswer(InstrumentDefinition definition, JsonElement answer)
    {
        if (answer.TryGetProperty("valueInteger", out var integer) && integer.TryGetInt32(out var x))
        {
            return x;
        }

        if (answer.TryGetProperty("valueDecimal", out var dec) && dec.TryGetDouble(out var d))
        {
            return d;
        }

        if (answer.TryGetProperty("valueCoding", out var coding) && coding.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.String)
        {
            var code = codeElement.GetString()!;
            foreach (var option in definition.Scale.Options)
            {
                if (option.LoincAnswerCode == code)
                {
                    return option.Value;
                }
            }

            return int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
        }

        return null;
    }

    private static bool IsOnScale(InstrumentDefinition definition, double? answer) =>
        answer is double x && x >= definition.Scale.Min && x <= definition.Scale.Max && x == Math.Floor(x);

    private static string ScoreLinkId(InstrumentDefinition definition, SubscaleDefinition subscale) => $"{definition.Id}-score-{subscale.Id}";

    private static string AnswerSystem(InstrumentDefinition definition, FhirOptions options) =>
        $"{options.CanonicalBase.TrimEnd('/')}/CodeSystem/{definition.Id}-answers";

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
