using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components;

/// <summary>
/// A form for any <see cref="InstrumentDefinition"/> (a catalog instrument from <see cref="InstrumentCatalog"/> or one
/// loaded with <see cref="InstrumentLoader"/>): one fieldset per item with the response scale as native radio
/// buttons, the instrument's citation and licence line, validation of unanswered items, and on submit the
/// <see cref="ScoreResult"/> of <see cref="InstrumentScorer"/> with subscales and interpretation bands.
/// </summary>
/// <remarks>
/// <para><b>Wording.</b> An item shows <see cref="InstrumentItem.Text"/> when the definition carries it. Where the
/// licence keeps the wording out of the package (<see cref="InstrumentLicence.ShipItemWording"/> false and no text),
/// the form says so and shows "Item n" with the scale's anchors; apply the licensed wording with
/// <see cref="WordingOverlay.Apply"/> and pass the result as <see cref="Definition"/> to fill the items in.</para>
/// <para><b>Keyboard.</b> Native radio groups: Tab moves between items (to the checked or first option), the arrow
/// keys choose within an item, Enter on the submit button submits. Nothing is handled in script.</para>
/// <para><b>Validation.</b> Every item is required. After a submit with unanswered items, each one is marked
/// <c>aria-invalid</c> with a message linked by <c>aria-describedby</c>, and a summary (focused) links to them;
/// the marks clear as the person answers. Inside an <c>EditForm</c> the form renders no form element of its own
/// and takes part in the cascading <see cref="EditContext"/>: one <see cref="FieldIdentifier"/> per item (model: the
/// form's answers, field name <c>{FieldName}-{number}</c>), messages in its own <see cref="ValidationMessageStore"/>,
/// and <see cref="OnSubmit"/> raised when the EditForm validates a complete response.</para>
/// <para><b>Static rendering.</b> Without interactivity the widget renders a plain <c>POST</c> form whose radio
/// groups are named <c>{FieldName}-{number}</c> with invariant integer values; the page reads the posted fields and
/// passes them back as <see cref="Answers"/> with <see cref="ShowValidation"/> true, and the form shows the
/// unanswered items and, when complete, the score.</para>
/// </remarks>
public partial class QuestionnaireForm : IDisposable
{
    private readonly Dictionary<int, int> _answers = [];
    private readonly HashSet<int> _touched = [];
    private InstrumentDefinition? _definition;
    private InstrumentScorer? _scorer;
    private ScoreResult? _result;
    private bool _showSummary;
    private bool _focusSummary;
    private ElementReference _summaryHeading;
    private EditContext? _subscribed;
    private ValidationMessageStore? _messages;
    private IStringLocalizer? _text;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private IStringLocalizer T => _text ??= WidgetText.For<QuestionnaireForm>(Services);

    /// <summary>The instrument to render, e.g. <c>InstrumentCatalog.Get("who-5")</c>. Required.</summary>
    [Parameter, EditorRequired]
    public InstrumentDefinition Definition { get; set; } = null!;

    /// <summary>The scorer to use; null (the default) scores with a new <see cref="InstrumentScorer"/> over <see cref="Definition"/> and default options.</summary>
    [Parameter]
    public InstrumentScorer? Scorer { get; set; }

    /// <summary>The answers given so far: item number → scale value (whole points on the instrument's scale). Null: none.</summary>
    [Parameter]
    public IReadOnlyDictionary<int, int>? Answers { get; set; }

    /// <summary>Raised with all answers when the person answers an item.</summary>
    [Parameter]
    public EventCallback<IReadOnlyDictionary<int, int>> AnswersChanged { get; set; }

    /// <summary>Raised with the score when a complete response is submitted (every item answered).</summary>
    [Parameter]
    public EventCallback<ScoreResult> OnSubmit { get; set; }

    /// <summary>Show the score, subscales and bands under the form after a submit. Default true.</summary>
    [Parameter]
    public bool ShowResult { get; set; } = true;

    /// <summary>Validate <see cref="Answers"/> at once, as after a submit (for a page that received a static POST). Default false.</summary>
    [Parameter]
    public bool ShowValidation { get; set; }

    /// <summary>The prefix of the form field names (<c>{FieldName}-{item number}</c>) and element ids. Default "item".</summary>
    [Parameter]
    public string FieldName { get; set; } = "item";

    /// <summary>The URL the static form posts to; null posts to the current page.</summary>
    [Parameter]
    public string? Action { get; set; }

    /// <summary>Extra CSS classes for the widget's section element.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the widget's section element.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>The cascading edit context of an enclosing <c>EditForm</c>, if any.</summary>
    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    private string Prefix => "rn-q-" + Definition.Id + "-" + FieldName;

    private bool WordingWithheld => !Definition.Licence.ShipItemWording && Definition.Items.Any(i => i.Text is null);

