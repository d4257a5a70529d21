namespace RelationalNeuro.Interventions;

/// <summary>A person whose practice is tracked. Everything else in a store belongs to one client.</summary>
public sealed record Client
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Name or pseudonym shown to the practitioner.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The client's IANA (or Windows) time-zone id, e.g. <c>Europe/Berlin</c>: defines their calendar days.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>When the record was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When the practitioner archived the client (work finished or paused), or null while active. Archiving hides a
    /// client from pickers and keeps every record; deleting (<see cref="IPracticeStore.DeleteClientAsync"/>) removes them.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; init; }
}
