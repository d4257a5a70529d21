using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RelationalNeuro.Components;
using RelationalNeuro.Interventions;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Gallery.Components.Pages.Assess;

/// <summary>
/// The Assess flow: choose an instrument and a client (a GET form), answer (a named POST form, <c>assess</c>), read the
/// score, save it to the client (a second named POST form, <c>assess-save</c>) or download it as FHIR. Rendered on the
/// server only. Each post carries the answers and is scored again here; nothing the browser sends is trusted as a score.
/// </summary>
public partial class AssessPage
{
    private const string DefaultInstrument = "who-5";

    [Inject]
    private IPracticeStore Store { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = AssessResponse.InstrumentField)]
    private string? QueryInstrument { get; set; }

    [SupplyParameterFromQuery(Name = "client")]
    private string? QueryClient { get; set; }

    /// <summary>The answer form's fields (instrument and client); the answers themselves are the widget's <c>item-n</c> fields.</summary>
    [SupplyParameterFromForm(FormName = "assess")]
    private AssessPost? Posted { get; set; }

    /// <summary>The save form's fields: instrument, client, the response's id (so a second save is refused) and when it was scored.</summary>
    [SupplyParameterFromForm(FormName = "assess-save")]
    private AssessPost? Save { get; set; }

    private IReadOnlyList<Client> Clients { get; set; } = [];

    private IReadOnlyDictionary<Guid, string> ClientLabels { get; set; } = new Dictionary<Guid, string>();

    private InstrumentDefinition? Definition { get; set; }

    private Client? Client { get; set; }

    private Dictionary<int, int> Answers { get; set; } = [];

    private bool Submitted { get; set; }

    private ScoreResult? Result { get; set; }

    private Guid ResponseId { get; set; }

    private DateTimeOffset CompletedAt { get; set; }

    private string? SaveStatus { get; set; }

    /// <summary>Why the practice store cannot be used (it could not be opened), or null.</summary>
    private string? StoreProblem { get; set; }

    private IReadOnlyList<QuestionnaireScore> Saved { get; set; } = [];

    private AttachmentClassification? Current { get; set; }

    private IReadOnlyList<AttachmentAssessment> Path { get; set; } = [];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Posted ??= new AssessPost();
        var instrumentId = Save?.Instrument ?? Posted.Instrument ?? QueryInstrument ?? DefaultInstrument;
        Definition = AssessResponse.Instrument(instrumentId);
        var clientId = Save?.Client ?? Posted.Client ?? QueryClient;
        Guid? chosen = Guid.TryParse(clientId, out var id) ? id : null;
        // As the ClientPicker lists them: archived clients are hidden unless already chosen; by name. A store that cannot
        // be opened leaves the list empty and says so: the questionnaire is still answered and scored.
        try
        {
            Clients = [.. (await Store.ListClientsAsync())
                .Where(c => c.ArchivedAt is null || c.Id == chosen)
                .OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)
                .ThenBy(c => c.Id)];
        }
        catch (PracticeStoreException e)
        {
            Clients = [];
            StoreProblem = "The practice store cannot be used, so a score cannot be saved to a client (it can still be read and downloaded): " + string.Join(" ", e.Problems.Select(p => p.Message));
        }

        ClientLabels = ClientNames.ChoiceLabels(Clients);
        Client = Clients.FirstOrDefault(c => c.Id == chosen);
        await LoadSavedAsync();
        if (Save?.Instrument is not null && Definition is not null)
        {
            // A save post: score the posted response now, so that the save form it came from is rendered again before
            // Blazor dispatches the submit to it (a named form must exist in the page to receive its post).
            var now = Clock.GetUtcNow();
            var completed = AssessResponse.ReadTime(Save.Completed) is { } at && at <= now ? at : now;
            Score(Guid.TryParse(Save.Response, out var responseId) ? responseId : Guid.NewGuid(), completed);
        }
    }

    private void Submit(EditContext context)
    {
        if (Definition is not null)
        {
            Score(Guid.NewGuid(), Clock.GetUtcNow());
        }
    }

    private async Task SaveAsync()
    {
        if (Result is null)
        {
            SaveStatus = "Not saved: the response is incomplete.";
            return;
        }

        if (Client is not { } client)
        {
            SaveStatus = "Not saved: that client does not exist (any more). Choose one above.";
            return;
        }

        try
        {
            await Store.AddQuestionnaireScoreAsync(AssessResponse.ToStored(ResponseId, client.Id, CompletedAt, Result));
            SaveStatus = $"Saved to {ClientNames.Shown(client)}.";
        }
        catch (PracticeStoreException e) when (e.Error == PracticeStoreError.DuplicateId)
        {
            SaveStatus = $"Already saved to {ClientNames.Shown(client)}.";
        }
        catch (PracticeStoreException e) when (e.Error == PracticeStoreError.UnknownClient)
        {
            SaveStatus = "Not saved: that client does not exist (any more). Choose one above.";
        }
        catch (PracticeStoreException e)
        {
            // The store is locked by another program, the disk is full, the file is read-only: the answers stay on the page.
            SaveStatus = "Not saved: " + string.Join(" ", e.Problems.Select(p => p.Message)) + " The answers are still here; save again when that is resolved.";
            return;
        }

        await LoadSavedAsync();
        DrawAttachment();
    }

    /// <summary>Reads the posted answers and scores them when every item is answered (the form's own rule).</summary>
    private void Score(Guid responseId, DateTimeOffset completedAt)
    {
        var definition = Definition!;
        var form = HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form : null;
        Answers = AssessResponse.ReadAnswers(definition, name => form?[name].ToString());
        Submitted = true;
        ResponseId = responseId;
        CompletedAt = completedAt;
        Result = Answers.Count == definition.Items.Length ? AssessResponse.Score(definition, Answers) : null;
        DrawAttachment();
    }

    private async Task LoadSavedAsync() =>
        Saved = Client is { } client ? await Store.ListQuestionnaireScoresAsync(client.Id) : [];

    /// <summary>
    /// For an attachment instrument, this response's point and, before it, the client's earlier saved scores on the same
    /// instrument (time order; this response itself once saved is shown once, as the current point).
    /// </summary>
    private void DrawAttachment()
    {
        Current = null;
        Path = [];
        if (Definition is not { } definition || Result is null || !AssessResponse.IsAttachment(definition)
            || AttachmentStyles.ClassifyScores(Result, null, out _) is not { } current)
        {
            return;
        }

        Current = current;
        var earlier = Saved
            .Where(s => s.Id != ResponseId && string.Equals(s.InstrumentId, definition.Id, StringComparison.OrdinalIgnoreCase)
                && s.Scores.ContainsKey("anxiety") && s.Scores.ContainsKey("avoidance"))
            .Select(s => new AttachmentAssessment(
                s.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                AttachmentStyles.Classify(s.Scores["anxiety"], s.Scores["avoidance"])));
        Path = [.. earlier, new AttachmentAssessment("This response", current)];
    }

    private static string RegionName(AttachmentStyle style) => style.ToString().ToLowerInvariant();

    private static string ChartText(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string InstrumentName(string id) => AssessResponse.Instrument(id)?.ShortName ?? id;

    private static string ScoresText(QuestionnaireScore score)
    {
        var definition = AssessResponse.Instrument(score.InstrumentId);
        return string.Join(", ", score.Scores.Select(s => SubscaleText(definition, s.Key, s.Value, null)));
    }

    private string SubscalesText(ScoreResult result) => string.Join(", ", result.Subscales
        .Where(s => s.Score is not null)
        .Select(s => SubscaleText(Definition, s.SubscaleId, s.Score!.Value, s.Band)));

    private static string SubscaleText(InstrumentDefinition? definition, string id, double value, InterpretationBand? band) =>
        $"{definition?.FindSubscale(id)?.Name ?? id} {ChartText(value)}{(band is null ? "" : $" ({band.Label})")}";

    // This page's own address, path and query (a fragment link must carry it under <base href="/">).
    private string PagePath => Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0];
}

/// <summary>The Assess page's posted fields besides the answers (bound with <c>[SupplyParameterFromForm]</c>).</summary>
internal sealed class AssessPost
{
    /// <summary>The instrument's catalog id.</summary>
    public string? Instrument { get; set; }

    /// <summary>The chosen client's id ("D" format), or empty.</summary>
    public string? Client { get; set; }

    /// <summary>The response's id, which becomes the saved score's id.</summary>
    public string? Response { get; set; }

    /// <summary>When the response was scored, round-trip format.</summary>
    public string? Completed { get; set; }
}
