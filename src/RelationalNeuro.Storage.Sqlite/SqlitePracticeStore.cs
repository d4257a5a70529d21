using System.Globalization;
using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Storage.Sqlite;

/// <summary>
/// An <see cref="IPracticeStore"/> on an embedded SQLite file: schema versioned (<c>PRAGMA user_version</c>) and
/// migrated on open, write-ahead log (WAL) journal with <c>synchronous=FULL</c>, every write one
/// <c>BEGIN IMMEDIATE</c> transaction, <c>secure_delete</c> on (what is deleted or replaced is overwritten, not left
/// readable in free space). Schema and export format: <c>docs/storage.md</c>.
/// </summary>
/// <remarks>
/// Each call opens a pooled connection, so one instance may be used from several threads, and several instances
/// or processes may share a file (writers queue on SQLite's lock, waiting up to <see cref="LockTimeout"/>, by default
/// <see cref="BusyTimeout"/>, then fail with <see cref="PracticeStoreError.Busy"/>). A
/// write that throws has rolled back: nothing of it is stored. A process killed mid-write loses at most the
/// uncommitted transaction; every committed one survives (WAL recovery on the next open).
/// </remarks>
public sealed class SqlitePracticeStore : IPracticeStore, IDisposable
{
    /// <summary>How long a writer waits for another writer's lock before failing, unless <see cref="Open"/> is given another time.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private readonly string _connectionString;
    private readonly PracticeStoreOptions _options;

    private SqlitePracticeStore(string path, string connectionString, PracticeStoreOptions options, TimeSpan lockTimeout)
    {
        LockTimeout = lockTimeout;
        FilePath = path;
        _connectionString = connectionString;
        _options = options;
    }

    /// <summary>The schema version this library writes; files at a lower version are migrated on open.</summary>
    public static int SchemaVersion => SqliteSchema.Version;

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// How long an operation waits for a lock another connection holds (another process, or a long import in this one)
    /// before it fails with <see cref="PracticeStoreError.Busy"/>, nothing written.
    /// </summary>
    public TimeSpan LockTimeout { get; }

