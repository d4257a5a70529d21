using Microsoft.Data.Sqlite;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>A fresh folder for database files, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "rn-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string File(string name = "practice.db") => Path.Combine(Folder, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be releasing the file; the OS temp cleaner removes it later.
        }
    }
}
