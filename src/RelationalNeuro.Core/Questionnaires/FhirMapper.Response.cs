using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <content>
/// The QuestionnaireResponse half: answers and scores written as a FHIR R4 <c>QuestionnaireResponse</c>, and a
/// <c>QuestionnaireResponse</c> read back into answers with every problem located by its JSON path.
/// </content>
public static partial class FhirMapper
{
    /// <summary>Writes answers (and their scores) as a FHIR R4 QuestionnaireResponse (JSON).</summary>
    /// <param name="definition">The instrument.</param>
    /// <param name="answers">Answers in item order (null = unanswered). Off-scale answers are not written; score first to see them reported.</param>
    /// <param name="scores">The scores of these answers, or null to write answers only.</param>
    /// <param name="subject">Who the answers are about — a literal reference (<c>new FhirReference("Patient/123")</c>) and/or a
    /// logical identifier (<see cref="FhirReference.ToIdentifier"/>: a study participant known by a code) — written as
    /// <c>subject</c> right after <c>status</c>; or null.</param>
    /// <param name="authored">When the answers were given, or null.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The QuestionnaireResponse resource as JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The answer count differs from the item count.</exception>
    public static string ToQuestionnaireResponseJson(
        InstrumentDefinition definition,
        ReadOnlySpan<double?> answers,
        ScoreResult? scores = null,
        FhirReference? subject = null,
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
            if (subject is not null)
            {
                w.WritePropertyName("subject");
                w.WriteStartObject();
                if (subject.Reference is { } reference)
                {
                    w.WriteString("reference", reference);
                }

                if (subject.IdentifierValue is { } value)
                {
                    w.WritePropertyName("identifier");
                    w.WriteStartObject();
                    if (subject.IdentifierSystem is { } system)
                    {
                        w.WriteString("system", system);
                    }

                    w.WriteString("value", value);
                    w.WriteEndObject();
                }

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
    /// How many problems <see cref="FromQuestionnaireResponseJson"/> lists; beyond them one <c>fhir.more-problems</c>
    /// gives the total (a response of 200,000 repeated items listed every one, 20 MB of text).
    /// </summary>
    public const int MaxListedImportProblems = 100;

    /// <summary>
    /// Reads the answers of a FHIR R4 QuestionnaireResponse for this instrument. Items are matched by <c>linkId</c>
    /// (nested groups are searched); answers may be <c>valueCoding</c> (local code = the value, or a LOINC answer
    /// code of the scale), <c>valueInteger</c> or <c>valueDecimal</c>. Score items are skipped. Every problem is
    /// reported with its JSON path; nothing is guessed and nothing throws: malformed JSON or content after the resource
    /// is <c>fhir.invalid-json</c>; an <c>item</c> or <c>answer</c> that is not an array, an item or answer that is not an
    /// object, a non-string <c>linkId</c>, a <c>valueInteger</c>/<c>valueDecimal</c> that is not a number or a
    /// <c>valueCoding</c> that is not an object with a string code is <c>fhir.bad-structure</c>; an item without
    /// <c>linkId</c> is <c>fhir.missing-link-id</c>. At most <see cref="MaxListedImportProblems"/> problems are listed,
    /// then <c>fhir.more-problems</c> with the total.
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
        var problems = new ProblemCollector(MaxListedImportProblems, "fhir.more-problems");
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            problems.Error("fhir.invalid-json", "The text is not valid UTF-8.", "$");
            return new FhirResponseImport([.. answers], problems.ToList());
        }

        JsonDocument? document = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                // A second value after the resource; garbage after it throws from Read itself.
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Content after the resource, at byte {reader.TokenStartIndex}."));
            }
        }
        catch (JsonException ex)
        {
            document?.Dispose();
            problems.Error("fhir.invalid-json", ex.Message, "$");
            return new FhirResponseImport([.. answers], problems.ToList());
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("QuestionnaireResponse"))
            {
                problems.Error("fhir.not-a-response", "The resource is not a QuestionnaireResponse.", "$.resourceType");
                return new FhirResponseImport([.. answers], problems.ToList());
            }

            var canonical = CanonicalUrl(definition, options);
            if (root.TryGetProperty("questionnaire", out var q) && q.ValueKind == JsonValueKind.String)
            {
                var reference = Text(q) ?? "(not valid Unicode)";
                var bar = reference.IndexOf('|', StringComparison.Ordinal);
                if (!string.Equals(bar < 0 ? reference : reference[..bar], canonical, StringComparison.Ordinal))
                {
                    problems.Warning("fhir.other-questionnaire", $"The response answers '{reference}', not '{canonical}'; items were matched by linkId anyway.", "$.questionnaire");
                }
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < definition.Items.Length; i++)
            {
                index[definition.Items[i].LinkId] = i;
            }

            var scorePrefix = definition.Id + "-score-";
            var seen = new bool[answers.Length];
            if (root.TryGetProperty("item", out var items) && IsArray(items, problems, "$.item"))
            {
                ReadItems(definition, items, index, scorePrefix, answers, seen, problems.At("$.item"));
            }

            var subject = ReadReference(root, "subject", problems);
            var source = ReadReference(root, "source", problems);
            return new FhirResponseImport([.. answers], problems.ToList()) { Subject = subject, Source = source };
        }
    }

    /// <summary>
    /// The Reference in <paramref name="property"/> of the resource: its <c>reference</c> and <c>identifier</c>
    /// (<c>system</c>, <c>value</c>); null when absent. A part that is not a usable FHIR string (not a string, empty,
    /// padded, a lone surrogate) is left out with a <c>fhir.bad-reference</c> warning: who the answers are about does not
    /// change their scores.
    /// </summary>
    private static FhirReference? ReadReference(JsonElement root, string property, ProblemCollector problems)
    {
        if (!root.TryGetProperty(property, out var element))
        {
            return null;
        }

        var at = problems.At("$." + property);
        if (element.ValueKind != JsonValueKind.Object)
        {
            at.Warning("fhir.bad-reference", $"Must be an object (a Reference); found {Kind(element)}; it was ignored.");
            return null;
        }

        string? Part(JsonElement parent, string name, ProblemCollector where)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String && Text(value) is { } text && FhirReference.IsFhirString(text))
            {
                return text;
            }

            where.Warning("fhir.bad-reference", $"{name} must be a non-empty string without padding or lone surrogates; found {Kind(value)}; it was ignored.", "." + name);
            return null;
        }

        var reference = Part(element, "reference", at);
        string? value = null, system = null;
        if (element.TryGetProperty("identifier", out var identifier))
        {
            if (identifier.ValueKind == JsonValueKind.Object)
            {
                var idAt = at.At(".identifier");
                value = Part(identifier, "value", idAt);
                system = value is null ? null : Part(identifier, "system", idAt);
            }
            else
            {
                at.Warning("fhir.bad-reference", $"identifier must be an object; found {Kind(identifier)}; it was ignored.", ".identifier");
            }
        }

        return reference is null && value is null ? null : new FhirReference(reference, value, system);
    }

    private static void ReadItems(
        InstrumentDefinition definition,
        JsonElement items,
        Dictionary<string, int> index,
        string scorePrefix,
        double?[] answers,
        bool[] seen,
        ProblemCollector problems)
    {
        var n = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = problems.At(string.Create(CultureInfo.InvariantCulture, $"[{n++}]"));
            if (item.ValueKind != JsonValueKind.Object)
            {
                at.Error("fhir.bad-structure", $"An item must be an object; found {Kind(item)}.");
                continue;
            }

            if (item.TryGetProperty("item", out var nested) && IsArray(nested, at, ".item"))
            {
                ReadItems(definition, nested, index, scorePrefix, answers, seen, at.At(".item"));
            }

            if (!item.TryGetProperty("linkId", out var l))
            {
                at.Error("fhir.missing-link-id", "The item has no linkId; its answers cannot be matched to an item.", ".linkId");
                continue;
            }

            if (l.ValueKind != JsonValueKind.String)
            {
                at.Error("fhir.bad-structure", $"linkId must be a string; found {Kind(l)}.", ".linkId");
                continue;
            }

            if (Text(l) is not { } linkId)
            {
                at.Error("fhir.bad-structure", "linkId is not valid Unicode (a lone surrogate escape).", ".linkId");
                continue;
            }

            if (linkId.StartsWith(scorePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!index.TryGetValue(linkId, out var i))
            {
                at.Error("fhir.unknown-item", $"linkId '{linkId}' is not an item of {definition.Id}.");
                continue;
            }

            if (seen[i])
            {
                answers[i] = null;
                at.Error("fhir.duplicate-item", $"linkId '{linkId}' appears more than once; its answers were not used.");
                continue;
            }

            seen[i] = true;
            if (!item.TryGetProperty("answer", out var answerArray) || !IsArray(answerArray, at, ".answer") || answerArray.GetArrayLength() == 0)
            {
                continue;
            }

            if (answerArray.GetArrayLength() > 1)
            {
                at.Error("fhir.multiple-answers", $"Item '{linkId}' has {answerArray.GetArrayLength()} answers; a scale item takes one.", ".answer");
                continue;
            }

            var answerAt = at.At(".answer[0]");
            var value = ReadAnswer(definition, answerArray[0], answerAt, out var reported);
            if (reported)
            {
                continue;
            }

            if (value is null || value < definition.Scale.Min || value > definition.Scale.Max || value != Math.Floor(value.Value))
            {
                answerAt.Error("fhir.bad-answer", $"The answer to '{linkId}' is not a value of the {definition.Scale.Min}..{definition.Scale.Max} scale.");
                continue;
            }

            answers[i] = value;
        }
    }

    /// <summary>The value of one answer; <paramref name="reported"/> is true when a malformed field was reported at its path.</summary>
    private static double? ReadAnswer(InstrumentDefinition definition, JsonElement answer, ProblemCollector at, out bool reported)
    {
        reported = true;
        if (answer.ValueKind != JsonValueKind.Object)
        {
            at.Error("fhir.bad-structure", $"An answer must be an object; found {Kind(answer)}.");
            return null;
        }

        if (answer.TryGetProperty("valueInteger", out var integer))
        {
            if (integer.ValueKind != JsonValueKind.Number)
            {
                at.Error("fhir.bad-structure", $"valueInteger must be a JSON number; found {Kind(integer)}.", ".valueInteger");
                return null;
            }

            reported = false;
            return integer.TryGetInt32(out var x) ? x : null;
        }

        if (answer.TryGetProperty("valueDecimal", out var dec))
        {
            if (dec.ValueKind != JsonValueKind.Number)
            {
                at.Error("fhir.bad-structure", $"valueDecimal must be a JSON number; found {Kind(dec)}.", ".valueDecimal");
                return null;
            }

            reported = false;
            return dec.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
        }

        if (answer.TryGetProperty("valueCoding", out var coding))
        {
            if (coding.ValueKind != JsonValueKind.Object)
            {
                at.Error("fhir.bad-structure", $"valueCoding must be an object; found {Kind(coding)}.", ".valueCoding");
                return null;
            }

            if (!coding.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.String)
            {
                at.Error("fhir.bad-structure", "valueCoding needs a string code.", ".valueCoding.code");
                return null;
            }

            if (Text(codeElement) is not { } code)
            {
                at.Error("fhir.bad-structure", "The code is not valid Unicode (a lone surrogate escape).", ".valueCoding.code");
                return null;
            }

            reported = false;
            foreach (var option in definition.Scale.Options)
            {
                if (option.LoincAnswerCode == code)
                {
                    return option.Value;
                }
            }

            return int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
        }

        reported = false;
        return null;
    }

    /// <summary>True for an array; otherwise reports <c>fhir.bad-structure</c> at <paramref name="location"/>.</summary>
    private static bool IsArray(JsonElement element, ProblemCollector problems, string location)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        problems.Error("fhir.bad-structure", $"Must be an array; found {Kind(element)}.", location);
        return false;
    }

    /// <summary>The string, or null when its escapes do not form valid Unicode (<c>"\uD800"</c>), which GetString refuses with InvalidOperationException.</summary>
    private static string? Text(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