    /// <summary>
    /// Opens (creating if absent) the store at <paramref name="path"/>: checks it is an intact practice store
    /// (<c>PRAGMA quick_check</c>), switches it to WAL, and applies the missing schema migrations, each in its own
    /// transaction.
    /// </summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">What writes are validated against; null means <see cref="PracticeStoreOptions.Default"/>.</param>
    /// <param name="busyTimeout">How long an operation waits for another connection's lock before failing with
    /// <see cref="PracticeStoreError.Busy"/> (<see cref="LockTimeout"/>); null means <see cref="BusyTimeout"/> (30 s). An
    /// interactive app may prefer a few seconds, so that a person is told at once instead of waiting. Whole seconds from 1 s
    /// to 1 h: Microsoft.Data.Sqlite's own retries count in whole seconds.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is not a whole number of seconds from 1 to 3,600.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder that should hold the file does not exist (it is not
    /// created: a mistyped path must not silently start an empty store elsewhere).</exception>
    /// <exception cref="PracticeStoreException"><see cref="PracticeStoreError.CorruptStore"/> (not a SQLite file,
    /// damaged, another application's database, or a negative schema version), <see cref="PracticeStoreError.NewerSchema"/>
    /// (written by a newer version of this library), <see cref="PracticeStoreError.NotAFile"/> (the path is a folder or a
    /// device such as <c>/dev/null</c>), <see cref="PracticeStoreError.AccessDenied"/> (read-only file or folder, no
    /// permission) or <see cref="PracticeStoreError.StorageFailure"/> (any other SQLite error, as the inner exception);
    /// the file is left untouched. No <see cref="SqliteException"/> escapes.</exception>
    public static SqlitePracticeStore Open(string path, PracticeStoreOptions? options = null, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lockTimeout = busyTimeout ?? BusyTimeout;
        if (lockTimeout < TimeSpan.FromSeconds(1) || lockTimeout > TimeSpan.FromHours(1) || lockTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), lockTimeout, "The busy timeout must be a whole number of seconds from 1 to 3,600.");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder for the practice store does not exist: {folder} (path '{path}').");
        }

        CheckIsFilePath(full, path);
        CheckHeader(full);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)lockTimeout.TotalSeconds,
        }.ToString();
        var store = new SqlitePracticeStore(full, connectionString, options ?? PracticeStoreOptions.Default, lockTimeout);
        try
        {
            store.Initialize();
        }
        catch (SqliteException ex)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw Failure(full, ex);
        }
        catch
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw;
        }

        return store;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>.</summary>
    /// <returns><c>["ok"]</c> for an intact file, otherwise SQLite's messages.</returns>
    public IReadOnlyList<string> CheckIntegrity()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>Releases this store's pooled connections (the file can then be moved or deleted).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    public Task AddClientAsync(Client client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClient(client), "The client is invalid");
        Write(tx =>
        {
            Insert(tx, "INSERT INTO clients (id, json) VALUES ($id, $json);", "client", client.Id, ("$json", PracticeJson.Serialize(client)));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Client?> GetClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        var json = QueryJson(connection, null, "SELECT json FROM clients WHERE id = $id;", ("$id", Key(clientId))).FirstOrDefault();
        return Task.FromResult(json is null ? null : PracticeJson.DeserializeClient(json));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Client>> ListClientsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult<IReadOnlyList<Client>>(
            QueryJson(connection, null, "SELECT json FROM clients ORDER BY id;").Select(PracticeJson.DeserializeClient).ToList());
    }

    /// <inheritdoc />
    public Task UpdateClientAsync(Client client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClient(client), "The client is invalid");
        Write(tx =>
        {
            if (Change(tx, "UPDATE clients SET json = $json WHERE id = $id;", ("$id", Key(client.Id)), ("$json", PracticeJson.Serialize(client))) == 0)
            {
                throw UnknownClient(client.Id);
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The stored row is read, compared and replaced inside the write's <c>BEGIN IMMEDIATE</c> transaction, which holds the
    /// file's write lock from its start: no other connection or process can write between the comparison and the update.
    /// The stored JSON is compared after a round trip through this library's serializer, so a row written by an older
    /// version (the same record in other text) is not taken for a change.
    /// </remarks>
    public Task UpdateClientIfUnchangedAsync(Client client, Client expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Id != client.Id)
        {
            throw new ArgumentException($"The expected client has id {expected.Id}, the update {client.Id}.", nameof(expected));
        }

        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClient(client), "The client is invalid");
        var expectedJson = PracticeJson.Serialize(expected);
        Write(tx =>
        {
            var id = ("$id", (object?)Key(client.Id));
            var stored = QueryJson(tx.Connection!, tx, "SELECT json FROM clients WHERE id = $id;", id).FirstOrDefault()
                ?? throw UnknownClient(client.Id);
            if (!string.Equals(PracticeJson.Serialize(PracticeJson.DeserializeClient(stored)), expectedJson, StringComparison.Ordinal))
            {
                throw Conflict("client", client.Id);
            }

            Change(tx, "UPDATE clients SET json = $json WHERE id = $id;", id, ("$json", PracticeJson.Serialize(client)));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every connection of this store runs with <c>PRAGMA secure_delete = ON</c>, so SQLite overwrites deleted and moved
    /// content with zeros, and the delete is followed by <c>PRAGMA wal_checkpoint(TRUNCATE)</c>, which copies the write-ahead log into the database and empties
    /// it: afterwards neither file holds the client's text. If another connection is reading at that moment the
    /// checkpoint is partial and the log is emptied by the next checkpoint; the committed delete is durable either way.
    /// </remarks>
    public Task<bool> DeleteClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = false;
        using var connection = Connect();
        Write(connection, tx =>
        {
            var client = ("$client", (object?)Key(clientId));
            foreach (var table in (string[])["entries", "measurements", "questionnaire_scores", "plans"])
            {
                Change(tx, $"DELETE FROM {table} WHERE client_id = $client;", client);
            }

            deleted = Change(tx, "DELETE FROM clients WHERE id = $client;", client) > 0;
        });
        if (deleted)
        {
            try
            {
                Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException ex)
            {
                throw Failure(FilePath, ex);
            }
        }

        return Task.FromResult(deleted);
    }

    /// <inheritdoc />
    public Task AddPlanAsync(PracticePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidatePlan(plan, _options), "The plan is invalid");
        Write(tx =>
        {
            RequireClient(tx, plan.ClientId);
            Insert(tx, "INSERT INTO plans (id, client_id, json) VALUES ($id, $client, $json);", "plan", plan.Id,
                ("$client", Key(plan.ClientId)), ("$json", PracticeJson.Serialize(plan)));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PracticePlan?> GetPlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        var json = QueryJson(connection, null, "SELECT json FROM plans WHERE id = $id AND client_id = $client;",
            ("$id", Key(planId)), ("$client", Key(clientId))).FirstOrDefault();
        return Task.FromResult(json is null ? null : PracticeJson.DeserializePlan(json));
    }

    /// <inheritdoc />
    public Task UpdatePlanAsync(PracticePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidatePlan(plan, _options), "The plan is invalid");
        Write(tx =>
        {
            if (Change(tx, "UPDATE plans SET json = $json WHERE id = $id AND client_id = $client;",
                    ("$id", Key(plan.Id)), ("$client", Key(plan.ClientId)), ("$json", PracticeJson.Serialize(plan))) == 0)
            {
                throw UnknownPlan(plan.ClientId, plan.Id);
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Read, compared and replaced in one <c>BEGIN IMMEDIATE</c> transaction, as
    /// <see cref="UpdateClientIfUnchangedAsync"/>.
    /// </remarks>
    public Task UpdatePlanIfUnchangedAsync(PracticePlan plan, PracticePlan expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Id != plan.Id || expected.ClientId != plan.ClientId)
        {
            throw new ArgumentException(
                $"The expected plan is {expected.Id} of client {expected.ClientId}, the update {plan.Id} of client {plan.ClientId}.", nameof(expected));
        }

        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidatePlan(plan, _options), "The plan is invalid");
        var expectedJson = PracticeJson.Serialize(expected);
        Write(tx =>
        {
            var id = ("$id", (object?)Key(plan.Id));
            var client = ("$client", (object?)Key(plan.ClientId));
            var stored = QueryJson(tx.Connection!, tx, "SELECT json FROM plans WHERE id = $id AND client_id = $client;", id, client).FirstOrDefault()
                ?? throw UnknownPlan(plan.ClientId, plan.Id);
            if (!string.Equals(PracticeJson.Serialize(PracticeJson.DeserializePlan(stored)), expectedJson, StringComparison.Ordinal))
            {
                throw Conflict("plan", plan.Id);
            }

            Change(tx, "UPDATE plans SET json = $json WHERE id = $id AND client_id = $client;", id, client, ("$json", PracticeJson.Serialize(plan)));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeletePlanAsync(Guid clientId, Guid planId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = false;
        Write(tx =>
        {
            var plan = ("$plan", (object?)Key(planId));
            if (QueryJson(tx.Connection!, tx, "SELECT json FROM plans WHERE id = $plan AND client_id = $client;", plan, ("$client", Key(clientId))).Count == 0)
            {
                return;
            }

            foreach (var json in QueryJson(tx.Connection!, tx, "SELECT json FROM entries WHERE plan_id = $plan;", plan))
            {
                var entry = PracticeJson.DeserializeEntry(json);
                Change(tx, "UPDATE entries SET plan_id = NULL, json = $json WHERE id = $id;",
                    ("$id", Key(entry.Id)), ("$json", PracticeJson.Serialize(entry with { PlanId = null })));
            }

            deleted = Change(tx, "DELETE FROM plans WHERE id = $plan;", plan) > 0;
        });
        return Task.FromResult(deleted);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PracticePlan>> ListPlansAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult<IReadOnlyList<PracticePlan>>(Plans(connection, null, clientId));
    }

    /// <inheritdoc />
    public Task AddEntriesAsync(IReadOnlyList<PracticeEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        Write(tx =>
        {
            PracticeValidation.EnsureWritable(
                entries,
                id => Exists(tx, "SELECT 1 FROM clients WHERE id = $id;", id),
                id => QueryJson(tx.Connection!, tx, "SELECT json FROM plans WHERE id = $id;", ("$id", Key(id))).Select(PracticeJson.DeserializePlan).FirstOrDefault(),
                _options);
            foreach (var e in entries)
            {
                InsertEntry(tx, e);
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PracticeEntry>> ListEntriesAsync(Guid clientId, DateTimeOffset? fromTime = null, DateTimeOffset? toTime = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult<IReadOnlyList<PracticeEntry>>(Entries(connection, null, clientId, fromTime, toTime));
    }

    /// <inheritdoc />
    public Task AddMeasurementAsync(Measurement measurement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateMeasurement(measurement), "The measurement is invalid");
        Write(tx =>
        {
            RequireClient(tx, measurement.ClientId);
            InsertMeasurement(tx, measurement);
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Measurement>> ListMeasurementsAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult<IReadOnlyList<Measurement>>(Measurements(connection, null, clientId));
    }

    /// <inheritdoc />
    public Task AddQuestionnaireScoreAsync(QuestionnaireScore score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateQuestionnaireScore(score), "The questionnaire score is invalid");
        Write(tx =>
        {
            RequireClient(tx, score.ClientId);
            InsertQuestionnaire(tx, score);
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QuestionnaireScore>> ListQuestionnaireScoresAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult<IReadOnlyList<QuestionnaireScore>>(Questionnaires(connection, null, clientId));
    }

    /// <inheritdoc />
    public Task<ClientRecord> ExportClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: true);
        var json = QueryJson(connection, tx, "SELECT json FROM clients WHERE id = $id;", ("$id", Key(clientId))).FirstOrDefault()
            ?? throw UnknownClient(clientId);
        var record = new ClientRecord
        {
            Client = PracticeJson.DeserializeClient(json),
            Plans = Plans(connection, tx, clientId),
            Entries = Entries(connection, tx, clientId, null, null),
            Measurements = Measurements(connection, tx, clientId),
            Questionnaires = Questionnaires(connection, tx, clientId),
        };
        tx.Commit();
        return Task.FromResult(record);
    }

    /// <inheritdoc />
    public Task ImportClientAsync(ClientRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        PracticeValidation.ThrowIfAny(PracticeValidation.ValidateClientRecord(record, _options), "The import is invalid");
        Write(tx =>
        {
            Insert(tx, "INSERT INTO clients (id, json) VALUES ($id, $json);", "client", record.Client.Id, ("$json", PracticeJson.Serialize(record.Client)));
            foreach (var p in record.Plans)
            {
                Insert(tx, "INSERT INTO plans (id, client_id, json) VALUES ($id, $client, $json);", "plan", p.Id,
                    ("$client", Key(p.ClientId)), ("$json", PracticeJson.Serialize(p)));
            }

            foreach (var e in record.Entries)
            {
                InsertEntry(tx, e);
            }

            foreach (var m in record.Measurements)
            {
                InsertMeasurement(tx, m);
            }

            foreach (var q in record.Questionnaires)
            {
                InsertQuestionnaire(tx, q);
            }
        });
        return Task.CompletedTask;
    }

    internal static PracticeStoreException Corrupt(string path, string reason, Exception? inner = null) => new(
        PracticeStoreError.CorruptStore,
        $"'{path}' is not an intact RelationalNeuro practice store: {reason}",
        [new Problem("store.corrupt", reason, Location: path)],
        inner);

    /// <summary>
    /// Maps a SQLite failure to a typed refusal: <c>SQLITE_READONLY</c> (8), <c>SQLITE_CANTOPEN</c> (14),
    /// <c>SQLITE_PERM</c> (3) and <c>SQLITE_AUTH</c> (23) are <see cref="PracticeStoreError.AccessDenied"/>;
    /// <c>SQLITE_CORRUPT</c> (11) and <c>SQLITE_NOTADB</c> (26) <see cref="PracticeStoreError.CorruptStore"/>;
    /// <c>SQLITE_BUSY</c> (5) and <c>SQLITE_LOCKED</c> (6) <see cref="PracticeStoreError.Busy"/>; any other
    /// <see cref="PracticeStoreError.StorageFailure"/>. The SQLite exception is the inner exception.
    /// </summary>
    internal static PracticeStoreException Failure(string path, SqliteException ex)
    {
        var code = ex.SqliteErrorCode;
        if (code is 11 or 26)
        {
            return Corrupt(path, ex.Message, ex);
        }

        var (error, problemCode, what) = code switch
        {
            3 or 8 or 14 or 23 => (PracticeStoreError.AccessDenied, "store.access-denied", "cannot be opened or written (read-only file or folder, or no permission)"),
            5 or 6 => (PracticeStoreError.Busy, "store.busy", "stayed locked by another connection (another program, or another window of this app) for longer than its busy timeout; nothing was written, try again"),
            _ => (PracticeStoreError.StorageFailure, "store.storage-failure", "failed in the storage underneath"),
        };
        var reason = string.Create(CultureInfo.InvariantCulture, $"SQLite error {code}: {ex.Message}");

        // A lock is not a fault of the store: its problem says what happened and what to do, in words a person acts on.
        var problem = error == PracticeStoreError.Busy ? $"The practice store {what} ({reason})." : reason;
        return new PracticeStoreException(error, $"The practice store '{path}' {what}: {reason}", [new Problem(problemCode, problem, Location: path)], ex);
    }

    /// <summary>Refuses a folder and a device (a path under <c>/dev/</c>, or a Windows device name such as <c>NUL</c>).</summary>
    private static void CheckIsFilePath(string full, string path)
    {
        var target = full;
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (info.Exists && info.LinkTarget is not null)
        {
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }
            catch (IOException)
            {
                // A link that cannot be followed: SQLite reports it when it opens the path.
            }
        }

        string? why = null;
        if (Directory.Exists(target))
        {
            why = "it is a folder";
        }
        else if (target.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith(@"\\.\", StringComparison.Ordinal))
        {
            why = "it is a device, which would swallow what is written";
        }

        if (why is not null)
        {
            throw new PracticeStoreException(
                PracticeStoreError.NotAFile,
                $"'{path}' cannot hold a practice store: {why}. Give the path of a database file.",
                [new Problem("store.not-a-file", why, Location: full)]);
        }
    }

    private static void CheckHeader(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        var buffer = new byte[Header.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        if (read < Header.Length || !buffer.AsSpan().SequenceEqual(Header))
        {
            throw Corrupt(path, "the file does not start with the SQLite header.");
        }
    }

    private static string Key(Guid id) => id.ToString("D");

    private static void Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static List<string> QueryJson(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        Bind(command, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static bool Exists(SqliteTransaction tx, string sql, Guid id)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", Key(id));
        return command.ExecuteScalar() is not null;
    }

    private static void RequireClient(SqliteTransaction tx, Guid clientId)
    {
        if (!Exists(tx, "SELECT 1 FROM clients WHERE id = $id;", clientId))
        {
            throw UnknownClient(clientId);
        }
    }

    private static void Insert(SqliteTransaction tx, string sql, string what, Guid id, params (string Name, object? Value)[] parameters)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", Key(id));
        Bind(command, parameters);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.SqliteExtendedErrorCode is 1555 or 2067)
        {
            throw new PracticeStoreException(
                PracticeStoreError.DuplicateId,
                $"A {what} with id {id} is already stored.",
                [new Problem("store.duplicate-id", $"A {what} with id {id} is already stored.", Location: "$.id")],
                ex);
        }
    }

    private static void InsertEntry(SqliteTransaction tx, PracticeEntry e) =>
        Insert(tx,
            "INSERT INTO entries (id, client_id, plan_id, intervention_id, occurred_utc_ticks, json) VALUES ($id, $client, $plan, $intervention, $ticks, $json);",
            "entry", e.Id,
            ("$client", Key(e.ClientId)),
            ("$plan", e.PlanId is { } p ? Key(p) : null),
            ("$intervention", e.InterventionId),
            ("$ticks", e.OccurredAt.UtcTicks),
            ("$json", PracticeJson.Serialize(e)));

    private static void InsertMeasurement(SqliteTransaction tx, Measurement m) =>
        Insert(tx,
            "INSERT INTO measurements (id, client_id, metric, measured_utc_ticks, json) VALUES ($id, $client, $metric, $ticks, $json);",
            "measurement", m.Id,
            ("$client", Key(m.ClientId)), ("$metric", m.Metric), ("$ticks", m.MeasuredAt.UtcTicks), ("$json", PracticeJson.Serialize(m)));

    private static void InsertQuestionnaire(SqliteTransaction tx, QuestionnaireScore q) =>
        Insert(tx,
            "INSERT INTO questionnaire_scores (id, client_id, instrument_id, completed_utc_ticks, json) VALUES ($id, $client, $instrument, $ticks, $json);",
            "questionnaire score", q.Id,
            ("$client", Key(q.ClientId)), ("$instrument", q.InstrumentId), ("$ticks", q.CompletedAt.UtcTicks), ("$json", PracticeJson.Serialize(q)));

    private static List<PracticePlan> Plans(SqliteConnection connection, SqliteTransaction? tx, Guid clientId) =>
        QueryJson(connection, tx, "SELECT json FROM plans WHERE client_id = $client ORDER BY id;", ("$client", Key(clientId)))
            .Select(PracticeJson.DeserializePlan).ToList();

    private static List<PracticeEntry> Entries(SqliteConnection connection, SqliteTransaction? tx, Guid clientId, DateTimeOffset? fromTime, DateTimeOffset? toTime) =>
        QueryJson(connection, tx,
            "SELECT json FROM entries WHERE client_id = $client AND occurred_utc_ticks >= $from AND occurred_utc_ticks < $to ORDER BY occurred_utc_ticks, id;",
            ("$client", Key(clientId)),
            ("$from", fromTime?.UtcTicks ?? long.MinValue),
            ("$to", toTime?.UtcTicks ?? long.MaxValue))
            .Select(PracticeJson.DeserializeEntry).ToList();

    private static List<Measurement> Measurements(SqliteConnection connection, SqliteTransaction? tx, Guid clientId) =>
        QueryJson(connection, tx, "SELECT json FROM measurements WHERE client_id = $client ORDER BY measured_utc_ticks, id;", ("$client", Key(clientId)))
            .Select(PracticeJson.DeserializeMeasurement).ToList();

    private static List<QuestionnaireScore> Questionnaires(SqliteConnection connection, SqliteTransaction? tx, Guid clientId) =>
        QueryJson(connection, tx, "SELECT json FROM questionnaire_scores WHERE client_id = $client ORDER BY completed_utc_ticks, id;", ("$client", Key(clientId)))
            .Select(PracticeJson.DeserializeQuestionnaireScore).ToList();

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static int Change(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        Bind(command, parameters);
        return command.ExecuteNonQuery();
    }

    private static PracticeStoreException UnknownClient(Guid clientId) => new(
        PracticeStoreError.UnknownClient,
        $"Client {clientId} is not in the store.",
        [new Problem("store.unknown-client", $"Client {clientId} is not in the store.", Location: "$.clientId")]);

    private static PracticeStoreException UnknownPlan(Guid clientId, Guid planId) => new(
        PracticeStoreError.UnknownPlan,
        $"Plan {planId} is not a plan of client {clientId}.",
        [new Problem("store.unknown-plan", $"Plan {planId} is not a plan of client {clientId}.", Location: "$.id")]);

    private static PracticeStoreException Conflict(string what, Guid id) => new(
        PracticeStoreError.Conflict,
        $"The stored {what} {id} was changed since it was read; nothing was written.",
        [new Problem("store.conflict", $"The stored {what} {id} was changed since it was read; nothing was written.", Location: "$.id")]);

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(int)LockTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;"));
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Failure(FilePath, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Write(Action<SqliteTransaction> work)
    {
        using var connection = Connect();
        Write(connection, work);
    }

    private void Write(SqliteConnection connection, Action<SqliteTransaction> work)
    {
        try
        {
            using var tx = connection.BeginTransaction(deferred: false);
            work(tx);
            tx.Commit();
        }
        catch (SqliteException ex)
        {
            // A constraint the store names (duplicate id) is already a PracticeStoreException; what is left is the
            // file: read-only since the store was opened, disk full, I/O error.
            throw Failure(FilePath, ex);
        }
    }

    private void Initialize()
    {
        using var connection = Connect();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA quick_check;";
            var result = command.ExecuteScalar() as string;
            if (result != "ok")
            {
                throw Corrupt(FilePath, "quick_check reported: " + result);
            }
        }

        var version = Scalar(connection, "PRAGMA user_version;");
        var applicationId = Scalar(connection, "PRAGMA application_id;");
        var tables = Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table';");
        if (version < 0)
        {
            throw Corrupt(FilePath, string.Create(CultureInfo.InvariantCulture, $"schema version {version} is negative; this library never writes one."));
        }

        if (version > SchemaVersion)
        {
            throw new PracticeStoreException(
                PracticeStoreError.NewerSchema,
                string.Create(CultureInfo.InvariantCulture, $"'{FilePath}' has schema version {version}; this library knows up to {SchemaVersion}. Update RelationalNeuro.Storage.Sqlite."),
                [new Problem("store.newer-schema", string.Create(CultureInfo.InvariantCulture, $"Schema version {version} > {SchemaVersion}."), Location: FilePath)]);
        }

        if ((version > 0 && applicationId != SqliteSchema.ApplicationId) || (version == 0 && tables > 0))
        {
            throw Corrupt(FilePath, "the file is a SQLite database of another application.");
        }

        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        for (var v = (int)version + 1; v <= SchemaVersion; v++)
        {
            using var tx = connection.BeginTransaction(deferred: false);

            // Re-read inside the lock: another process may have migrated meanwhile.
            using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = "PRAGMA user_version;";
                if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) >= v)
                {
                    tx.Commit();
                    continue;
                }
            }

            Execute(connection, tx, SqliteSchema.Migrations[v - 1]);
            Execute(connection, tx, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {v};"));
            tx.Commit();
        }
    }
}
