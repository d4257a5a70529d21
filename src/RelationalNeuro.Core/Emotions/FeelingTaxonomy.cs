using System.Globalization;
using System.Text.Json;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Emotions;

/// <summary>
/// A hierarchical feelings vocabulary (core → secondary → specific feelings, any depth), such as a feelings
/// wheel. Nodes are identified by path (<c>sad/hurt/rejected</c>); labels are per culture. Build one with
/// <see cref="Create"/> or <see cref="Load(Stream)"/>; the built-in ones are in <see cref="FeelingWheels"/>.
/// </summary>
/// <remarks>
/// Validation rules (each violation is a <see cref="Problem"/> located by JSON path): id, version, default
/// culture and at least one feeling are required; ids match <c>^[a-z0-9]+(-[a-z0-9]+)*$</c> and are unique among
/// siblings; every feeling has a non-empty label in the default culture; valence and arousal lie in [-1, 1];
/// colour tokens use the id syntax; the tree has no cycle (<c>taxonomy.cycle</c>) and is at most
/// <see cref="MaxDefinitionDepth"/> levels deep (<c>taxonomy.too-deep</c>). Labels may repeat anywhere: identity is the path.
/// </remarks>
public sealed class FeelingTaxonomy
{
    /// <summary>The separator between path segments.</summary>
    public const char PathSeparator = '/';

    /// <summary>
    /// The deepest level a definition may nest feelings to (32; the shipped wheels use 3). Deeper children are the
    /// problem <c>taxonomy.too-deep</c> rather than a walk whose paths grow with the square of the depth.
    /// </summary>
    public const int MaxDefinitionDepth = 32;

    private readonly Dictionary<string, FeelingNode> _byPath;

    private FeelingTaxonomy(
        string id,
        string version,
        string defaultCulture,
        IReadOnlyDictionary<string, string> name,
        string? attribution,
        IReadOnlyList<FeelingNode> roots,
        Dictionary<string, FeelingNode> byPath,
        FeelingTaxonomyDefinition definition)
    {
        Id = id;
        Version = version;
        DefaultCulture = defaultCulture;
        Name = name;
        Attribution = attribution;
        Roots = roots;
        _byPath = byPath;
        Definition = definition;
        MaxDepth = byPath.Values.Max(n => n.Depth);
    }

    /// <summary>Stable id of the taxonomy (e.g. <c>relationalneuro</c>).</summary>
    public string Id { get; }

    /// <summary>Version of the word list.</summary>
    public string Version { get; }

    /// <summary>The culture every label exists in, and the fallback for others.</summary>
    public string DefaultCulture { get; }

    /// <summary>Display name per culture.</summary>
    public IReadOnlyDictionary<string, string> Name { get; }

    /// <summary>Author and licence of the word list, or null.</summary>
    public string? Attribution { get; }

    /// <summary>The core feelings (innermost ring).</summary>
    public IReadOnlyList<FeelingNode> Roots { get; }

    /// <summary>The number of feelings at all depths.</summary>
    public int Count => _byPath.Count;

    /// <summary>The depth of the deepest feeling (1 when there are only cores).</summary>
    public int MaxDepth { get; }

    /// <summary>The validated definition this taxonomy was built from (write it back with <see cref="Save"/>).</summary>
    public FeelingTaxonomyDefinition Definition { get; }

