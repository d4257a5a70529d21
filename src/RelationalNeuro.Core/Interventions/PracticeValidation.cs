using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// The rules every <see cref="IPracticeStore"/> applies before writing, as lists of located problems (JSON paths
/// in the export format). Stores turn a non-empty list into a <see cref="PracticeStoreException"/>.
/// </summary>
/// <remarks>
/// Every check also refuses text that could not be stored unchanged: a string member (at any depth, list items and
/// dictionary keys included) holding a lone UTF-16 surrogate gives <c>data.lone-surrogate</c> at its JSON path, since
/// it has no UTF-8 form and SQLite or the JSON export would write U+FFFD in its place.
/// </remarks>
public static class PracticeValidation
{
    /// <summary>Checks a client: non-empty id, a display name, a time zone this machine knows.</summary>
    /// <param name="client">The client.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static IReadOnlyList<Problem> ValidateClient(Client client, string location = "$")
    {
        Guard.NotNull(client);
        var problems = new ProblemCollector();
        Check(client, problems.At(location));
        return problems.ToList();
    }

    /// <summary>
    /// Checks a plan: ids, name, a known time zone, end not before start, at least one assignment, each for a known
    /// intervention (at most once), with sessions per day ≥ 1, defined days and minutes &gt; 0 when given.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Where interventions are looked up.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<Problem> ValidatePlan(PracticePlan plan, PracticeStoreOptions options, string location = "$")
    {
        Guard.NotNull(plan);
        Guard.NotNull(options);
        var problems = new ProblemCollector();
        Check(plan, options, problems.At(location));
        return problems.ToList();
    }

    /// <summary>
    /// Checks an entry on its own and against its plan: ids; a known intervention, assigned by the plan when there is
    /// one; a finite non-negative duration; and per type — check-ins need a known taxonomy and at least one label
    /// whose path is in it with intensity 0–10; gratitude needs at least one non-blank item; micro-moments a
    /// description and a rating 1–7 when given; pauses a trigger and a choice (a named feeling needs its taxonomy);
    /// narrative reflections a prompt and text; breathing sessions a known pattern, cycles ≥ 0 and finite,
    /// non-negative HRV values. The per-type rules are each subtype's own (see <see cref="PracticeEntry"/>).
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="plan">The plan it names (already checked to exist and belong to the client), or null.</param>
    /// <param name="options">Taxonomies, interventions and patterns to check against.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> or <paramref name="options"/> is null.</exception>
    public static IReadOnlyList<Problem> ValidateEntry(PracticeEntry entry, PracticePlan? plan, PracticeStoreOptions options, string location = "$")
    {
        Guard.NotNull(entry);
        Guard.NotNull(options);
        var problems = new ProblemCollector();
        Check(entry, plan, options, problems.At(location));
        return problems.ToList();
    }

    /// <summary>Checks a measurement: ids, a metric key, a unit and a finite value.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measurement"/> is null.</exception>
    public static IReadOnlyList<Problem> ValidateMeasurement(Measurement measurement, string location = "$")
    {
        Guard.NotNull(measurement);
        var problems = new ProblemCollector();
        Check(measurement, problems.At(location));
        return problems.ToList();
    }

    /// <summary>Checks a questionnaire score: ids, an instrument id, at least one score, every score finite.</summary>
    /// <param name="score">The score.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is null.</exception>
    public static IReadOnlyList<Problem> ValidateQuestionnaireScore(QuestionnaireScore score, string location = "$")
    {
        Guard.NotNull(score);
        var problems = new ProblemCollector();
        Check(score, problems.At(location));
        return problems.ToList();
    }

