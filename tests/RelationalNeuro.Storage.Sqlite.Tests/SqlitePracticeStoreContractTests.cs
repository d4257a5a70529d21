using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>The shared store contract on a real SQLite file (one new file per store).</summary>
public sealed class SqlitePracticeStoreContractTests : PracticeStoreContractTests, IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly List<SqlitePracticeStore> _stores = [];

    protected override IPracticeStore CreateStore()
    {
        var store = SqlitePracticeStore.Open(_temp.File($"{_stores.Count}.db"));
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.Dispose();
        }

        _temp.Dispose();
    }
}