    /// <summary>Every feeling, depth-first in file order.</summary>
    public IEnumerable<FeelingNode> Nodes
    {
        get
        {
            var stack = new Stack<FeelingNode>(Roots.Reverse());
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
    }

    /// <summary>The feeling at <paramref name="path"/>, or null when the taxonomy has none there.</summary>
    /// <param name="path">A path such as <c>sad/hurt/rejected</c> (case-sensitive).</param>
    /// <returns>The node or null.</returns>
    public FeelingNode? Find(string path) => path is not null && _byPath.TryGetValue(path, out var node) ? node : null;

    /// <summary>Whether <paramref name="path"/> names a feeling in this taxonomy.</summary>
    /// <param name="path">A path such as <c>sad/hurt/rejected</c>.</param>
    /// <returns>True when <see cref="Find"/> would return a node.</returns>
    public bool Contains(string path) => Find(path) is not null;

    /// <summary>The display name for <paramref name="culture"/> with the same fallback as <see cref="FeelingNode.GetLabel"/>.</summary>
    /// <param name="culture">The culture wanted; null means the default culture.</param>
    /// <returns>The name, or the id when the taxonomy has no name at all.</returns>
    public string GetName(CultureInfo? culture = null)
    {
        for (var c = culture; c is not null && !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Name.TryGetValue(c.Name, out var n))
            {
                return n;
            }
        }

        return Name.TryGetValue(DefaultCulture, out var d) ? d : Id;
    }

    /// <summary>Validates <paramref name="definition"/> and builds the indexed taxonomy.</summary>
    /// <param name="definition">The definition, e.g. deserialized from a file.</param>
    /// <returns>The taxonomy, or null with every problem found (never throws for bad data).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static FeelingTaxonomyResult Create(FeelingTaxonomyDefinition definition)
    {
        Guard.NotNull(definition);
        var problems = new ProblemCollector();
        if (!IsSlug(definition.Id))
        {
            SlugError(problems, "taxonomy.invalid-id", "Taxonomy id", definition.Id, "$.id");
        }

        if (string.IsNullOrWhiteSpace(definition.Version))
        {
            problems.Error("taxonomy.missing-version", "The taxonomy needs a version.", "$.version");
        }

        var culture = definition.DefaultCulture;
        if (string.IsNullOrWhiteSpace(culture))
        {
            problems.Error("taxonomy.missing-default-culture", "The taxonomy needs a defaultCulture (e.g. \"en\").", "$.defaultCulture");
            culture = null;
        }

        var byPath = new Dictionary<string, FeelingNode>(StringComparer.Ordinal);
        var roots = new List<FeelingNode>();
        if (definition.Feelings is null || definition.Feelings.Count == 0)
        {
            problems.Error("taxonomy.no-feelings", "The taxonomy has no feelings.", "$.feelings");
        }
        else
        {
            BuildTree(definition.Feelings, culture, byPath, roots, problems.At("$.feelings"));
        }

        if (problems.HasErrors)
        {
            return new FeelingTaxonomyResult(null, problems.ToList());
        }

        var taxonomy = new FeelingTaxonomy(
            definition.Id!,
            definition.Version!,
            culture!,
            definition.Name ?? new Dictionary<string, string>(),
            definition.Attribution,
            roots,
            byPath,
            definition);
        return new FeelingTaxonomyResult(taxonomy, problems.ToList());
    }

    /// <summary>The longest document <see cref="Load(Stream)"/> reads (16 MiB): a longer stream, or one that never ends, is the problem <c>taxonomy.too-large</c>.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Reads a taxonomy in the documented JSON format (UTF-8) and validates it.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <returns>The taxonomy, or every problem found, each with its JSON path; malformed JSON is one problem
    /// (<c>taxonomy.malformed-json</c>) at the path and line where the reader stopped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static FeelingTaxonomyResult Load(Stream utf8Json)
    {
        Guard.NotNull(utf8Json);
        FeelingTaxonomyDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize(new BoundedReadStream(utf8Json, MaxDocumentBytes), EmotionsJsonContext.Default.FeelingTaxonomyDefinition);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }
        catch (InputTooLargeException ex)
        {
            return new FeelingTaxonomyResult(null, ProblemList.Create([new Problem("taxonomy.too-large", ex.Message + " A feelings taxonomy is a few hundred kilobytes at most; this is not one.", Location: "$")]));
        }

