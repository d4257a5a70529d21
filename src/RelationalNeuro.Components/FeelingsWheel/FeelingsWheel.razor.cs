using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Components;

/// <summary>
/// A feelings wheel: an SVG sunburst of any <see cref="FeelingTaxonomy"/> (core feelings in the inner ring, more
/// specific ones outwards, any depth), drawn in C# with a fixed viewBox. Selecting a segment selects that feeling
/// (<see cref="Value"/>, or <see cref="Values"/> with <see cref="Multiple"/>); an optional intensity step follows;
/// a core can be zoomed into and back.
/// </summary>
/// <remarks>
/// <para><b>Values</b> are taxonomy paths (<see cref="FeelingNode.Path"/>, e.g. <c>sad/lonely/isolated</c>): the
/// stable id that <see cref="EmotionLabel.Path"/> stores. What people see and hear is the label path
/// (<see cref="FeelingNode.GetLabelPath"/>, "Sad › Lonely › Isolated").</para>
/// <para><b>Geometry.</b> Each feeling's angle is proportional to the number of leaves under it; rings share the
/// radius equally. Labels run along the radius and are cut with "…" when longer than the ring is wide (the full
/// label path stays in the segment's <c>&lt;title&gt;</c> and accessible name); sectors too thin for a line of
/// text carry no label.</para>
/// <para><b>Keyboard</b> (roving tabindex, one segment in the tab order): ↓/↑ next/previous feeling in the ring,
/// → outwards to a more specific feeling, ← inwards to the more general one, Home/End first/last in the ring,
/// Enter/Space select, + zooms into the focused feeling's core, − or Escape zooms out. The handling is C#; a
/// collocated module stops the browser's default action (scrolling) for those keys and moves focus to the chosen
/// segment unless focus has left the segments meanwhile (a Tab pressed before the render arrived).</para>
/// <para><b>Static rendering.</b> Without interactivity the widget draws the wheel as a picture and renders a
/// GET form of radio buttons (checkboxes with <see cref="Multiple"/>), one fieldset per core feeling, named
/// <see cref="FieldName"/>; the page reads the submitted path from the query string and passes it back as
/// <see cref="Value"/>.</para>
/// </remarks>
public partial class FeelingsWheel : IAsyncDisposable
{
    private const string ModulePath = "_content/RelationalNeuro.Components/FeelingsWheel/FeelingsWheel.razor.js";

    private readonly Dictionary<string, ElementReference> _segmentRefs = new(StringComparer.Ordinal);
    private readonly List<FeelingNode> _selected = [];
    private Dictionary<string, int> _intensities = new(StringComparer.Ordinal);
    private IReadOnlyList<IReadOnlyList<WheelSegment>> _rings = [];
    private FeelingTaxonomy? _laidOutTaxonomy;
    private FeelingNode? _laidOutZoom;
    private string? _laidOutCulture;
    private FeelingNode? _zoom;
    private string? _zoomParameter;
    private FeelingTaxonomy? _zoomTaxonomy;
    private FeelingNode? _active;
    private bool _focusPending;
    private ElementReference _svg;
    private IJSObjectReference? _module;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private IStringLocalizer? _text;

    private IStringLocalizer T => _text ??= WidgetText.For<FeelingsWheel>(Services);

    /// <summary>The taxonomy to draw, e.g. <see cref="FeelingWheels.RelationalNeuro"/>. Required.</summary>
    [Parameter, EditorRequired]
    public FeelingTaxonomy Taxonomy { get; set; } = null!;

    /// <summary>The selected feeling's path (single selection), or null.</summary>
    [Parameter]
    public string? Value { get; set; }

    /// <summary>Raised with the path when a feeling is selected (single selection).</summary>
    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>Let several feelings be selected (checkbox semantics); bind <see cref="Values"/> then. Default false.</summary>
    [Parameter]
    public bool Multiple { get; set; }

    /// <summary>The selected feelings' paths, in the order they were chosen (with <see cref="Multiple"/>).</summary>
    [Parameter]
    public IReadOnlyList<string>? Values { get; set; }

    /// <summary>Raised with all selected paths when a feeling is selected or cleared (with <see cref="Multiple"/>).</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<string>> ValuesChanged { get; set; }

