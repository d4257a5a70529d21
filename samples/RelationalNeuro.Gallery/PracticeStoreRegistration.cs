using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The gallery keeps a practitioner's clients, plans and entries in an embedded SQLite file on their own machine:
/// <c>practice.db</c> in the app's data folder, which is <c>RelationalNeuro:DataFolder</c> from configuration
/// (appsettings, or the environment variable <c>RelationalNeuro__DataFolder</c>), by default <c>RelationalNeuro</c>
/// in the user's local application-data folder; the folder is created on first run. <c>RelationalNeuro:PracticeStorePath</c>
/// names the file itself instead (its folder must exist: a mistyped path must not start an empty store elsewhere).
/// The file is opened on first use and closed with the app. A save waits at most <c>RelationalNeuro:StoreBusySeconds</c>
/// (default 5) for a lock another program holds on the file, then the page says it was not saved (a person at a form
/// should not wait the library's default 30 s).
/// </summary>
internal static class PracticeStoreRegistration
{
    public const string PathKey = "RelationalNeuro:PracticeStorePath";

    public const string DataFolderKey = "RelationalNeuro:DataFolder";

    public const string BusySecondsKey = "RelationalNeuro:StoreBusySeconds";

    public const string FileName = "practice.db";

    public static IServiceCollection AddPracticeStore(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddSingleton(_ => SqlitePracticeStore.Open(StorePath(configuration), busyTimeout: TimeSpan.FromSeconds(configuration.GetValue(BusySecondsKey, 5))))
            .AddSingleton<IPracticeStore, OpenedOnUsePracticeStore>();

    /// <summary>The store's file path from configuration; creates the data folder when the default layout is used.</summary>
    public static string StorePath(IConfiguration configuration)
    {
        if (configuration[PathKey] is { Length: > 0 } configured)
        {
            return configured;
        }

        var folder = configuration[DataFolderKey] is { Length: > 0 } dataFolder
            ? dataFolder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "RelationalNeuro");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, FileName);
    }
}