    /// <summary>
    /// Checks a whole client record before import: every item valid, every item's client id equal to the record's
    /// client, every entry's plan in the record, no id used twice.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="options">Taxonomies, interventions and patterns to check against.</param>
    /// <returns>The problems, located by JSON path in the export format; empty when valid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<Problem> ValidateClientRecord(ClientRecord record, PracticeStoreOptions options)
    {
        Guard.NotNull(record);
        Guard.NotNull(options);
        var problems = new ProblemCollector();
        if (record.Client is null)
        {
            problems.Error("import.missing-client", "The record has no client.", "$.client");
            return problems.ToList();
        }

        Check(record.Client, problems.At("$.client"));
        var clientId = record.Client.Id;
        var ids = new HashSet<Guid>();
        var plans = new Dictionary<Guid, PracticePlan>();
        Each(record.Plans, problems.At("$.plans"), (p, at) =>
        {
            Check(p, options, at);
            Owner(at, p.ClientId, clientId);
            Unique(at, p.Id, ids);
            plans[p.Id] = p;
        });
        Each(record.Entries, problems.At("$.entries"), (e, at) =>
        {
            PracticePlan? plan = null;
            if (e.PlanId is { } pid && !plans.TryGetValue(pid, out plan))
            {
                at.Error("import.unknown-plan", $"Plan {pid} is not in the record.", ".planId");
            }

            Check(e, plan, options, at);
            Owner(at, e.ClientId, clientId);
            Unique(at, e.Id, ids);
        });
        Each(record.Measurements, problems.At("$.measurements"), (m, at) =>
        {
            Check(m, at);
            Owner(at, m.ClientId, clientId);
            Unique(at, m.Id, ids);
        });
        Each(record.Questionnaires, problems.At("$.questionnaires"), (q, at) =>
        {
            Check(q, at);
            Owner(at, q.ClientId, clientId);
            Unique(at, q.Id, ids);
        });
        return problems.ToList();
    }

    /// <summary>
    /// Checks a batch of entries as a store must before writing it, and throws the typed refusal: the first entry
    /// (in batch order) whose client is unknown gives <see cref="PracticeStoreError.UnknownClient"/>; whose plan is
    /// missing or another client's, <see cref="PracticeStoreError.UnknownPlan"/>; an id repeated within the batch,
    /// <see cref="PracticeStoreError.DuplicateId"/>; otherwise all rule problems of all entries (located
    /// <c>$[i]…</c>) give <see cref="PracticeStoreError.InvalidData"/>.
    /// </summary>
    /// <param name="entries">The batch.</param>
    /// <param name="clientExists">Whether the store has a client.</param>
    /// <param name="findPlan">The store's plan with an id (any client), or null.</param>
    /// <param name="options">Taxonomies, interventions and patterns to check against.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PracticeStoreException">The batch must not be written.</exception>
    public static void EnsureWritable(
        IReadOnlyList<PracticeEntry> entries,
        Func<Guid, bool> clientExists,
        Func<Guid, PracticePlan?> findPlan,
        PracticeStoreOptions options)
    {
        Guard.NotNull(entries);
        Guard.NotNull(clientExists);
        Guard.NotNull(findPlan);
        Guard.NotNull(options);
        var problems = new ProblemCollector();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = Index("$", i);
            var e = entries[i] ?? throw new PracticeStoreException(
                PracticeStoreError.InvalidData, "An entry is null.", [new Problem("entry.null", "An entry is null.", Location: at)]);
            if (!clientExists(e.ClientId))
            {
                throw new PracticeStoreException(
                    PracticeStoreError.UnknownClient,
                    $"Client {e.ClientId} is not in the store.",
                    [new Problem("store.unknown-client", $"Client {e.ClientId} is not in the store.", Location: at + ".clientId")]);
            }

            PracticePlan? plan = null;
            if (e.PlanId is { } pid)
            {
                plan = findPlan(pid);
                if (plan is null || plan.ClientId != e.ClientId)
                {
                    throw new PracticeStoreException(
                        PracticeStoreError.UnknownPlan,
                        $"Plan {pid} is not a plan of client {e.ClientId}.",
                        [new Problem("store.unknown-plan", $"Plan {pid} is not a plan of client {e.ClientId}.", Location: at + ".planId")]);
                }
            }

            if (!ids.Add(e.Id))
            {
                throw new PracticeStoreException(
                    PracticeStoreError.DuplicateId,
                    $"Entry id {e.Id} appears twice in the batch.",
                    [new Problem("store.duplicate-id", $"Entry id {e.Id} appears twice in the batch.", Location: at + ".id")]);
            }

            Check(e, plan, options, problems.At(at));
        }

