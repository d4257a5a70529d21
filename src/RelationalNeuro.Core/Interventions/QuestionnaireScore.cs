namespace RelationalNeuro.Interventions;

/// <summary>A scored questionnaire administration kept for pre/post comparison (scores only, no item wording).</summary>
public sealed record QuestionnaireScore
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client who answered.</summary>
    public required Guid ClientId { get; init; }

    /// <summary>When it was completed.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Instrument id, e.g. <c>DERS-36</c>.</summary>
    public required string InstrumentId { get; init; }

    /// <summary>Scores by scale name (<c>total</c>, <c>Clarity</c>…), each finite.</summary>
    public required IReadOnlyDictionary<string, double> Scores { get; init; }
}
