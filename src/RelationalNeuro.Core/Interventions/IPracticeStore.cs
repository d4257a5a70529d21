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
    /// <remarks>Unconditional: the last write wins. An editor that must not overwrite a change saved elsewhere since it read
    /// the client uses <see cref="UpdateClientIfUnchangedAsync"/>.</remarks>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/> or <see cref="PracticeStoreError.InvalidData"/>; nothing is written.</exception>
    Task UpdateClientAsync(Client client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a stored client with <paramref name="client"/> only if the stored client still equals
    /// <paramref name="expected"/> (compare-and-swap): an optimistic-concurrency update for an editor that showed
    /// <paramref name="expected"/> and must not overwrite a change saved elsewhere since (another tab, window or program).
    /// </summary>
    /// <param name="client">The client's new state.</param>
    /// <param name="expected">The client as the caller last read it; same <see cref="Client.Id"/> as <paramref name="client"/>.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <remarks>
    /// Two clients are equal when their JSON (<see cref="PracticeJson.Serialize(Client)"/>) is: every property, compared
    /// exactly (a time's offset too). The comparison and the write are one atomic step — no other write can come between
    /// them, in this process or another sharing the store — so of two updates from the same <paramref name="expected"/>
    /// exactly one succeeds. A caller that changes only some fields can pass the client as stored now with those fields
    /// as it showed them, so that a change of other fields elsewhere is kept rather than refused.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="expected"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expected"/> has another id than <paramref name="client"/>.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownClient"/> (checked first: a deleted client
    /// is unknown, not a conflict), <see cref="PracticeStoreError.Conflict"/> (the stored client differs from
    /// <paramref name="expected"/>; problem <c>store.conflict</c> naming the id) or <see cref="PracticeStoreError.InvalidData"/>;
    /// nothing is written.</exception>
    Task UpdateClientIfUnchangedAsync(Client client, Client expected, CancellationToken cancellationToken = default);

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
    /// <remarks>Entries already logged against the plan are kept as they are. Unconditional: the last write wins; an editor
    /// that must not overwrite a change saved elsewhere uses <see cref="UpdatePlanIfUnchangedAsync"/>.</remarks>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownPlan"/> (missing, or another client's) or <see cref="PracticeStoreError.InvalidData"/>; nothing is written.</exception>
    Task UpdatePlanAsync(PracticePlan plan, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a stored plan with <paramref name="plan"/> only if the stored plan still equals <paramref name="expected"/>
    /// (compare-and-swap): an optimistic-concurrency update for an editor that showed <paramref name="expected"/> and must
    /// not overwrite a change saved elsewhere since (another tab, window or program).
    /// </summary>
    /// <param name="plan">The plan's new state.</param>
    /// <param name="expected">The plan as the caller last read it; same <see cref="PracticePlan.Id"/> and
    /// <see cref="PracticePlan.ClientId"/> as <paramref name="plan"/>.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <remarks>
    /// Two plans are equal when their JSON (<see cref="PracticeJson.Serialize(PracticePlan)"/>) is: every property, the
    /// assignments and their schedules included, in order. (Record equality would compare the lists by reference.) The
    /// comparison and the write are one atomic step, so of two updates from the same <paramref name="expected"/> exactly
    /// one succeeds. Entries already logged against the plan are kept as they are.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="expected"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expected"/> has another id or client id than <paramref name="plan"/>.</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.UnknownPlan"/> (missing, or another client's;
    /// checked first), <see cref="PracticeStoreError.Conflict"/> (the stored plan differs from <paramref name="expected"/>;
    /// problem <c>store.conflict</c> naming the id) or <see cref="PracticeStoreError.InvalidData"/>; nothing is written.</exception>
    Task UpdatePlanIfUnchangedAsync(PracticePlan plan, PracticePlan expected, CancellationToken cancellationToken = default);

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
