using System.Globalization;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery;

/// <summary>Says, in a sentence, what deleting a client removed (read from their record just before the delete).</summary>
internal static class DataDeletion
{
    public static string Describe(ClientRecord record) =>
        $"Deleted {ClientNames.Shown(record.Client)} and everything of theirs from the file: {Contents(record)}.";

    /// <summary>"2 plans, 14 journal entries, 3 measurements and 1 questionnaire score".</summary>
    public static string Contents(ClientRecord record) =>
        $"{Count(record.Plans.Count, "plan")}, {Count(record.Entries.Count, "journal entry", "journal entries")}, " +
        $"{Count(record.Measurements.Count, "measurement")} and {Count(record.Questionnaires.Count, "questionnaire score")}";

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");
}
