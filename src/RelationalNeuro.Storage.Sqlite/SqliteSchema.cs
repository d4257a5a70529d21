namespace RelationalNeuro.Storage.Sqlite;

/// <summary>The schema scripts, one per version; version n is applied to a file at version n − 1.</summary>
internal static class SqliteSchema
{
    /// <summary>"RNPS" as a big-endian integer: marks a file as a RelationalNeuro practice store.</summary>
    public const int ApplicationId = 0x524E5053;

    public static readonly string[] Migrations =
    [
        // Version 1: the tables. Items are stored as their JSON (the export format) plus the columns queries need.
        $"""
        PRAGMA application_id = {ApplicationId};
        CREATE TABLE clients (
            id TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL
        ) STRICT;
        CREATE TABLE plans (
            id TEXT NOT NULL PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES clients(id),
            json TEXT NOT NULL
        ) STRICT;
        CREATE TABLE entries (
            id TEXT NOT NULL PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES clients(id),
            plan_id TEXT NULL REFERENCES plans(id),
            intervention_id TEXT NOT NULL,
            occurred_utc_ticks INTEGER NOT NULL,
            json TEXT NOT NULL
        ) STRICT;
        CREATE TABLE measurements (
            id TEXT NOT NULL PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES clients(id),
            metric TEXT NOT NULL,
            measured_utc_ticks INTEGER NOT NULL,
            json TEXT NOT NULL
        ) STRICT;
        CREATE TABLE questionnaire_scores (
            id TEXT NOT NULL PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES clients(id),
            instrument_id TEXT NOT NULL,
            completed_utc_ticks INTEGER NOT NULL,
            json TEXT NOT NULL
        ) STRICT;
        """,

        // Version 2: indexes for the per-client, time-ordered reads.
        """
        CREATE INDEX ix_plans_client ON plans(client_id, id);
        CREATE INDEX ix_entries_client_time ON entries(client_id, occurred_utc_ticks, id);
        CREATE INDEX ix_measurements_client_time ON measurements(client_id, measured_utc_ticks, id);
        CREATE INDEX ix_questionnaire_scores_client_time ON questionnaire_scores(client_id, completed_utc_ticks, id);
        """,
    ];

    /// <summary>The version a fully migrated file has.</summary>
    public static int Version => Migrations.Length;
}
