using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using RelationalNeuro.Interventions;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Gallery;

/// <summary>
/// One response on the Assess page (<c>/assess</c>) as its forms post it: the instrument id in <see cref="InstrumentField"/>
/// and each answer in a field <c>item-{number}</c> holding the invariant integer the <see cref="Components.QuestionnaireForm"/>
/// renders. The answers are read back and scored on every post; a score is never taken from the browser.
/// </summary>
internal static class AssessResponse
{
    /// <summary>The form field that names the instrument (a catalog id).</summary>
    public const string InstrumentField = "instrument";

    /// <summary>The prefix of the answer fields, the widget's <c>FieldName</c>.</summary>
    public const string AnswerPrefix = "item";

    /// <summary>The catalog instrument with this id, or null (an unknown or missing id is a person's input, not an error).</summary>
    public static InstrumentDefinition? Instrument(string? id) =>
        id is { Length: > 0 } && InstrumentCatalog.TryGet(id, out var definition) ? definition : null;

    /// <summary>Whether the instrument measures the two attachment dimensions (ECR-R, ECR-S, ECR-RS: subscales <c>anxiety</c> and <c>avoidance</c>).</summary>
    public static bool IsAttachment(InstrumentDefinition definition) =>
        definition.FindSubscale("anxiety") is not null && definition.FindSubscale("avoidance") is not null;

    /// <summary>The name of the field that holds the answer to item <paramref name="number"/>.</summary>
    public static string Field(int number) => AnswerPrefix + "-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The answers among the posted fields: item number → value, for each item whose field holds a whole number on the
    /// instrument's scale. Anything else (missing, not a number, off the scale) is left out, so the form shows the item
    /// as unanswered.
    /// </summary>
    public static Dictionary<int, int> ReadAnswers(InstrumentDefinition definition, Func<string, string?> field)
    {
        var answers = new Dictionary<int, int>();
        foreach (var item in definition.Items)
        {
            if (int.TryParse(field(Field(item.Number)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && value >= definition.Scale.Min && value <= definition.Scale.Max)
            {
                answers[item.Number] = value;
            }
        }

        return answers;
    }

    /// <summary>The answers in item order (null = unanswered), as the scorer and the FHIR mapper take them.</summary>
    public static double?[] InItemOrder(InstrumentDefinition definition, IReadOnlyDictionary<int, int> answers) =>
        [.. definition.Items.Select(i => answers.TryGetValue(i.Number, out var v) ? v : (double?)null)];

    /// <summary>Scores the answers with the catalog's scorer (default options, as the form does).</summary>
    public static ScoreResult Score(InstrumentDefinition definition, IReadOnlyDictionary<int, int> answers) =>
        InstrumentCatalog.GetScorer(definition.Id).Score(InItemOrder(definition, answers));

    /// <summary>The score as a client's store keeps it: every subscale that could be scored, by subscale id.</summary>
    public static QuestionnaireScore ToStored(Guid id, Guid clientId, DateTimeOffset completedAt, ScoreResult result) => new()
    {
        Id = id,
        ClientId = clientId,
        CompletedAt = completedAt,
        InstrumentId = result.InstrumentId,
        Scores = result.Subscales.Where(s => s.Score is not null).ToDictionary(s => s.SubscaleId, s => s.Score!.Value, StringComparer.Ordinal),
    };

    /// <summary>Reads a round-trip ("o") timestamp from a hidden field; null when absent or malformed.</summary>
    public static DateTimeOffset? ReadTime(string? text) =>
        DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>Writes a timestamp for a hidden field (round-trip "o", invariant).</summary>
    public static string WriteTime(DateTimeOffset at) => at.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>
    /// Maps <c>POST /assess/fhir</c>: the posted response as a FHIR R4 QuestionnaireResponse (<see cref="FhirMapper"/>),
    /// answers and scores, sent as a file to download. Antiforgery is checked here, as for the preference forms: a
    /// missing or forged token, an unknown instrument or a response with no answer is a plain 400. The subject is left
    /// out: the file carries no name or client id, only what was answered and when.
    /// </summary>
    public static IEndpointRouteBuilder MapAssessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/assess/fhir", DownloadFhirAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> DownloadFhirAsync(HttpContext context, IAntiforgery antiforgery, TimeProvider clock)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Instrument(form[InstrumentField].ToString()) is not { } definition)
        {
            return Results.BadRequest();
        }

        var answers = ReadAnswers(definition, name => form[name].ToString());
        if (answers.Count == 0)
        {
            return Results.BadRequest();
        }

        var authored = ReadTime(form["completed"].ToString());
        var json = FhirMapper.ToQuestionnaireResponseJson(definition, InItemOrder(definition, answers), Score(definition, answers), authored: authored);
        var stamp = (authored ?? clock.GetUtcNow()).ToString("yyyyMMdd'-'HHmmss", CultureInfo.InvariantCulture);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/fhir+json", $"{definition.Id}-response-{stamp}.json");
    }
}