    /// <summary>
    /// Ask how strong each selected feeling is, on a scale from 1 to this number (2–10; e.g. 5). Null (the default)
    /// skips the step. The 0–10 range of <see cref="EmotionLabel.Intensity"/> holds every answer as given.
    /// </summary>
    [Parameter]
    public int? IntensityMax { get; set; }

    /// <summary>The intensity rated for each selected path (1 – <see cref="IntensityMax"/>); unrated paths are absent.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, int>? Intensities { get; set; }

    /// <summary>Raised with all ratings when one changes or a rated feeling is cleared.</summary>
    [Parameter]
    public EventCallback<IReadOnlyDictionary<string, int>> IntensitiesChanged { get; set; }

    /// <summary>The path of the core feeling zoomed into, or null for the whole wheel.</summary>
    [Parameter]
    public string? Zoom { get; set; }

    /// <summary>Raised when the reader zooms in (with the core's path) or out (null).</summary>
    [Parameter]
    public EventCallback<string?> ZoomChanged { get; set; }

    /// <summary>The culture of the labels; null uses <see cref="CultureInfo.CurrentUICulture"/> (falling back to the taxonomy's default).</summary>
    [Parameter]
    public CultureInfo? Culture { get; set; }

    /// <summary>The accessible name of the group of segments; null uses the taxonomy's name.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The form field name under static rendering (the query-string key of the chosen path). Default "feeling".</summary>
    [Parameter]
    public string FieldName { get; set; } = "feeling";

    /// <summary>Extra CSS classes for the widget's section element.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the widget's section element.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    private CultureInfo LabelCulture => Culture ?? CultureInfo.CurrentUICulture;

    private string GroupLabel => Label ?? Taxonomy.GetName(LabelCulture);

    private string CssClass
    {
        get
        {
            var mode = RendererInfo.IsInteractive ? "" : " rn-wheel--static";
            var zoom = _zoom is null ? "" : " rn-wheel--zoomed";
            return string.IsNullOrWhiteSpace(Class) ? $"rn-wheel{mode}{zoom}" : $"rn-wheel{mode}{zoom} {Class}";
        }
    }

    private string SegmentRole => Multiple ? "checkbox" : "radio";

    private string GroupRole => Multiple ? "group" : "radiogroup";

    private FeelingNode? ZoomTarget => _zoom is null && TabStop.Core is { Children.Count: > 0 } core ? core : null;

    private string? ZoomButtonText => _zoom is not null
        ? T["ShowWholeWheel"]
        : ZoomTarget is { } target && Taxonomy.Roots.Count > 1 ? T.Format("ZoomInto", target.GetLabel(LabelCulture)) : null;