        ThrowIfAny(problems.ToList(), "The entries are invalid");
    }

    /// <summary>Throws <see cref="PracticeStoreError.InvalidData"/> listing <paramref name="problems"/> when there are any.</summary>
    /// <param name="problems">Problems from a Validate method.</param>
    /// <param name="what">Start of the exception message, e.g. "The plan is invalid".</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PracticeStoreException">There are problems.</exception>
    public static void ThrowIfAny(IReadOnlyList<Problem> problems, string what)
    {
        Guard.NotNull(problems);
        Guard.NotNull(what);
        if (problems.Count > 0)
        {
            throw new PracticeStoreException(
                PracticeStoreError.InvalidData,
                what + ": " + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? Inv($" (and {problems.Count - 5} more)") : string.Empty),
                problems);
        }
    }

    /// <summary>Adds <c>data.missing-text</c> at <c>.{name}</c> when <paramref name="value"/> is null or blank.</summary>
    internal static void RequireText(ProblemCollector problems, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Error("data.missing-text", $"'{name}' is missing or blank.", "." + name);
        }
    }

    /// <summary>Adds <c>data.out-of-range</c> at <paramref name="location"/> when <paramref name="value"/> is given and not finite and ≥ 0.</summary>
    internal static void NonNegative(ProblemCollector problems, double? value, string location)
    {
        if (value is { } v && !(v >= 0 && double.IsFinite(v)))
        {
            problems.Error("data.out-of-range", Inv($"Must be finite and at least 0; was {v}."), location);
        }
    }

    /// <summary>Checks an optional HRV snapshot at <paramref name="location"/>: every value finite and ≥ 0.</summary>
    internal static void CheckHrv(ProblemCollector problems, HrvSnapshot? snapshot, string location)
    {
        if (snapshot is null)
        {
            return;
        }

        var at = problems.At(location);
        NonNegative(at, snapshot.DurationSeconds, ".durationSeconds");
        NonNegative(at, snapshot.RmssdMs, ".rmssdMs");
        NonNegative(at, snapshot.SdnnMs, ".sdnnMs");
        NonNegative(at, snapshot.MeanHeartRateBpm, ".meanHeartRateBpm");
        NonNegative(at, snapshot.LfPowerMs2, ".lfPowerMs2");
        NonNegative(at, snapshot.HfPowerMs2, ".hfPowerMs2");
    }

    /// <summary><c>{location}[{i}]</c>, invariant.</summary>
    internal static string Index(string location, int i) => string.Create(CultureInfo.InvariantCulture, $"{location}[{i}]");

    /// <summary>Formats with the invariant culture.</summary>
    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Check(Client client, ProblemCollector problems)
    {
        PracticeText.Check(client, problems);
        NonEmpty(problems, client.Id, ".id");
        RequireText(problems, client.DisplayName, "displayName");
        TimeZone(problems, client.TimeZoneId, ".timeZoneId");
    }

    private static void Check(PracticePlan plan, PracticeStoreOptions options, ProblemCollector problems)
    {
        PracticeText.Check(plan, problems);
        NonEmpty(problems, plan.Id, ".id");
        NonEmpty(problems, plan.ClientId, ".clientId");
        RequireText(problems, plan.Name, "name");
        TimeZone(problems, plan.TimeZoneId, ".timeZoneId");
        if (plan.EndDate is { } end && end < plan.StartDate)
        {
            problems.Error("plan.end-before-start", Inv($"The end date {end:O} is before the start date {plan.StartDate:O}."), ".endDate");
        }

        if (plan.Assignments is null || plan.Assignments.Count == 0)
        {
            problems.Error("plan.no-assignments", "The plan assigns no intervention.", ".assignments");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Assignments.Count; i++)
        {
            var at = problems.At(Index(".assignments", i));
            var a = plan.Assignments[i];
            if (a is null)
            {
                at.Error("plan.null-assignment", "An assignment is null.");
                continue;
            }

            if (options.FindIntervention(a.InterventionId) is null)
            {
                at.Error("plan.unknown-intervention", $"Intervention '{a.InterventionId}' is not in the catalog.", ".interventionId");
            }
            else if (!seen.Add(a.InterventionId))
            {
                at.Error("plan.duplicate-intervention", $"Intervention '{a.InterventionId}' is assigned twice.", ".interventionId");
            }

            var s = a.Schedule;
            if (s is null)
            {
                at.Error("plan.missing-schedule", "The assignment has no schedule.", ".schedule");
                continue;
            }

            if (s.SessionsPerDay < 1)
            {
                at.Error("plan.invalid-sessions", Inv($"Sessions per day must be at least 1; was {s.SessionsPerDay}."), ".schedule.sessionsPerDay");
            }

            if (s.MinutesPerSession is { } m && !(m > 0 && double.IsFinite(m)))
            {
                at.Error("plan.invalid-minutes", Inv($"Minutes per session must be finite and > 0; was {m}."), ".schedule.minutesPerSession");
            }

            if (s.Days is null || s.Days.Any(d => !Enum.IsDefined(d)))
            {
                at.Error("plan.invalid-days", "Days must be defined days of the week.", ".schedule.days");
            }
        }
    }

    private static void Check(PracticeEntry entry, PracticePlan? plan, PracticeStoreOptions options, ProblemCollector problems)
    {
        PracticeText.Check(entry, problems);
        NonEmpty(problems, entry.Id, ".id");
        NonEmpty(problems, entry.ClientId, ".clientId");
        if (options.FindIntervention(entry.InterventionId) is null)
        {
            problems.Error("entry.unknown-intervention", $"Intervention '{entry.InterventionId}' is not in the catalog.", ".interventionId");
        }
        else if (plan is not null && plan.Assignments?.Any(a => a is not null && a.InterventionId == entry.InterventionId) != true)
        {
            problems.Error("entry.not-in-plan", $"Plan '{plan.Name}' does not assign '{entry.InterventionId}'.", ".interventionId");
        }

        NonNegative(problems, entry.DurationSeconds, ".durationSeconds");
        entry.Validate(problems, options);
    }

    private static void Check(Measurement measurement, ProblemCollector problems)
    {
        PracticeText.Check(measurement, problems);
        NonEmpty(problems, measurement.Id, ".id");
        NonEmpty(problems, measurement.ClientId, ".clientId");
        RequireText(problems, measurement.Metric, "metric");
        RequireText(problems, measurement.Unit, "unit");
        if (!double.IsFinite(measurement.Value))
        {
            problems.Error("measurement.not-finite", Inv($"The value must be finite; was {measurement.Value}."), ".value");
        }
    }

    private static void Check(QuestionnaireScore score, ProblemCollector problems)
    {
        PracticeText.Check(score, problems);
        NonEmpty(problems, score.Id, ".id");
        NonEmpty(problems, score.ClientId, ".clientId");
        RequireText(problems, score.InstrumentId, "instrumentId");
        if (score.Scores is null || score.Scores.Count == 0)
        {
            problems.Error("questionnaire.no-scores", "At least one score is needed.", ".scores");
            return;
        }

        foreach (var (scale, value) in score.Scores)
        {
            if (!double.IsFinite(value))
            {
                problems.Error("questionnaire.not-finite", Inv($"Score '{scale}' must be finite; was {value}."), ".scores." + scale);
            }
        }
    }

    private static void Each<T>(IReadOnlyList<T>? items, ProblemCollector problems, Action<T, ProblemCollector> check)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = problems.At(Index(string.Empty, i));
            if (items[i] is null)
            {
                at.Error("import.null-item", "An item is null.");
            }
            else
            {
                check(items[i], at);
            }
        }
    }

    private static void Owner(ProblemCollector problems, Guid itemClient, Guid clientId)
    {
        if (itemClient != clientId)
        {
            problems.Error("import.foreign-client", $"The item belongs to client {itemClient}, not {clientId}.", ".clientId");
        }
    }

    private static void Unique(ProblemCollector problems, Guid id, HashSet<Guid> ids)
    {
        if (!ids.Add(id))
        {
            problems.Error("import.duplicate-id", $"Id {id} is used twice in the record.", ".id");
        }
    }

    private static void NonEmpty(ProblemCollector problems, Guid id, string location)
    {
        if (id == Guid.Empty)
        {
            problems.Error("data.empty-id", "The id is the empty GUID.", location);
        }
    }

    private static void TimeZone(ProblemCollector problems, string? id, string location)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            problems.Error("data.unknown-time-zone", $"Time zone '{id}' is not known on this machine.", location);
        }
    }
}
