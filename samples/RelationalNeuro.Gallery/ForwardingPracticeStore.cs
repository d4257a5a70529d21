using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery;

/// <summary>
/// An <see cref="IPracticeStore"/> that passes every call to <see cref="Inner"/>; a subclass overrides what it adds
/// (<see cref="OpenedOnUsePracticeStore"/> resolves the store at each call; the tests run another tab's write between
/// a page's read and its write).
/// </summary>
public abstract class ForwardingPracticeStore : IPracticeStore
{
    /// <summary>The store the calls go to (read at each call).</summary>
    protected abstract IPracticeStore Inner { get; }

    /// <inheritdoc />
    public virtual Task AddClientAsync(Client client, CancellationToken cancellationToken = default) => Inner.AddClientAsync(client, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Client?> GetClientAsync(Guid clientId, CancellationToken cancellationToken = default) => Inner.GetClientAsync(clientId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<Client>> ListClientsAsync(CancellationToken cancellationToken = default) => Inner.ListClientsAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task UpdateClientAsync(Client client, CancellationToken cancellationToken = default) => Inner.UpdateClientAsync(client, cancellationToken);

    /// <inheritdoc />
    public virtual Task UpdateClientIfUnchangedAsync(Client client, Client expected, CancellationToken cancellationToken = default) => Inner.UpdateClientIfUnchangedAsync(client, expected, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> DeleteClientAsync(Guid clientId, CancellationToken cancellationToken = default) => Inner.DeleteClientAsync(clientId, cancellationToken);

    /// <inheritdoc />
    public virtual Task AddPlanAsync(PracticePlan plan, CancellationToken cancellationToken = default) => Inner.AddPlanAsync(plan, cancellationToken);

    /// <inheritdoc />
    public virtual Task<PracticePlan?> GetPlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default) => Inner.GetPlanAsync(clientId, planId, cancellationToken);

    /// <inheritdoc />
    public virtual Task UpdatePlanAsync(PracticePlan plan, CancellationToken cancellationToken = default) => Inner.UpdatePlanAsync(plan, cancellationToken);

    /// <inheritdoc />
    public virtual Task UpdatePlanIfUnchangedAsync(PracticePlan plan, PracticePlan expected, CancellationToken cancellationToken = default) => Inner.UpdatePlanIfUnchangedAsync(plan, expected, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> DeletePlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default) => Inner.DeletePlanAsync(clientId, planId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<PracticePlan>> ListPlansAsync(Guid clientId, CancellationToken cancellationToken = default) => Inner.ListPlansAsync(clientId, cancellationToken);

    /// <inheritdoc />
    public virtual Task AddEntriesAsync(IReadOnlyList<PracticeEntry> entries, CancellationToken cancellationToken = default) => Inner.AddEntriesAsync(entries, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<PracticeEntry>> ListEntriesAsync(Guid clientId, DateTimeOffset? fromTime = null, DateTimeOffset? toTime = null, CancellationToken cancellationToken = default) =>
        Inner.ListEntriesAsync(clientId, fromTime, toTime, cancellationToken);

    /// <inheritdoc />
    public virtual Task AddMeasurementAsync(Measurement measurement, CancellationToken cancellationToken = default) => Inner.AddMeasurementAsync(measurement, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<Measurement>> ListMeasurementsAsync(Guid clientId, CancellationToken cancellationToken = default) => Inner.ListMeasurementsAsync(clientId, cancellationToken);

    /// <inheritdoc />
    public virtual Task AddQuestionnaireScoreAsync(QuestionnaireScore score, CancellationToken cancellationToken = default) => Inner.AddQuestionnaireScoreAsync(score, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<QuestionnaireScore>> ListQuestionnaireScoresAsync(Guid clientId, CancellationToken cancellationToken = default) => Inner.ListQuestionnaireScoresAsync(clientId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ClientRecord> ExportClientAsync(Guid clientId, CancellationToken cancellationToken = default) => Inner.ExportClientAsync(clientId, cancellationToken);

    /// <inheritdoc />
    public virtual Task ImportClientAsync(ClientRecord record, CancellationToken cancellationToken = default) => Inner.ImportClientAsync(record, cancellationToken);
}
