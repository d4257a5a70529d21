using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The built-in questionnaire instruments, read from JSON resources embedded in this assembly (one file per
/// instrument under <c>Questionnaires/Catalog/</c>): scoring keys for every instrument of the research file, item
/// wording only where the licence allows. (The built-in practices are <see cref="Interventions.InterventionCatalog"/>.)
/// </summary>
/// <remarks>
/// The ids are listed by <see cref="Ids"/>. Each definition's <see cref="InstrumentDefinition.Notes"/> states its
/// missing-data rule, band edges and which keys are unverified, and its <see cref="InstrumentDefinition.Licence"/>
/// whether item wording ships. Licensed wording for the others is added with <see cref="WordingOverlay"/>. An
/// instrument of your own is read with <see cref="InstrumentLoader"/> and scored with <see cref="InstrumentScorer"/>;
/// it does not need to be in the catalog. Loaded once, on first use; thread-safe.
/// </remarks>
public static class InstrumentCatalog
{
    private const string Prefix = "RelationalNeuro.Questionnaires.Catalog.";

    private static readonly Lazy<FrozenDictionary<string, Entry>> Entries = new(LoadAll);

    /// <summary>The ids of every built-in instrument, sorted.</summary>
    public static ImmutableArray<string> Ids => [.. Entries.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every built-in instrument, sorted by id.</summary>
    public static ImmutableArray<InstrumentDefinition> All => [.. Ids.Select(id => Entries.Value[id].Definition)];

    /// <summary>The built-in instrument with the given id.</summary>
    /// <param name="id">An id from <see cref="Ids"/>, e.g. <c>"pss-10"</c>.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="UnknownInstrumentException">No built-in instrument has that id; the message lists <see cref="Ids"/>.</exception>
    public static InstrumentDefinition Get(string id) => Find(id).Definition;

    /// <summary>A shared scorer (default options) for the built-in instrument with the given id.</summary>
    /// <param name="id">An id from <see cref="Ids"/>.</param>
    /// <returns>The scorer; thread-safe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="UnknownInstrumentException">No built-in instrument has that id; the message lists <see cref="Ids"/>.</exception>
    public static InstrumentScorer GetScorer(string id) => Find(id).Scorer;

    /// <summary>Looks up a built-in instrument without throwing for an unknown id.</summary>
    /// <param name="id">An instrument id (ordinal, case-sensitive).</param>
    /// <param name="definition">The definition when found; null otherwise.</param>
    /// <returns>True when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static bool TryGet(string id, [NotNullWhen(true)] out InstrumentDefinition? definition)
    {
        Guard.NotNull(id);
        definition = Entries.Value.TryGetValue(id, out var entry) ? entry.Definition : null;
        return definition is not null;
    }

    /// <summary>Looks up the shared scorer of a built-in instrument without throwing for an unknown id.</summary>
    /// <param name="id">An instrument id (ordinal, case-sensitive).</param>
    /// <param name="scorer">The scorer (default options; thread-safe) when found; null otherwise.</param>
    /// <returns>True when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static bool TryGetScorer(string id, [NotNullWhen(true)] out InstrumentScorer? scorer)
    {
        Guard.NotNull(id);
        scorer = Entries.Value.TryGetValue(id, out var entry) ? entry.Scorer : null;
        return scorer is not null;
    }

    private static Entry Find(string id)
    {
        Guard.NotNull(id);
        return Entries.Value.TryGetValue(id, out var entry) ? entry : throw new UnknownInstrumentException(id, Ids, nameof(id));
    }

    private static FrozenDictionary<string, Entry> LoadAll()
    {
        var assembly = typeof(InstrumentCatalog).Assembly;
        var result = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var definition = InstrumentLoader.Load(stream).GetDefinitionOrThrow();
            result.Add(definition.Id, new Entry(definition, new InstrumentScorer(definition)));
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Entry(InstrumentDefinition Definition, InstrumentScorer Scorer);
}