    // Every whole point of the scale is an answer; the published anchors (often only the ends and the middle, as in
    // the ECR family's 1, 4, 7) label the points they name, and the points between are offered by number.
    private IEnumerable<ResponseOption> Options => Enumerable.Range(Definition.Scale.Min, Definition.Scale.Count)
        .Select(v => Definition.Scale.FindOption(v) ?? new ResponseOption(v, ""));

    private List<int> Missing => [.. Definition.Items.Select(i => i.Number).Where(n => !_answers.ContainsKey(n))];

    private string CssClass => string.IsNullOrWhiteSpace(Class) ? "rn-q" : "rn-q " + Class;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Definition is null)
        {
            throw new ArgumentNullException(nameof(Definition), "QuestionnaireForm needs a Definition.");
        }

        if (string.IsNullOrWhiteSpace(FieldName))
        {
            throw new ArgumentException("FieldName must not be empty.", nameof(FieldName));
        }

        if (Scorer is not null && !ReferenceEquals(Scorer.Definition, Definition))
        {
            throw new ArgumentException($"Scorer scores '{Scorer.Definition.Id}', not the Definition '{Definition.Id}'.", nameof(Scorer));
        }

        if (!ReferenceEquals(_definition, Definition))
        {
            _definition = Definition;
            _scorer = Scorer ?? new InstrumentScorer(Definition);
            _answers.Clear();
            _touched.Clear();
            _result = null;
            _showSummary = false;
        }

        if (Answers is not null)
        {
            _answers.Clear();
            foreach (var (number, value) in Answers)
            {
                if (Definition.FindItem(number) is not null && value >= Definition.Scale.Min && value <= Definition.Scale.Max)
                {
                    _answers[number] = value;
                }
            }
        }

        if (ShowValidation)
        {
            _showSummary = true;
            _result = Missing.Count == 0 ? Score() : null;
        }

        if (!ReferenceEquals(_subscribed, EditContext))
        {
            Unsubscribe();
            if (EditContext is not null)
            {
                _subscribed = EditContext;
                _messages = new ValidationMessageStore(EditContext);
                EditContext.OnValidationRequested += OnValidationRequested;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusSummary)
        {
            _focusSummary = false;
            await _summaryHeading.FocusAsync();
        }
    }

    /// <summary>Stops listening to the enclosing edit context.</summary>
    public void Dispose()
    {
        Unsubscribe();
        GC.SuppressFinalize(this);
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= OnValidationRequested;
            _messages?.Clear();
            _subscribed.NotifyValidationStateChanged();
            _subscribed = null;
            _messages = null;
        }
    }

    private async Task AnswerAsync(int number, int value)
    {
        _answers[number] = value;
        _touched.Add(number);
        if (_result is not null)
        {
            _result = null;
        }

        if (_subscribed is not null && _messages is not null)
        {
            var field = Field(number);
            _messages.Clear(field);
            _subscribed.NotifyFieldChanged(field);
        }

        await AnswersChanged.InvokeAsync(new Dictionary<int, int>(_answers));
    }

    private async Task SubmitAsync()
    {
        _showSummary = true;
        if (Missing.Count > 0)
        {
            _result = null;
            _focusSummary = true;
            return;
        }

        _result = Score();
        await OnSubmit.InvokeAsync(_result);
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        if (_messages is null || _subscribed is null)
        {
            return;
        }

        _messages.Clear();
        _showSummary = true;
        var missing = Missing;
        foreach (var number in missing)
        {
            _messages.Add(Field(number), T.Format("RequiredNamed", ItemName(number)));
        }

        if (missing.Count == 0)
        {
            _result = Score();
            var result = _result;
            _ = InvokeAsync(() => OnSubmit.InvokeAsync(result));
        }
        else
        {
            _result = null;
        }

        _ = InvokeAsync(StateHasChanged);
    }

    private FieldIdentifier Field(int number) => new(_answers, FieldFor(number));

    private ScoreResult Score() =>
        _scorer!.Score(Definition.Items.Select(i => new KeyValuePair<int, double?>(i.Number, _answers.TryGetValue(i.Number, out var v) ? v : null)));

    private bool IsInvalid(int number) => _showSummary && !_answers.ContainsKey(number);

    private bool IsChecked(int number, int value) => _answers.TryGetValue(number, out var v) && v == value;

    private string FieldFor(int number) => FieldName + "-" + Number(number);

    private string ItemId(int number) => Prefix + "-" + Number(number);

    // The page's own path before the fragment: under <base href="/"> a bare "#id" resolves to the site root, so the link
    // would leave the page (the same reason the gallery's skip link carries its path).
    private string ItemLink(int number) => Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0] + "#" + ItemId(number);

    private string ItemName(int number) => T.Format("ItemNumber", Number(number));

    private string ItemText(InstrumentItem item) => item.Text is null ? ItemName(item.Number) : Number(item.Number) + ". " + item.Text;

    private string SubscaleName(string id) => Definition.FindSubscale(id)?.Name ?? id;

    private string ScoreText(SubscaleScore s) => s.Score is { } score ? WidgetText.Invariant(score, "0.##") : T["NotScored"];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
