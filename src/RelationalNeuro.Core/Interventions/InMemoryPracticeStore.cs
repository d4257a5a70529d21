using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// An <see cref="IPracticeStore"/> in process memory, for tests and demos. Items are kept as their JSON (so a
/// caller mutating a list it passed in cannot change stored data) behind one lock; every write is validated
/// whole before anything is changed.
/// </summary>
public sealed class InMemoryPracticeStore : IPracticeStore
{
    private readonly object _gate = new();
    private readonly PracticeStoreOptions _options;
    private readonly SortedDictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (Guid ClientId, string Json)> _plans = [];
    private readonly Dictionary<Guid, Row> _entries = [];
    private readonly Dictionary<Guid, Row> _measurements = [];
    private readonly Dictionary<Guid, Row> _questionnaires = [];

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">What writes are validated against; null means <see cref="PracticeStoreOptions.Default"/>.</param>
    public InMemoryPracticeStore(PracticeStoreOptions? options = null) => _options = options ?? PracticeStoreOptions.Default;

    /// <inheritdoc />
    public Task AddClientAsync(Client client, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClient(client), "The client is invalid");
        lock (_gate)
        {
            if (_clients.ContainsKey(Key(client.Id)))
            {
                throw Duplicate("client", client.Id);
            }

            _clients.Add(Key(client.Id), PracticeJson.Serialize(client));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Client?> GetClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_clients.TryGetValue(Key(clientId), out var json) ? PracticeJson.DeserializeClient(json) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Client>> ListClientsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Client>>(_clients.Values.Select(PracticeJson.DeserializeClient).ToList());
        }
    }

    /// <inheritdoc />
    public Task UpdateClientAsync(Client client, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClient(client), "The client is invalid");
        lock (_gate)
        {
            if (!_clients.ContainsKey(Key(client.Id)))
            {
                throw UnknownClient(client.Id);
            }

            _clients[Key(client.Id)] = PracticeJson.Serialize(client);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateClientIfUnchangedAsync(Client client, Client expected, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(client);
        Guard.NotNull(expected);
        if (expected.Id != client.Id)
        {
            throw new ArgumentException($"The expected client has id {expected.Id}, the update {client.Id}.", nameof(expected));
        }

        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClient(client), "The client is invalid");
        var expectedJson = PracticeJson.Serialize(expected);
        lock (_gate)
        {
            if (!_clients.TryGetValue(Key(client.Id), out var stored))
            {
                throw UnknownClient(client.Id);
            }

            // Stored JSON is always this serializer's output, so equal records have equal text.
            if (!string.Equals(stored, expectedJson, StringComparison.Ordinal))
            {
                throw Conflict("client", client.Id);
            }

            _clients[Key(client.Id)] = PracticeJson.Serialize(client);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_clients.Remove(Key(clientId)))
            {
                return Task.FromResult(false);
            }

            foreach (var id in _plans.Where(p => p.Value.ClientId == clientId).Select(p => p.Key).ToList())
            {
                _plans.Remove(id);
            }

            foreach (var rows in (Dictionary<Guid, Row>[])[_entries, _measurements, _questionnaires])
            {
                foreach (var id in rows.Where(r => r.Value.ClientId == clientId).Select(r => r.Key).ToList())
                {
                    rows.Remove(id);
                }
            }
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task AddPlanAsync(PracticePlan plan, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidatePlan(plan, _options), "The plan is invalid");
        lock (_gate)
        {
            if (!_clients.ContainsKey(Key(plan.ClientId)))
            {
                throw UnknownClient(plan.ClientId);
            }

            if (_plans.ContainsKey(plan.Id))
            {
                throw Duplicate("plan", plan.Id);
            }

            _plans.Add(plan.Id, (plan.ClientId, PracticeJson.Serialize(plan)));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PracticePlan?> GetPlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_plans.TryGetValue(planId, out var p) && p.ClientId == clientId ? PracticeJson.DeserializePlan(p.Json) : null);
        }
    }

    /// <inheritdoc />
    public Task UpdatePlanAsync(PracticePlan plan, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidatePlan(plan, _options), "The plan is invalid");
        lock (_gate)
        {
            if (!_plans.TryGetValue(plan.Id, out var stored) || stored.ClientId != plan.ClientId)
            {
                throw UnknownPlan(plan.ClientId, plan.Id);
            }

            _plans[plan.Id] = (plan.ClientId, PracticeJson.Serialize(plan));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdatePlanIfUnchangedAsync(PracticePlan plan, PracticePlan expected, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(plan);
        Guard.NotNull(expected);
        if (expected.Id != plan.Id || expected.ClientId != plan.ClientId)
        {
            throw new ArgumentException(
                $"The expected plan is {expected.Id} of client {expected.ClientId}, the update {plan.Id} of client {plan.ClientId}.", nameof(expected));
        }

        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidatePlan(plan, _options), "The plan is invalid");
        var expectedJson = PracticeJson.Serialize(expected);
        lock (_gate)
        {
            if (!_plans.TryGetValue(plan.Id, out var stored) || stored.ClientId != plan.ClientId)
            {
                throw UnknownPlan(plan.ClientId, plan.Id);
            }

            if (!string.Equals(stored.Json, expectedJson, StringComparison.Ordinal))
            {
                throw Conflict("plan", plan.Id);
            }

            _plans[plan.Id] = (plan.ClientId, PracticeJson.Serialize(plan));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeletePlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_plans.TryGetValue(planId, out var stored) || stored.ClientId != clientId)
            {
                return Task.FromResult(false);
            }

            foreach (var (id, row) in _entries.ToList())
            {
                var entry = PracticeJson.DeserializeEntry(row.Json);
                if (entry.PlanId == planId)
                {
                    _entries[id] = row with { Json = PracticeJson.Serialize(entry with { PlanId = null }) };
                }
            }

            _plans.Remove(planId);
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PracticePlan>> ListPlansAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PracticePlan>>(PlansOf(clientId));
        }
    }

    /// <inheritdoc />
    public Task AddEntriesAsync(IReadOnlyList<PracticeEntry> entries, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            PracticeValidation.EnsureWritable(
                entries,
                id => _clients.ContainsKey(Key(id)),
                id => _plans.TryGetValue(id, out var p) ? PracticeJson.DeserializePlan(p.Json) : null,
                _options);
            foreach (var e in entries)
            {
                if (_entries.ContainsKey(e.Id))
                {
                    throw Duplicate("entry", e.Id);
                }
            }

            foreach (var e in entries)
            {
                _entries.Add(e.Id, new Row(e.ClientId, e.OccurredAt.UtcTicks, PracticeJson.Serialize(e)));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PracticeEntry>> ListEntriesAsync(Guid clientId, DateTimeOffset? fromTime = null, DateTimeOffset? toTime = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PracticeEntry>>(EntriesOf(clientId, fromTime, toTime));
        }
    }

    /// <inheritdoc />
    public Task AddMeasurementAsync(Measurement measurement, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(measurement);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateMeasurement(measurement), "The measurement is invalid");
        lock (_gate)
        {
            Insert(_measurements, measurement.Id, measurement.ClientId, measurement.MeasuredAt, PracticeJson.Serialize(measurement), "measurement");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Measurement>> ListMeasurementsAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Measurement>>(Ordered(_measurements, clientId).Select(PracticeJson.DeserializeMeasurement).ToList());
        }
    }

    /// <inheritdoc />
    public Task AddQuestionnaireScoreAsync(QuestionnaireScore score, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(score);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateQuestionnaireScore(score), "The questionnaire score is invalid");
        lock (_gate)
        {
            Insert(_questionnaires, score.Id, score.ClientId, score.CompletedAt, PracticeJson.Serialize(score), "questionnaire score");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QuestionnaireScore>> ListQuestionnaireScoresAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QuestionnaireScore>>(Ordered(_questionnaires, clientId).Select(PracticeJson.DeserializeQuestionnaireScore).ToList());
        }
    }

    /// <inheritdoc />
    public Task<ClientRecord> ExportClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_clients.TryGetValue(Key(clientId), out var json))
            {
                throw UnknownClient(clientId);
            }

            return Task.FromResult(new ClientRecord
            {
                Client = PracticeJson.DeserializeClient(json),
                Plans = PlansOf(clientId),
                Entries = EntriesOf(clientId, null, null),
                Measurements = Ordered(_measurements, clientId).Select(PracticeJson.DeserializeMeasurement).ToList(),
                Questionnaires = Ordered(_questionnaires, clientId).Select(PracticeJson.DeserializeQuestionnaireScore).ToList(),
            });
        }
    }

    /// <inheritdoc />
    public Task ImportClientAsync(ClientRecord record, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClientRecord(record, _options), "The import is invalid");
        lock (_gate)
        {
            if (_clients.ContainsKey(Key(record.Client.Id)))
            {
                throw Duplicate("client", record.Client.Id);
            }

            var taken = record.Plans.Select(p => p.Id).Where(_plans.ContainsKey)
                .Concat(record.Entries.Select(e => e.Id).Where(_entries.ContainsKey))
                .Concat(record.Measurements.Select(m => m.Id).Where(_measurements.ContainsKey))
                .Concat(record.Questionnaires.Select(q => q.Id).Where(_questionnaires.ContainsKey))
                .FirstOrDefault();
            if (taken != Guid.Empty)
            {
                throw Duplicate("item", taken);
            }

            _clients.Add(Key(record.Client.Id), PracticeJson.Serialize(record.Client));
            foreach (var p in record.Plans)
            {
                _plans.Add(p.Id, (p.ClientId, PracticeJson.Serialize(p)));
            }

            foreach (var e in record.Entries)
            {
                _entries.Add(e.Id, new Row(e.ClientId, e.OccurredAt.UtcTicks, PracticeJson.Serialize(e)));
            }

            foreach (var m in record.Measurements)
            {
                _measurements.Add(m.Id, new Row(m.ClientId, m.MeasuredAt.UtcTicks, PracticeJson.Serialize(m)));
            }

            foreach (var q in record.Questionnaires)
            {
                _questionnaires.Add(q.Id, new Row(q.ClientId, q.CompletedAt.UtcTicks, PracticeJson.Serialize(q)));
            }
        }

        return Task.CompletedTask;
    }

    private static string Key(Guid id) => id.ToString("D");

    private static PracticeStoreException UnknownClient(Guid id) => new(
        PracticeStoreError.UnknownClient,
        $"Client {id} is not in the store.",
        [new Problem("store.unknown-client", $"Client {id} is not in the store.", Location: "$.clientId")]);

    private static PracticeStoreException UnknownPlan(Guid clientId, Guid planId) => new(
        PracticeStoreError.UnknownPlan,
        $"Plan {planId} is not a plan of client {clientId}.",
        [new Problem("store.unknown-plan", $"Plan {planId} is not a plan of client {clientId}.", Location: "$.id")]);

    private static PracticeStoreException Duplicate(string what, Guid id) => new(
        PracticeStoreError.DuplicateId,
        $"A {what} with id {id} is already stored.",
        [new Problem("store.duplicate-id", $"A {what} with id {id} is already stored.", Location: "$.id")]);

    private static PracticeStoreException Conflict(string what, Guid id) => new(
        PracticeStoreError.Conflict,
        $"The stored {what} {id} was changed since it was read; nothing was written.",
        [new Problem("store.conflict", $"The stored {what} {id} was changed since it was read; nothing was written.", Location: "$.id")]);

    private static IEnumerable<string> Ordered(Dictionary<Guid, Row> rows, Guid clientId) =>
        rows.Where(r => r.Value.ClientId == clientId)
            .OrderBy(r => r.Value.UtcTicks)
            .ThenBy(r => Key(r.Key), StringComparer.Ordinal)
            .Select(r => r.Value.Json);

    private void Insert(Dictionary<Guid, Row> rows, Guid id, Guid clientId, DateTimeOffset at, string json, string what)
    {
        if (!_clients.ContainsKey(Key(clientId)))
        {
            throw UnknownClient(clientId);
        }

        if (rows.ContainsKey(id))
        {
            throw Duplicate(what, id);
        }

        rows.Add(id, new Row(clientId, at.UtcTicks, json));
    }

    private List<PracticePlan> PlansOf(Guid clientId) =>
        _plans.Where(p => p.Value.ClientId == clientId)
            .OrderBy(p => Key(p.Key), StringComparer.Ordinal)
            .Select(p => PracticeJson.DeserializePlan(p.Value.Json))
            .ToList();

    private List<PracticeEntry> EntriesOf(Guid clientId, DateTimeOffset? from, DateTimeOffset? to) =>
        _entries.Where(r => r.Value.ClientId == clientId
                && (from is null || r.Value.UtcTicks >= from.Value.UtcTicks)
                && (to is null || r.Value.UtcTicks < to.Value.UtcTicks))
            .OrderBy(r => r.Value.UtcTicks)
            .ThenBy(r => Key(r.Key), StringComparer.Ordinal)
            .Select(r => PracticeJson.DeserializeEntry(r.Value.Json))
            .ToList();

    private readonly record struct Row(Guid ClientId, long UtcTicks, string Json);
}
