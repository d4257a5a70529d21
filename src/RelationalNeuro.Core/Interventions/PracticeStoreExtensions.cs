using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>Conveniences over <see cref="IPracticeStore"/>.</summary>
public static class PracticeStoreExtensions
{
    /// <summary>Adds one entry (an atomic write of a one-item batch).</summary>
    /// <param name="store">The store.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PracticeStoreException">See <see cref="IPracticeStore.AddEntriesAsync"/>; problems are located as <c>$[0]…</c>.</exception>
    public static Task AddEntryAsync(this IPracticeStore store, PracticeEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        Guard.NotNull(entry);
        return store.AddEntriesAsync([entry], cancellationToken);
    }
}
