using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The scores of one response to an instrument, with every problem met: missing items beyond the rule, out-of-range
/// or non-numeric answers, answers to unknown items. Bad answers are reported, never coerced.
/// </summary>
/// <param name="InstrumentId">The instrument's id.</param>
/// <param name="Subscales">One score per subscale, in definition order.</param>
/// <param name="ItemsAnswered">Items with a valid answer.</param>
/// <param name="Problems">Every problem met; empty for a complete valid response.</param>
public sealed record ScoreResult(
    string InstrumentId,
    ImmutableArray<SubscaleScore> Subscales,
    int ItemsAnswered,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>True when no problem of severity <see cref="ProblemSeverity.Error"/> was met.</summary>
    public bool IsComplete
    {
        get
        {
            foreach (var p in Problems)
            {
                if (p.Severity == ProblemSeverity.Error)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The definition scored (set by <see cref="InstrumentScorer"/>); lets the indexer accept subscale aliases.</summary>
    internal InstrumentDefinition? Definition { get; init; }

    /// <summary>The subscale score with the given id or alias (<see cref="SubscaleDefinition.Aliases"/>).</summary>
    /// <param name="subscaleId">A subscale id of the instrument, or one of its aliases (e.g. ERQ <c>"cognitive-reappraisal"</c>).</param>
    /// <returns>The subscale score.</returns>
    /// <exception cref="KeyNotFoundException">The instrument has no such subscale.</exception>
    public SubscaleScore this[string subscaleId]
    {
        get
        {
            foreach (var s in Subscales)
            {
                if (string.Equals(s.SubscaleId, subscaleId, StringComparison.Ordinal))
                {
                    return s;
                }
            }

            if (Definition?.FindSubscale(subscaleId) is { } aliased)
            {
                foreach (var s in Subscales)
                {
                    if (string.Equals(s.SubscaleId, aliased.Id, StringComparison.Ordinal))
                    {
                        return s;
                    }
                }
            }

            throw new KeyNotFoundException($"Instrument '{InstrumentId}' has no subscale '{subscaleId}'.");
        }
    }
}