    private string SelectionText => _selected.Count == 0
        ? T["NothingSelected"]
        : T.Format("Selected", string.Join("; ", _selected.Select(n => n.GetLabelPath(LabelCulture))));

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Taxonomy is null)
        {
            throw new ArgumentNullException(nameof(Taxonomy), "FeelingsWheel needs a Taxonomy.");
        }

        if (IntensityMax is { } max && max is < 2 or > EmotionLabel.MaxIntensity)
        {
            throw new ArgumentOutOfRangeException(nameof(IntensityMax), IntensityMax, "IntensityMax must lie in 2–10 (EmotionLabel intensities are 0–10).");
        }

        if (string.IsNullOrWhiteSpace(FieldName))
        {
            throw new ArgumentException("FieldName must not be empty.", nameof(FieldName));
        }

        // The zoom is the reader's state too: a parent that does not bind Zoom re-renders with the same value,
        // which must not undo the reader's zoom. Only a new value (or a new taxonomy) is applied.
        if (!ReferenceEquals(_zoomTaxonomy, Taxonomy) || Zoom != _zoomParameter)
        {
            var zoom = Zoom is null ? null : Resolve(Zoom, nameof(Zoom));
            if (zoom is { Parent: not null })
            {
                throw new ArgumentException($"Zoom must name a core feeling; '{Zoom}' is not a core of '{Taxonomy.Id}'.", nameof(Zoom));
            }

            _zoom = zoom;
            _zoomParameter = Zoom;
            _zoomTaxonomy = Taxonomy;
        }

        _selected.Clear();
        if (Multiple)
        {
            foreach (var path in Values ?? [])
            {
                var node = Resolve(path, nameof(Values));
                if (!_selected.Contains(node))
                {
                    _selected.Add(node);
                }
            }
        }
        else if (Value is not null)
        {
            _selected.Add(Resolve(Value, nameof(Value)));
        }

        _intensities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, level) in Intensities ?? new Dictionary<string, int>())
        {
            if (IntensityMax is { } top && (level < 1 || level > top))
            {
                throw new ArgumentOutOfRangeException(nameof(Intensities), level, $"The intensity of '{path}' must lie in 1–{top}.");
            }

            _intensities[path] = level;
        }

        EnsureLayout();
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            try
            {
                var module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets[ModulePath]);
                if (_disposed)
                {
                    await module.DisposeAsync();
                    return;
                }

                _module = module;
                await _module.InvokeVoidAsync("attach", _svg);
            }
            catch (JSDisconnectedException)
            {
                // The circuit went away while the module loaded: nothing to attach to.
            }
        }

        if (_focusPending && _active is not null && _segmentRefs.TryGetValue(_active.Path, out var target))
        {
            _focusPending = false;
            try
            {
                // Through the module where it is loaded: a Tab pressed before this render arrived keeps its focus.
                if (_module is not null)
                {
                    await _module.InvokeVoidAsync("focusSegment", _svg, target);
                }
                else
                {
                    await target.FocusAsync();
                }
            }
            catch (JSDisconnectedException)
            {
                // Focus is moot once the circuit is gone.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _svg);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; so is the listener.
            }
        }

        GC.SuppressFinalize(this);
    }

    private FeelingNode Resolve(string path, string parameter) =>
        Taxonomy.Find(path) ?? throw new ArgumentException($"'{path}' is not a feeling in taxonomy '{Taxonomy.Id}' {Taxonomy.Version}.", parameter);

    private void EnsureLayout()
    {
        var culture = LabelCulture.Name;
        if (ReferenceEquals(_laidOutTaxonomy, Taxonomy) && ReferenceEquals(_laidOutZoom, _zoom) && _laidOutCulture == culture)
        {
            return;
        }

        _rings = WheelLayout.Compute(_zoom is null ? Taxonomy.Roots : [_zoom], Taxonomy.Roots, LabelCulture);
        _laidOutTaxonomy = Taxonomy;
        _laidOutZoom = _zoom;
        _laidOutCulture = culture;
        if (_active is not null && Find(_active) is null)
        {
            _active = null;
        }
    }

    private (int Ring, int Index)? Find(FeelingNode node)
    {
        for (var r = 0; r < _rings.Count; r++)
        {
            var ring = _rings[r];
            for (var i = 0; i < ring.Count; i++)
            {
                if (ReferenceEquals(ring[i].Node, node))
                {
                    return (r, i);
                }
            }
        }

        return null;
    }

    /// <summary>The one segment in the tab order: the focused one, else the first selected one that is drawn, else the first.</summary>
    private FeelingNode TabStop
    {
        get
        {
            if (_active is not null)
            {
                return _active;
            }

            foreach (var node in _selected)
            {
                if (Find(node) is not null)
                {
                    return node;
                }
            }

            return _rings[0][0].Node;
        }
    }

    private bool IsSelected(FeelingNode node) => _selected.Contains(node);

    /// <summary>Whether <paramref name="node"/> is a more general feeling on the way to a selected one.</summary>
    private bool IsOnSelectedPath(FeelingNode node)
    {
        foreach (var selected in _selected)
        {
            if (IsAncestorOf(node, selected))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAncestorOf(FeelingNode node, FeelingNode descendant)
    {
        for (var n = descendant.Parent; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, node))
            {
                return true;
            }
        }

        return false;
    }

    private void OnSegmentFocus(FeelingNode node) => _active = node;

    private Task OnSegmentClickAsync(FeelingNode node)
    {
        _active = node;
        return SelectAsync(node);
    }

    private async Task SelectAsync(FeelingNode node)
    {
        if (Multiple)
        {
            if (!_selected.Remove(node))
            {
                _selected.Add(node);
            }
            else if (_intensities.Remove(node.Path))
            {
                await IntensitiesChanged.InvokeAsync(new Dictionary<string, int>(_intensities, StringComparer.Ordinal));
            }

            await ValuesChanged.InvokeAsync(_selected.Select(n => n.Path).ToArray());
            return;
        }

        if (_selected.Count == 1 && ReferenceEquals(_selected[0], node))
        {
            return;
        }

        var dropped = _selected.Count == 1 && _intensities.Remove(_selected[0].Path);
        _selected.Clear();
        _selected.Add(node);
        if (dropped)
        {
            await IntensitiesChanged.InvokeAsync(new Dictionary<string, int>(_intensities, StringComparer.Ordinal));
        }

        await ValueChanged.InvokeAsync(node.Path);
    }

    private async Task OnIntensityAsync(FeelingNode node, int level)
    {
        _intensities[node.Path] = level;
        await IntensitiesChanged.InvokeAsync(new Dictionary<string, int>(_intensities, StringComparer.Ordinal));
    }

    private async Task SetZoomAsync(FeelingNode? core)
    {
        if (ReferenceEquals(core, _zoom))
        {
            return;
        }

        _zoom = core;
        EnsureLayout();
        await ZoomChanged.InvokeAsync(core?.Path);
    }

    private Task ToggleZoomAsync() => SetZoomAsync(_zoom is null ? ZoomTarget : null);

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }

        var current = TabStop;
        if (Find(current) is not { } at)
        {
            return;
        }

        var ring = _rings[at.Ring];
        FeelingNode? next = null;
        switch (e.Key)
        {
            case "ArrowDown":
                next = ring[(at.Index + 1) % ring.Count].Node;
                break;
            case "ArrowUp":
                next = ring[(at.Index - 1 + ring.Count) % ring.Count].Node;
                break;
            case "Home":
                next = ring[0].Node;
                break;
            case "End":
                next = ring[^1].Node;
                break;
            case "ArrowRight":
                next = current.Children.Count > 0 ? current.Children[0] : null;
                break;
            case "ArrowLeft":
                next = at.Ring > 0 ? current.Parent : null;
                break;
            case "Enter":
            case " ":
            case "Spacebar":
                await SelectAsync(current);
                break;
            case "+":
            case "=":
                if (_zoom is null && current.Core.Children.Count > 0 && Taxonomy.Roots.Count > 1)
                {
                    await SetZoomAsync(current.Core);
                    _active = current;
                    _focusPending = true;
                }

                break;
            case "-":
            case "Escape":
                if (_zoom is not null)
                {
                    await SetZoomAsync(null);
                    _active = current;
                    _focusPending = true;
                }

                break;
        }

        if (next is not null && !ReferenceEquals(next, current))
        {
            _active = next;
            _focusPending = true;
        }
    }

    private string SegmentClass(WheelSegment segment) =>
        IsSelected(segment.Node) ? "rn-wheel__segment rn-wheel__segment--selected" : "rn-wheel__segment";

    private static string Num(double value) => WheelLayout.N(value);

    private static string Rotate(WheelSegment s) => string.Create(
        CultureInfo.InvariantCulture, $"rotate({Num(s.TextRotation)} {Num(s.TextX)} {Num(s.TextY)})");

    // Razor reserves <text>, so the SVG label element is built here; the scoped CSS reaches it with ::deep.
    private RenderFragment? LabelText(WheelSegment s) => s.Text is null ? null : builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", IsSelected(s.Node) ? "rn-wheel__label rn-wheel__label--selected" : "rn-wheel__label");
        builder.AddAttribute(2, "data-ring", Level(s.Ring));
        builder.AddAttribute(3, "x", Num(s.TextX));
        builder.AddAttribute(4, "y", Num(s.TextY));
        builder.AddAttribute(5, "transform", Rotate(s));
        builder.AddContent(6, s.Text);
        builder.CloseElement();
    };

    private static string Level(int level) => level.ToString(CultureInfo.InvariantCulture);

    private string IntensityName(FeelingNode node) => $"{FieldName}-intensity-{node.Path}";

    private string IntensityLegend(FeelingNode node) =>
        T.Format("IntensityLegend", node.GetLabelPath(LabelCulture), Level(IntensityMax ?? 0));

    private static IEnumerable<FeelingNode> Subtree(FeelingNode core)
    {
        var stack = new Stack<FeelingNode>();
        stack.Push(core);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    private static Stack<FeelingNode> Ancestors(FeelingNode node)
    {
        var chain = new Stack<FeelingNode>();
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            chain.Push(n);
        }

        return chain;
    }

    private string AncestorPrefix(FeelingNode node) =>
        node.Parent is null ? "" : string.Concat(Ancestors(node).Select(a => a.GetLabel(LabelCulture) + FeelingNode.LabelPathSeparator));
}
