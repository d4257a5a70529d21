using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery;

/// <summary>
/// A change of one field (an archive mark) applied to a record as stored now, written only if the store still holds
/// what was read. Another tab's write that lands between the read and the write (a rename, an edit) is read back and
/// the change applied on top of it, so neither is lost; before, the read was followed by an unconditional write, which
/// put the record back as read and undid such a write.
/// </summary>
internal static class StoreChanges
{
    /// <summary>How many times a change is read again and re-applied after another write landed in between.</summary>
    internal const int Attempts = 5;

    /// <summary>Reads the record, applies <paramref name="change"/> and writes it if the store still holds what was read.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="read">Reads the record as stored now.</param>
    /// <param name="change">The changed record, or null when there is nothing to change (already archived elsewhere).</param>
    /// <param name="writeIfUnchanged">The store's conditional update: (changed, expected).</param>
    /// <exception cref="PracticeStoreException">The store refused the write, or <see cref="PracticeStoreError.Conflict"/>
    /// when the record changed between read and write <see cref="Attempts"/> times in a row.</exception>
    public static async Task ApplyAsync<T>(Func<Task<T>> read, Func<T, T?> change, Func<T, T, Task> writeIfUnchanged)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await read();
            if (change(stored) is not { } changed)
            {
                return;
            }

            try
            {
                await writeIfUnchanged(changed, stored);
                return;
            }
            catch (PracticeStoreException ex) when (ex.Error == PracticeStoreError.Conflict && attempt < Attempts)
            {
                // Another write landed in between: read it and apply the change on top of it.
            }
        }
    }
}
