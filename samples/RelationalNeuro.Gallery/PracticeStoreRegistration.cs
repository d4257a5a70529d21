using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The gallery keeps a practitioner's clients, plans and entries in an embedded SQLite file on their own machine.
/// The file is <c>RelationalNeuro:PracticeStorePath</c> from configuration (appsettings, or the environment variable
/// <c>RelationalNeuro__PracticeStorePath</c>), by default <c>practice.db</c> in the user's local application-data
/// folder under <c>RelationalNeuro</c>. It is opened on first use, and closed with the app.
/// </summary>
internal static class PracticeStoreRegistration
{
    public const string PathKey = "RelationalNeuro:PracticeStorePath";

    public static IServiceCollection AddPracticeStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IPracticeStore>(_ =>
        {
            var path = configuration[PathKey] is { Length: > 0 } configured
                ? configured
                : DefaultPath();
            return SqlitePracticeStore.Open(path);
        });

    private static string DefaultPath()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "RelationalNeuro");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "practice.db");
    }
}
