using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// JSON for practice data (camelCase, enums as strings, entries with a <c>"type"</c> discriminator), through a
/// source-generated context: the export format of <see cref="ClientRecord"/> and the row format of stores.
/// </summary>
public static class PracticeJson
{
    private static InterventionsJsonContext Context => InterventionsJsonContext.Default;

    /// <summary>Writes a client's whole record (indented UTF-8 JSON).</summary>
    /// <param name="record">The record.</param>
    /// <param name="utf8Json">The destination; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/>: a string holds a lone UTF-16
    /// surrogate, which has no UTF-8 form (problem <c>data.lone-surrogate</c> at its JSON path); nothing is written.</exception>
    public static void WriteClientRecord(ClientRecord record, Stream utf8Json)
    {
        Guard.NotNull(record);
        Guard.NotNull(utf8Json);
        EnsureText(record);
        JsonSerializer.Serialize(utf8Json, record, Context.ClientRecord);
    }

    /// <summary>
    /// The longest document <see cref="ReadClientRecord"/> reads: 64 MiB (an export holds about 2 KB per journal entry, so
    /// some 30,000 entries, ten a day for eight years); a longer stream, or one that never ends, is refused
    /// (<c>import.too-large</c>). The reader may hold a whole object in memory while it reads it, so the bound is also
    /// what a hostile document can make it hold.
    /// </summary>
    public const long MaxImportBytes = 64L << 20;

    /// <summary>Reads a client record written by <see cref="WriteClientRecord"/>.</summary>
    /// <param name="utf8Json">The source; read to its end, not closed.</param>
    /// <returns>The record (not yet validated against a store: the store's import does that).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/>: not JSON, a missing
    /// required member, a wrong type, an unknown entry type or a newer format version; the problem names the JSON path; or
    /// longer than <see cref="MaxImportBytes"/> (<c>import.too-large</c>).</exception>
    public static ClientRecord ReadClientRecord(Stream utf8Json)
    {
        Guard.NotNull(utf8Json);
        ClientRecord record;
        try
        {
            record = Read(() => JsonSerializer.Deserialize(new BoundedReadStream(utf8Json, MaxImportBytes), Context.ClientRecord));
        }
        catch (InputTooLargeException ex)
        {
            throw new PracticeStoreException(
                PracticeStoreError.MalformedImport,
                ex.Message + " A client's export is read up to that size (PracticeJson.MaxImportBytes).",
                [new Problem("import.too-large", ex.Message, Location: "$")],
                ex);
        }

        if (record.FormatVersion > ClientRecord.CurrentFormatVersion || record.FormatVersion < 1)
        {
            throw new PracticeStoreException(
                PracticeStoreError.MalformedImport,
                string.Create(CultureInfo.InvariantCulture, $"Export format version {record.FormatVersion} is not supported (this library reads 1 to {ClientRecord.CurrentFormatVersion})."),
                [new Problem("import.format-version", "Unsupported format version.", Location: "$.formatVersion")]);
        }

        return record;
    }

    /// <summary>Serializes an entry (with its <c>"type"</c> discriminator) to compact JSON.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/>: a string holds a lone UTF-16 surrogate (<c>data.lone-surrogate</c>).</exception>
    public static string Serialize(PracticeEntry entry) => Compact(Guard.NotNull(entry), Context.PracticeEntry);

    /// <summary>Serializes a plan to compact JSON.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/>: a string holds a lone UTF-16 surrogate (<c>data.lone-surrogate</c>).</exception>
    public static string Serialize(PracticePlan plan) => Compact(Guard.NotNull(plan), Context.PracticePlan);

    /// <summary>Serializes a client to compact JSON.</summary>
    /// <param name="client">The client.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/>: a string holds a lone UTF-16 surrogate (<c>data.lone-surrogate</c>).</exception>
    public static string Serialize(Client client) => Compact(Guard.NotNull(client), Context.Client);

