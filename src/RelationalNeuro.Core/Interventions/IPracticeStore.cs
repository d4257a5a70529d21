namespace RelationalNeuro.Interventions;

/// <summary>
/// Persistent practice data: clients, plans, entries, measurements and questionnaire scores, partitioned by
/// client. Implementations: <see cref="InMemoryPracticeStore"/> (tests, demos) and <c>SqlitePracticeStore</c>
/// (package RelationalNeuro.Storage.Sqlite).
/// </summary>
/// <remarks>
/// Contract every implementation keeps (and the shared tests check): every write validates with
/// <see cref="PracticeValidation"/> first and is atomic — on any <see cref="PracticeStoreException"/> nothing was
/// written; reads for one client id never return another client's data; a read for an unknown client returns
/// null or an empty list; lists are ordered (plans by id; entries, measurements and scores by time, then id).
/// Safe to call from several threads at once.
/// </remarks>
public interface IPracticeStore
{
    /// <summary>Adds a client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/> or <see cref="PracticeStoreError.DuplicateId"/>.</exception>
    Task AddClientAsync(Client client, CancellationToken cancellationToken = default);

    /// <summary>The client with <paramref name="clientId"/>, or null.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client or null.</returns>
    Task<Client?> GetClientAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>All clients, ordered by id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The clients.</returns>
    Task<IReadOnlyList<Client>> ListClientsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored client (same id) with <paramref name="client"/>: rename, change time zone, archive or restore (<see cref="Client.ArchivedAt"/>).</summary>
    /// <param name="client">The client's new state.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/> or <see cref="PracticeStoreError.InvalidData"/>; nothing is written.</exception>
    Task UpdateClientAsync(Client client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the client and everything of theirs — plans, entries, measurements and questionnaire scores — in one
    /// atomic write: all of it is gone, or (on an exception) none of it.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>True when the client was stored and is now deleted; false for an unknown client.</returns>
    /// <remarks>A file-backed store also overwrites the freed space, so the deleted data cannot be read back from the file.</remarks>
    Task<bool> DeleteClientAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>Adds a plan for an existing client.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/>, <see cref="PracticeStoreError.InvalidData"/> or <see cref="PracticeStoreError.DuplicateId"/>.</exception>
    Task AddPlanAsync(PracticePlan plan, CancellationToken cancellationToken = default);

    /// <summary>The plan with <paramref name="planId"/> if it belongs to <paramref name="clientId"/>, else null.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="planId">The plan id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan or null.</returns>
    Task<PracticePlan?> GetPlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored plan (same id, same client) with <paramref name="plan"/>: rename, reschedule, archive or restore (<see cref="PracticePlan.ArchivedAt"/>).</summary>
    /// <param name="plan">The plan's new state.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <remarks>Entries already logged against the plan are kept as they are.</remarks>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownPlan"/> (missing, or another client's) or <see cref="PracticeStoreError.InvalidData"/>; nothing is written.</exception>
    Task UpdatePlanAsync(PracticePlan plan, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the plan in one atomic write. The entries logged against it are kept — they are the client's practice —
    /// and detached from it (their <see cref="PracticeEntry.PlanId"/> becomes null).
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="planId">The plan id.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>True when the plan was stored for that client and is now deleted; false otherwise.</returns>
    Task<bool> DeletePlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default);

    /// <summary>The client's plans, ordered by id.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plans (empty for an unknown client).</returns>
    Task<IReadOnlyList<PracticePlan>> ListPlansAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>Adds entries in one atomic write: all are stored, or none.</summary>
    /// <param name="entries">The entries (any clients).</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/>, <see cref="PracticeStoreError.UnknownPlan"/>
    /// (missing or another client's), <see cref="PracticeStoreError.InvalidData"/> (problems located as <c>$[i]…</c>) or <see cref="PracticeStoreError.DuplicateId"/>.</exception>
    Task AddEntriesAsync(IReadOnlyList<PracticeEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The client's entries with <paramref name="fromTime"/> ≤ time &lt; <paramref name="toTime"/>, ordered by UTC time then id.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="fromTime">Inclusive lower bound, or null.</param>
    /// <param name="toTime">Exclusive upper bound, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries (empty for an unknown client).</returns>
    Task<IReadOnlyList<PracticeEntry>> ListEntriesAsync(Guid clientId, DateTimeOffset? fromTime = null, DateTimeOffset? toTime = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a measurement for an existing client.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/>, <see cref="PracticeStoreError.InvalidData"/> or <see cref="PracticeStoreError.DuplicateId"/>.</exception>
    Task AddMeasurementAsync(Measurement measurement, CancellationToken cancellationToken = default);

    /// <summary>The client's measurements, ordered by UTC time then id.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measurements (empty for an unknown client).</returns>
    Task<IReadOnlyList<Measurement>> ListMeasurementsAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>Adds a questionnaire score for an existing client.</summary>
    /// <param name="score">The score.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/>, <see cref="PracticeStoreError.InvalidData"/> or <see cref="PracticeStoreError.DuplicateId"/>.</exception>
    Task AddQuestionnaireScoreAsync(QuestionnaireScore score, CancellationToken cancellationToken = default);

    /// <summary>The client's questionnaire scores, ordered by UTC time then id.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The scores (empty for an unknown client).</returns>
    Task<IReadOnlyList<QuestionnaireScore>> ListQuestionnaireScoresAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>Everything about one client, for export with <see cref="PracticeJson.WriteClientRecord"/>.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, read in one consistent snapshot.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/>.</exception>
    Task<ClientRecord> ExportClientAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>Adds a whole client record (e.g. read by <see cref="PracticeJson.ReadClientRecord"/>) in one atomic write.</summary>
    /// <param name="record">The record; its client must not exist yet.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.InvalidData"/> (every problem, located) or
    /// <see cref="PracticeStoreError.DuplicateId"/>; nothing is written.</exception>
    Task ImportClientAsync(ClientRecord record, CancellationToken cancellationToken = default);
}