        return definition is null
            ? new FeelingTaxonomyResult(null, ProblemList.Create([new Problem("taxonomy.malformed-json", "The document is JSON null.", Location: "$")]))
            : Create(definition);
    }

    /// <summary>Reads a taxonomy from a JSON string; see <see cref="Load(Stream)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The taxonomy, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static FeelingTaxonomyResult Load(string json)
    {
        Guard.NotNull(json);
        FeelingTaxonomyDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize(json, EmotionsJsonContext.Default.FeelingTaxonomyDefinition);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }

        return definition is null
            ? new FeelingTaxonomyResult(null, ProblemList.Create([new Problem("taxonomy.malformed-json", "The document is JSON null.", Location: "$")]))
            : Create(definition);
    }

    /// <summary>Writes the taxonomy's definition in the documented JSON format (indented UTF-8).</summary>
    /// <param name="utf8Json">The destination stream; not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public void Save(Stream utf8Json)
    {
        Guard.NotNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, Definition, EmotionsJsonContext.Default.FeelingTaxonomyDefinition);
    }

    /// <summary>
    /// Checks a label against this taxonomy: the path must name a feeling, the intensity lie in 0–10.
    /// </summary>
    /// <param name="label">The label to check.</param>
    /// <param name="location">Where the label is, for the problems (e.g. <c>$.labels[0]</c>).</param>
    /// <returns>The problems found; empty when the label is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    public IReadOnlyList<Problem> Validate(EmotionLabel label, string location = "$")
    {
        Guard.NotNull(label);
        if (label.IsValid && Contains(label.Path))
        {
            return ProblemList.Empty;
        }

        var problems = new ProblemCollector();
        Validate(label, problems.At(location));
        return problems.ToList();
    }

    /// <summary>Adds the problems of <see cref="Validate(EmotionLabel, string)"/> to <paramref name="problems"/>, located relative to its prefix.</summary>
    internal void Validate(EmotionLabel label, ProblemCollector problems)
    {
        label.Validate(problems);
        if (label.Path is not null && !Contains(label.Path))
        {
            problems.Error("emotion.unknown-path", $"'{label.Path}' is not a feeling in taxonomy '{Id}' {Version}.", ".path");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version} ({Count} feelings)";

    internal static bool IsSlug(string? s)
    {
        if (string.IsNullOrEmpty(s) || s[0] == '-' || s[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && s[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void SlugError(ProblemCollector problems, string code, string what, string? value, string location) =>
        problems.Error(
            code,
            value is null
                ? $"{what} is missing."
                : $"{what} '{value}' must be lower-case ASCII letters and digits separated by single hyphens.",
            location);

    private static FeelingTaxonomyResult Malformed(JsonException ex)
    {
        var where = ex.Path ?? "$";
        var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1})") : string.Empty;
        return new FeelingTaxonomyResult(null, ProblemList.Create([new Problem("taxonomy.malformed-json", ex.Message + line, Location: where)]));
    }

    /// <summary>
    /// Validates the tree and builds its nodes depth first, in document order, without recursion: an explicit stack of
    /// levels, so neither a cycle (a definition inside its own <c>children</c>) nor a deep chain can overflow the
    /// stack. A definition met again below itself is <c>taxonomy.cycle</c>; children below
    /// <see cref="MaxDefinitionDepth"/> are <c>taxonomy.too-deep</c> and not walked.
    /// </summary>
    private static void BuildTree(
        IReadOnlyList<FeelingDefinition> feelings,
        string? culture,
        Dictionary<string, FeelingNode> byPath,
        List<FeelingNode> roots,
        ProblemCollector problems)
    {
        var onPath = new HashSet<FeelingDefinition>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Level>();
        stack.Push(new Level(feelings, null, null, roots, problems, 1));
        while (stack.Count > 0)
        {
            var current = stack.Peek();
            if (current.Next >= current.Definitions.Count)
            {
                stack.Pop();
                if (current.Owner is not null)
                {
                    onPath.Remove(current.Owner);
                }

                if (current.Parent is not null)
                {
                    current.Parent.Children = current.Nodes;
                }

                continue;
            }

            var i = current.Next++;
            var at = current.Problems.At(string.Create(CultureInfo.InvariantCulture, $"[{i}]"));
            var d = current.Definitions[i];
            if (d is null)
            {
                at.Error("taxonomy.null-feeling", "A feeling is null.");
                continue;
            }

            if (onPath.Contains(d))
            {
                at.Error("taxonomy.cycle", $"Feeling '{d.Id}' contains itself (it is one of its own ancestors); a taxonomy is a tree.");
                continue;
            }

            var node = Validate(d, current, culture, byPath, at);
            if (d.Children is { Count: > 0 })
            {
                if (current.Depth >= MaxDefinitionDepth)
                {
                    at.Error(
                        "taxonomy.too-deep",
                        string.Create(CultureInfo.InvariantCulture, $"Feeling '{d.Id}' has children below depth {MaxDefinitionDepth}, the deepest level accepted; they were not read."),
                        ".children");
                    continue;
                }

                onPath.Add(d);
                stack.Push(new Level(d.Children, d, node, new List<FeelingNode>(d.Children.Count), at.At(".children"), current.Depth + 1));
            }
        }
    }

    /// <summary>Checks one feeling against its siblings; returns its node when it is valid (and a culture is known), else null.</summary>
    private static FeelingNode? Validate(FeelingDefinition d, Level level, string? culture, Dictionary<string, FeelingNode> byPath, ProblemCollector at)
    {
        var ok = true;
        if (!IsSlug(d.Id))
        {
            SlugError(at, "taxonomy.invalid-id", "Feeling id", d.Id, ".id");
            ok = false;
        }
        else if (!level.SiblingIds.Add(d.Id!))
        {
            at.Error(
                "taxonomy.duplicate-id",
                $"Feeling id '{d.Id}' appears twice under '{level.Parent?.Path ?? "(root)"}'; ids must be unique among siblings.",
                ".id");
            ok = false;
        }

        if (culture is not null && (d.Label is null || !d.Label.TryGetValue(culture, out var text) || string.IsNullOrWhiteSpace(text)))
        {
            at.Error("taxonomy.missing-label", $"Feeling '{d.Id}' has no label in the default culture '{culture}'.", ".label");
            ok = false;
        }

        ok &= CheckUnit(d.Valence, "valence", at);
        ok &= CheckUnit(d.Arousal, "arousal", at);
        if (d.Color is not null && !IsSlug(d.Color))
        {
            SlugError(at, "taxonomy.invalid-color", "Colour token", d.Color, ".color");
            ok = false;
        }

        if (!ok || culture is null)
        {
            return null;
        }

        var node = new FeelingNode(d.Id!, level.Parent, d.Label!, d.Valence, d.Arousal, d.Color, culture);
        byPath[node.Path] = node;
        level.Nodes.Add(node);
        return node;
    }

    /// <summary>One level of the walk: the sibling definitions, the next to visit, and the nodes built from them.</summary>
    private sealed class Level(IReadOnlyList<FeelingDefinition> definitions, FeelingDefinition? owner, FeelingNode? parent, List<FeelingNode> nodes, ProblemCollector problems, int depth)
    {
        public IReadOnlyList<FeelingDefinition> Definitions { get; } = definitions;

        /// <summary>The definition whose children these are (null for the roots).</summary>
        public FeelingDefinition? Owner { get; } = owner;

        /// <summary>The node built from <see cref="Owner"/>, or null when it was invalid or at the root.</summary>
        public FeelingNode? Parent { get; } = parent;

        public List<FeelingNode> Nodes { get; } = nodes;

        public ProblemCollector Problems { get; } = problems;

        /// <summary>1 for the roots.</summary>
        public int Depth { get; } = depth;

        public HashSet<string> SiblingIds { get; } = new(StringComparer.Ordinal);

        public int Next { get; set; }
    }

    private static bool CheckUnit(double? value, string name, ProblemCollector at)
    {
        if (value is { } v && !(v >= -1 && v <= 1))
        {
            at.Error("taxonomy.out-of-range", string.Create(CultureInfo.InvariantCulture, $"{name} must lie in [-1, 1]; was {v}."), "." + name);
            return false;
        }

        return true;
    }
}
