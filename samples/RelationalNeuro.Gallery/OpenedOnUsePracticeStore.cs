using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The gallery's <see cref="IPracticeStore"/>: the <see cref="SqlitePracticeStore"/> singleton, resolved at each call
/// rather than when a page is created. A store that cannot be opened (a damaged file, a read-only folder) then fails the
/// calls — each a <see cref="PracticeStoreException"/> the page can show — instead of every page that merely holds the
/// store, so "Analyse a recording" and "Assess" still analyse and score without it. The container does not keep a
/// factory's failure, so the next call tries to open the file again: once the cause is gone the store works without a
/// restart.
/// </summary>
internal sealed class OpenedOnUsePracticeStore(IServiceProvider services) : ForwardingPracticeStore
{
    /// <inheritdoc />
    protected override IPracticeStore Inner => services.GetRequiredService<SqlitePracticeStore>();
}
