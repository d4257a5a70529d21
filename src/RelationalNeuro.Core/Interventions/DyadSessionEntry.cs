using RelationalNeuro.Internal;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Interventions;

/// <summary>
/// A session two clients spent together with their heart rhythms measured (a co-regulation session), as one client's
/// entry: who the partner was, which member of the analysis this client was, and the session's synchrony numbers from a
/// <see cref="DyadReport"/>. The same session is saved for both clients with <see cref="FromReport"/>.
/// </summary>
public sealed record DyadSessionEntry : PracticeEntry
{
    /// <summary>The other client of the dyad (not this entry's <see cref="PracticeEntry.ClientId"/>).</summary>
    public required Guid PartnerClientId { get; init; }

    /// <summary>Which member of the analysis this client was (lags are signed from A to B).</summary>
    public required DyadMember Member { get; init; }

    /// <summary>Percent of segments whose synchrony was above chance (<see cref="DyadVerdict.PercentSegmentsAboveChance"/>), 0–100, or null.</summary>
    public double? PercentAboveChance { get; init; }

    /// <summary>SUSY's Z (mean |Fisher z| over lags of the real segments, <see cref="SurrogateSynchronyResult.Z"/>), ≥ 0, or null.</summary>
    public double? SynchronyZ { get; init; }

    /// <summary>The library's effect size against the surrogate pairs (<see cref="SurrogateSynchronyResult.EsAcrossSurrogates"/>), or null.</summary>
    public double? EffectSizeAcrossSurrogates { get; init; }

    /// <summary>Who led, from the verdict (A or B as in <see cref="Member"/>).</summary>
    public DyadLeader Leader { get; init; }

    /// <summary>By how much the follower followed, in s (≥ 0), or null when no leader.</summary>
    public double? LeadSeconds { get; init; }

    /// <summary>The verdict's sentence, or null.</summary>
    public string? Verdict { get; init; }

    /// <summary>The two entries of one session, one per client, sharing the report's numbers.</summary>
    /// <param name="report">The session's analysis.</param>
    /// <param name="clientA">The client who was member A.</param>
    /// <param name="clientB">The client who was member B.</param>
    /// <param name="interventionId">The practice (an id from the catalog, e.g. <see cref="InterventionCatalog.MicroMomentsId"/>).</param>
    /// <param name="occurredAt">When the session started.</param>
    /// <returns>A's entry and B's entry, each with a new id, the session's duration and no plan (set with <c>with</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="interventionId"/> is null.</exception>
    public static (DyadSessionEntry ForA, DyadSessionEntry ForB) FromReport(DyadReport report, Guid clientA, Guid clientB, string interventionId, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(interventionId);
        var a = new DyadSessionEntry
        {
            Id = Guid.NewGuid(),
            ClientId = clientA,
            PartnerClientId = clientB,
            Member = DyadMember.A,
            InterventionId = interventionId,
            OccurredAt = occurredAt,
            DurationSeconds = report.Alignment.DurationSeconds,
            PercentAboveChance = report.Verdict.PercentSegmentsAboveChance,
            SynchronyZ = report.Surrogate.Z,
            EffectSizeAcrossSurrogates = report.Surrogate.EsAcrossSurrogates,
            Leader = report.Verdict.Leader,
            LeadSeconds = report.Verdict.LeadSeconds,
            Verdict = report.Verdict.Text,
        };
        return (a, a with { Id = Guid.NewGuid(), ClientId = clientB, PartnerClientId = clientA, Member = DyadMember.B });
    }

    /// <summary>A partner other than the client, defined enums, percent in 0–100, Z ≥ 0, lead ≥ 0, all finite.</summary>
    internal override void Validate(ProblemCollector problems, PracticeStoreOptions options)
    {
        if (PartnerClientId == Guid.Empty || PartnerClientId == ClientId)
        {
            problems.Error("entry.invalid-partner", "The partner must be another client (a non-empty id other than the entry's client).", ".partnerClientId");
        }

        if (!Enum.IsDefined(Member) || !Enum.IsDefined(Leader))
        {
            problems.Error("entry.invalid-member", PracticeValidation.Inv($"Member {Member} or leader {Leader} is not a defined value."), ".member");
        }

        if (PercentAboveChance is { } p && !(p >= 0 && p <= 100))
        {
            problems.Error("entry.invalid-synchrony", PracticeValidation.Inv($"Percent above chance must be in 0–100; was {p}."), ".percentAboveChance");
        }

        if (SynchronyZ is { } z && !(z >= 0 && double.IsFinite(z)))
        {
            problems.Error("entry.invalid-synchrony", PracticeValidation.Inv($"Synchrony Z must be finite and at least 0; was {z}."), ".synchronyZ");
        }

        if (EffectSizeAcrossSurrogates is { } es && !double.IsFinite(es))
        {
            problems.Error("entry.invalid-synchrony", PracticeValidation.Inv($"The effect size must be finite; was {es}."), ".effectSizeAcrossSurrogates");
        }

        if (LeadSeconds is { } lead && !(lead >= 0 && double.IsFinite(lead)))
        {
            problems.Error("entry.invalid-synchrony", PracticeValidation.Inv($"The lead must be finite and at least 0 s; was {lead}."), ".leadSeconds");
        }
    }
}
