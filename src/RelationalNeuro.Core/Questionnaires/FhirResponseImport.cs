using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>Answers read back from a FHIR <c>QuestionnaireResponse</c>, ready for <see cref="InstrumentScorer.Score(ReadOnlySpan{double?})"/>.</summary>
/// <param name="Answers">One entry per item of the definition, in item order; null where not answered or unreadable.</param>
/// <param name="Problems">Every problem met (unknown link ids, unreadable or off-scale answers, another questionnaire).</param>
public sealed record FhirResponseImport(ImmutableArray<double?> Answers, IReadOnlyList<Problem> Problems)
{
    /// <summary>The response's <c>subject</c> (who the answers are about), or null when it names none usable.</summary>
    public FhirReference? Subject { get; init; }

    /// <summary>The response's <c>source</c> (who answered), or null when it names none usable.</summary>
    public FhirReference? Source { get; init; }
}
