namespace RelationalNeuro.Interventions;

/// <summary>
/// Everything a store holds about one client: the unit of export and import (a practitioner's data is theirs to
/// take away). Written as JSON by <see cref="PracticeJson.WriteClientRecord"/>. A list that is null or absent in
/// the JSON reads as empty.
/// </summary>
public sealed record ClientRecord
{
    /// <summary>The export format version written by this library.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Format version of this record (<see cref="CurrentFormatVersion"/> when written by this library).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The client.</summary>
    public required Client Client { get; init; }

    /// <summary>The client's plans, ordered by id.</summary>
    public IReadOnlyList<PracticePlan> Plans { get; init => field = value ?? []; } = [];

    /// <summary>The client's entries, ordered by time then id.</summary>
    public IReadOnlyList<PracticeEntry> Entries { get; init => field = value ?? []; } = [];

    /// <summary>The client's measurements, ordered by time then id.</summary>
    public IReadOnlyList<Measurement> Measurements { get; init => field = value ?? []; } = [];

    /// <summary>The client's questionnaire scores, ordered by time then id.</summary>
    public IReadOnlyList<QuestionnaireScore> Questionnaires { get; init => field = value ?? []; } = [];
}
