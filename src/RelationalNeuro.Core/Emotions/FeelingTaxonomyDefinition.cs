namespace RelationalNeuro.Emotions;

/// <summary>
/// A whole feelings taxonomy as written in a JSON file (see <c>docs/emotions.md</c>); validated and indexed by
/// <see cref="FeelingTaxonomy.Create"/>.
/// </summary>
public sealed record FeelingTaxonomyDefinition
{
    /// <summary>Stable id of the taxonomy (same syntax as a feeling id), stored with every check-in.</summary>
    public string? Id { get; init; }

    /// <summary>Version of the word list; a changed list gets a new version.</summary>
    public string? Version { get; init; }

    /// <summary>Culture whose labels every feeling must have and which is the fallback for other cultures.</summary>
    public string? DefaultCulture { get; init; }

    /// <summary>Display name per culture name.</summary>
    public IReadOnlyDictionary<string, string>? Name { get; init; }

    /// <summary>Who wrote the word list and under which licence (shown by widgets that render it).</summary>
    public string? Attribution { get; init; }

    /// <summary>The core feelings (innermost ring), each with its children.</summary>
    public IReadOnlyList<FeelingDefinition>? Feelings { get; init; }
}
