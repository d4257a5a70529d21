namespace RelationalNeuro.Interventions;

/// <summary>Why a practice-store operation was refused. Each refusal leaves the store unchanged.</summary>
public enum PracticeStoreError
{
    /// <summary>The client id is not in the store.</summary>
    UnknownClient = 0,

    /// <summary>The plan id is not in the store, or belongs to another client.</summary>
    UnknownPlan = 1,

    /// <summary>The data breaks a rule (intensity out of range, label path not in the wheel, …); see the problems.</summary>
    InvalidData = 2,

    /// <summary>An id is already used.</summary>
    DuplicateId = 3,

    /// <summary>The store's file is not a database, or fails its integrity check.</summary>
    CorruptStore = 4,

    /// <summary>The store's file was written by a newer schema version than this library knows.</summary>
    NewerSchema = 5,

    /// <summary>An import document is not valid JSON in the export format.</summary>
    MalformedImport = 6,

    /// <summary>The store's file or folder cannot be opened or written: read-only, or without permission.</summary>
    AccessDenied = 7,

    /// <summary>The path names a folder or a device (<c>/dev/null</c>, <c>NUL</c>), not a database file.</summary>
    NotAFile = 8,

    /// <summary>The storage underneath failed (I/O error, disk full); the operation was rolled back. See the inner exception.</summary>
    StorageFailure = 9,

    /// <summary>
    /// Another connection (another program, or another window of the same app) held the store's lock for longer than the
    /// store waits; the operation was rolled back, nothing written. Trying again later can succeed.
    /// </summary>
    Busy = 10,

    /// <summary>
    /// A conditional update (<see cref="IPracticeStore.UpdateClientIfUnchangedAsync"/>,
    /// <see cref="IPracticeStore.UpdatePlanIfUnchangedAsync"/>) found the stored record
    /// changed since the caller read it (by another tab, window or program); nothing was written. Read it again, and let
    /// the person decide.
    /// </summary>
    Conflict = 11,
}