    /// <summary>Serializes a measurement to compact JSON.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measurement"/> is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/>: a string holds a lone UTF-16 surrogate (<c>data.lone-surrogate</c>).</exception>
    public static string Serialize(Measurement measurement) => Compact(Guard.NotNull(measurement), Context.Measurement);

    /// <summary>Serializes a questionnaire score to compact JSON.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is null.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/>: a string holds a lone UTF-16 surrogate (<c>data.lone-surrogate</c>).</exception>
    public static string Serialize(QuestionnaireScore score) => Compact(Guard.NotNull(score), Context.QuestionnaireScore);

    /// <summary>Serializes an intervention definition (indented), e.g. to write your own catalog file.</summary>
    /// <param name="intervention">The intervention.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intervention"/> is null.</exception>
    public static string Serialize(Intervention intervention) =>
        JsonSerializer.Serialize(Guard.NotNull(intervention), Context.Intervention);

    /// <summary>Reads an entry written by <see cref="Serialize(PracticeEntry)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/> with the JSON path.</exception>
    public static PracticeEntry DeserializeEntry(string json) => Read(() => JsonSerializer.Deserialize(Guard.NotNull(json), Context.PracticeEntry));

    /// <summary>Reads a plan written by <see cref="Serialize(PracticePlan)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/> with the JSON path.</exception>
    public static PracticePlan DeserializePlan(string json) => Read(() => JsonSerializer.Deserialize(Guard.NotNull(json), Context.PracticePlan));

    /// <summary>Reads a client written by <see cref="Serialize(Client)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The client.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/> with the JSON path.</exception>
    public static Client DeserializeClient(string json) => Read(() => JsonSerializer.Deserialize(Guard.NotNull(json), Context.Client));

    /// <summary>Reads a measurement written by <see cref="Serialize(Measurement)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/> with the JSON path.</exception>
    public static Measurement DeserializeMeasurement(string json) => Read(() => JsonSerializer.Deserialize(Guard.NotNull(json), Context.Measurement));

    /// <summary>Reads a questionnaire score written by <see cref="Serialize(QuestionnaireScore)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The score.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/> with the JSON path.</exception>
    public static QuestionnaireScore DeserializeQuestionnaireScore(string json) => Read(() => JsonSerializer.Deserialize(Guard.NotNull(json), Context.QuestionnaireScore));

    /// <summary>Reads an intervention definition written by <see cref="Serialize(Intervention)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The intervention.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.MalformedImport"/> with the JSON path.</exception>
    public static Intervention DeserializeIntervention(string json) => Read(() => JsonSerializer.Deserialize(Guard.NotNull(json), Context.Intervention));

    private static string Compact<T>(T value, JsonTypeInfo<T> info)
        where T : class
    {
        EnsureText(value);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, value, info);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Refuses text that JSON in UTF-8 would change (a lone surrogate becomes U+FFFD), instead of writing it changed.</summary>
    private static void EnsureText(object value)
    {
        var problems = new ProblemCollector();
        PracticeText.Check(value, problems.At("$"));
        PracticeValidation.ThrowIfAny(problems.ToList(), "The text cannot be written unchanged");
    }

    private static T Read<T>(Func<T?> read)
        where T : class
    {
        T? value;
        try
        {
            value = read();
        }
        catch (JsonException ex)
        {
            var location = ex.Path ?? "$";
            throw new PracticeStoreException(
                PracticeStoreError.MalformedImport,
                $"Malformed JSON at {location}: {ex.Message}",
                [new Problem("import.malformed-json", ex.Message, Location: location)],
                ex);
        }
        catch (NotSupportedException ex)
        {
            throw new PracticeStoreException(
                PracticeStoreError.MalformedImport,
                "Malformed JSON: " + ex.Message,
                [new Problem("import.malformed-json", ex.Message, Location: "$")],
                ex);
        }

        return value ?? throw new PracticeStoreException(
            PracticeStoreError.MalformedImport,
            "The document is JSON null.",
            [new Problem("import.malformed-json", "The document is JSON null.", Location: "$")]);
    }
}
