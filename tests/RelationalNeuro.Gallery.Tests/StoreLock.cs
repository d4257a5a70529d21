using Microsoft.Data.Sqlite;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// Another program holding the practice store's write lock (a second copy of the app in a long import, a backup tool):
/// a separate SQLite connection in <c>BEGIN EXCLUSIVE</c> on the gallery's file until disposed, then rolled back. While it
/// is held the gallery's saves wait their busy timeout (2 s in the tests) and fail with <c>PracticeStoreError.Busy</c>.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly SqliteConnection _connection;

    private StoreLock(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var begin = _connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        begin.ExecuteNonQuery();
    }

    public static StoreLock Hold(string path) => new(path);

    public void Dispose()
    {
        using (var rollback = _connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        _connection.Dispose();
    }
}
