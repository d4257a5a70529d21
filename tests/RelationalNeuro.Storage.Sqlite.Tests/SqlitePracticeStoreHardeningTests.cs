using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>Issue #13, defect 7 (store): no raw SqliteException or IndexOutOfRangeException escapes Open; each refusal is named.</summary>
public sealed class SqlitePracticeStoreHardeningTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_AFolder_ThrowsNotAFile()
    {
        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(_temp.Folder));

        Assert.Equal(PracticeStoreError.NotAFile, ex.Error);
        Assert.Equal("store.not-a-file", Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void Open_DevNull_ThrowsNotAFile()
    {
        Assert.SkipUnless(File.Exists("/dev/null"), "No /dev/null on this system (Windows).");

        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open("/dev/null"));

        Assert.Equal(PracticeStoreError.NotAFile, ex.Error);
    }

    [Fact]
    public void Open_NegativeUserVersion_ThrowsCorruptStore()
    {
        var path = _temp.File();
        using (SqlitePracticeStore.Open(path))
        {
        }

        SqliteConnection.ClearAllPools();
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = -5;";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(path));

        Assert.Equal(PracticeStoreError.CorruptStore, ex.Error);
        Assert.Contains("-5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Open_ReadOnlyFolder_ThrowsAccessDenied()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess, "File modes do not bind this process (Windows, or running as root); the mapping is tested by Failure_SqliteCodes_AreNamed.");
        var folder = Path.Combine(_temp.Folder, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(Path.Combine(folder, "practice.db")));

            Assert.Equal(PracticeStoreError.AccessDenied, ex.Error);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Open_ReadOnlyFile_ThrowsAccessDenied()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess, "File modes do not bind this process (Windows, or running as root); the mapping is tested by Failure_SqliteCodes_AreNamed.");
        var path = _temp.File();
        using (SqlitePracticeStore.Open(path))
        {
        }

        SqliteConnection.ClearAllPools();
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.SetUnixFileMode(path, UnixFileMode.UserRead);
        File.SetUnixFileMode(_temp.Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(path));

            Assert.Equal(PracticeStoreError.AccessDenied, ex.Error);
        }
        finally
        {
            File.SetUnixFileMode(_temp.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData(8, PracticeStoreError.AccessDenied, "store.access-denied")]
    [InlineData(14, PracticeStoreError.AccessDenied, "store.access-denied")]
    [InlineData(3, PracticeStoreError.AccessDenied, "store.access-denied")]
    [InlineData(26, PracticeStoreError.CorruptStore, "store.corrupt")]
    [InlineData(11, PracticeStoreError.CorruptStore, "store.corrupt")]
    [InlineData(13, PracticeStoreError.StorageFailure, "store.storage-failure")]
    [InlineData(10, PracticeStoreError.StorageFailure, "store.storage-failure")]
    [InlineData(5, PracticeStoreError.Busy, "store.busy")]
    [InlineData(6, PracticeStoreError.Busy, "store.busy")]
    public void Failure_SqliteCodes_AreNamed(int sqliteCode, PracticeStoreError expected, string problemCode)
    {
        var inner = new SqliteException("from SQLite", sqliteCode);

        var ex = SqlitePracticeStore.Failure("/x/practice.db", inner);

        Assert.Equal(expected, ex.Error);
        Assert.Equal(problemCode, Assert.Single(ex.Problems).Code);
        Assert.Same(inner, ex.InnerException);
    }

    /// <summary>
    /// A real lock: another connection holds the file's write lock (<c>BEGIN EXCLUSIVE</c>, as a second program or a long
    /// import would) for longer than the store's busy timeout. The write fails with <see cref="PracticeStoreError.Busy"/>
    /// after about that time, nothing of it stored; reads go on (write-ahead log); once the lock is gone the same write
    /// succeeds.
    /// </summary>
    [Fact]
    public async Task Write_WhileAnotherConnectionHoldsTheLock_FailsBusyAfterTheTimeout_ThenSucceeds()
    {
        var path = _temp.File();
        using var store = SqlitePracticeStore.Open(path, busyTimeout: TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), store.LockTimeout);
        var first = new Client { Id = Guid.NewGuid(), DisplayName = "First", TimeZoneId = "UTC", CreatedAt = DateTimeOffset.UnixEpoch };
        await store.AddClientAsync(first, TestContext.Current.CancellationToken);

        var blocked = new Client { Id = Guid.NewGuid(), DisplayName = "Blocked", TimeZoneId = "UTC", CreatedAt = DateTimeOffset.UnixEpoch };
        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            other.Open();
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddClientAsync(blocked, TestContext.Current.CancellationToken));
            Assert.Equal(PracticeStoreError.Busy, ex.Error);
            Assert.Equal("store.busy", Assert.Single(ex.Problems).Code);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
            Assert.Equal([first.Id], (await store.ListClientsAsync(TestContext.Current.CancellationToken)).Select(c => c.Id));

            using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        await store.AddClientAsync(blocked, TestContext.Current.CancellationToken);
        Assert.Equal(2, (await store.ListClientsAsync(TestContext.Current.CancellationToken)).Count);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(-1.0)]
    [InlineData(3601.0)]
    public void Open_BusyTimeoutOutsideWholeSecondsFrom1To3600_ThrowsNamingIt(double seconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SqlitePracticeStore.Open(_temp.File(), busyTimeout: TimeSpan.FromSeconds(seconds)));

        Assert.Equal("busyTimeout", ex.ParamName);
        Assert.False(File.Exists(_temp.File()));
    }
}
