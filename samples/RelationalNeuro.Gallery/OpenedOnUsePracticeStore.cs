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
internal sealed class OpenedOnUsePracticeStore(IServiceProvider services) : IPracticeStore
{
    private SqlitePracticeStore Store => services.GetRequiredService<SqlitePracticeStore>();

    public Task AddClientAsync(Client client, CancellationToken cancellationToken = default) => Store.AddClientAsync(client, cancellationToken);

    public Task<Client?> GetClientAsync(Guid clientId, CancellationToken cancellationToken = default) => Store.GetClientAsync(clientId, cancellationToken);

    public Task<IReadOnlyList<Client>> ListClientsAsync(CancellationToken cancellationToken = default) => Store.ListClientsAsync(cancellationToken);

    public Task UpdateClientAsync(Client client, CancellationToken cancellationToken = default) => Store.UpdateClientAsync(client, cancellationToken);

    public Task UpdateClientIfUnchangedAsync(Client client, Client expected, CancellationToken cancellationToken = default) => Store.UpdateClientIfUnchangedAsync(client, expected, cancellationToken);

    public Task<bool> DeleteClientAsync(Guid clientId, CancellationToken cancellationToken = default) => Store.DeleteClientAsync(clientId, cancellationToken);

    public Task AddPlanAsync(PracticePlan plan, CancellationToken cancellationToken = default) => Store.AddPlanAsync(plan, cancellationToken);

    public Task<PracticePlan?> GetPlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default) => Store.GetPlanAsync(clientId, planId, cancellationToken);

    public Task UpdatePlanAsync(PracticePlan plan, CancellationToken cancellationToken = default) => Store.UpdatePlanAsync(plan, cancellationToken);

    public Task UpdatePlanIfUnchangedAsync(PracticePlan plan, PracticePlan expected, CancellationToken cancellationToken = default) => Store.UpdatePlanIfUnchangedAsync(plan, expected, cancellationToken);

    public Task<bool> DeletePlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default) => Store.DeletePlanAsync(clientId, planId, cancellationToken);

    public Task<IReadOnlyList<PracticePlan>> ListPlansAsync(Guid clientId, CancellationToken cancellationToken = default) => Store.ListPlansAsync(clientId, cancellationToken);

    public Task AddEntriesAsync(IReadOnlyList<PracticeEntry> entries, CancellationToken cancellationToken = default) => Store.AddEntriesAsync(entries, cancellationToken);

    public Task<IReadOnlyList<PracticeEntry>> ListEntriesAsync(Guid clientId, DateTimeOffset? fromTime = null, DateTimeOffset? toTime = null, CancellationToken cancellationToken = default) =>
        Store.ListEntriesAsync(clientId, fromTime, toTime, cancellationToken);

    public Task AddMeasurementAsync(Measurement measurement, CancellationToken cancellationToken = default) => Store.AddMeasurementAsync(measurement, cancellationToken);

    public Task<IReadOnlyList<Measurement>> ListMeasurementsAsync(Guid clientId, CancellationToken cancellationToken = default) => Store.ListMeasurementsAsync(clientId, cancellationToken);

    public Task AddQuestionnaireScoreAsync(QuestionnaireScore score, CancellationToken cancellationToken = default) => Store.AddQuestionnaireScoreAsync(score, cancellationToken);

    public Task<IReadOnlyList<QuestionnaireScore>> ListQuestionnaireScoresAsync(Guid clientId, CancellationToken cancellationToken = default) => Store.ListQuestionnaireScoresAsync(clientId, cancellationToken);

    public Task<ClientRecord> ExportClientAsync(Guid clientId, CancellationToken cancellationToken = default) => Store.ExportClientAsync(clientId, cancellationToken);

    public Task ImportClientAsync(ClientRecord record, CancellationToken cancellationToken = default) => Store.ImportClientAsync(record, cancellationToken);
}
