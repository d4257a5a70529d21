using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The built-in instruments, read from JSON resources embedded in this assembly: scoring keys for all twenty
/// instruments of the research file, item wording only where the licence allows (MAAS, WHO-5, SCS-SF, SWLS).
/// </summary>
/// <remarks>
/// Ids: <c>ecr-r, ecr-rs, ecr-s, rq, teq, iri, maas, ffmq-15, ders-36, ders-16, erq, gq-6, brs, pss-10, pss-4,
/// who-5, swls, ucla-3, scs-sf, wai-sr</c>. Each definition's <see cref="InstrumentDefinition.Notes"/> states its
/// missing-data rule, band edges and which keys are unverified. Licensed wording for the others is added with
/// <see cref="WordingOverlay"/>. Loaded once, on first use; thread-safe.
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
    /// <exception cref="KeyNotFoundException">No built-in instrument has that id.</exception>
    public static InstrumentDefinition Get(string id) => Find(id).Definition;

    /// <summary>A shared scorer (default options) for the built-in instrument with the given id.</summary>
    /// <param name="id">An id from <see cref="Ids"/>.</param>
    /// <returns>The scorer; thread-safe.</returns>
    /// <exception cref="KeyNotFoundException">No built-in instrument has that id.</exception>
    public static InstrumentScorer GetScorer(string id) => Find(id).Scorer;

    /// <summary>Looks up a built-in instrument.</summary>
    /// <param name="id">An instrument id.</param>
    /// <param name="definition">The definition when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string id, [NotNullWhen(true)] out InstrumentDefinition? definition)
    {
        definition = Entries.Value.TryGetValue(id, out var entry) ? entry.Definition : null;
        return definition is not null;
    }

    private static Entry Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Entries.Value.TryGetValue(id, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No built-in instrument '{id}'. Known: {string.Join(", ", Entries.Value.Keys.Order(StringComparer.Ordinal))}.");
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
