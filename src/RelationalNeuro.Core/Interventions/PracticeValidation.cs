using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>
/// The rules every <see cref="IPracticeStore"/> applies before writing, as lists of located problems (JSON paths
/// in the export format). Stores turn a non-empty list into a <see cref="PracticeStoreException"/>.
/// </summary>
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
        var problems = new List<Problem>();
        NonEmpty(client.Id, location + ".id", problems);
        Text(client.DisplayName, "displayName", location, problems);
        TimeZone(client.TimeZoneId, location + ".timeZoneId", problems);
        return problems;
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
        var problems = new List<Problem>();
        NonEmpty(plan.Id, location + ".id", problems);
        NonEmpty(plan.ClientId, location + ".clientId", problems);
        Text(plan.Name, "name", location, problems);
        TimeZone(plan.TimeZoneId, location + ".timeZoneId", problems);
        if (plan.EndDate is { } end && end < plan.StartDate)
        {
            problems.Add(new Problem("plan.end-before-start", Inv($"The end date {end:O} is before the start date {plan.StartDate:O}."), Location: location + ".endDate"));
        }

        if (plan.Assignments is null || plan.Assignments.Count == 0)
        {
            problems.Add(new Problem("plan.no-assignments", "The plan assigns no intervention.", Location: location + ".assignments"));
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Assignments.Count; i++)
        {
            var at = Index(location + ".assignments", i);
            var a = plan.Assignments[i];
            if (a is null)
            {
                problems.Add(new Problem("plan.null-assignment", "An assignment is null.", Location: at));
                continue;
            }

            if (options.FindIntervention(a.InterventionId) is null)
            {
                problems.Add(new Problem("plan.unknown-intervention", $"Intervention '{a.InterventionId}' is not in the catalog.", Location: at + ".interventionId"));
            }
            else if (!seen.Add(a.InterventionId))
            {
                problems.Add(new Problem("plan.duplicate-intervention", $"Intervention '{a.InterventionId}' is assigned twice.", Location: at + ".interventionId"));
            }

            var s = a.Schedule;
            if (s is null)
            {
                problems.Add(new Problem("plan.missing-schedule", "The assignment has no schedule.", Location: at + ".schedule"));
                continue;
            }

            if (s.SessionsPerDay < 1)
            {
                problems.Add(new Problem("plan.invalid-sessions", Inv($"Sessions per day must be at least 1; was {s.SessionsPerDay}."), Location: at + ".schedule.sessionsPerDay"));
            }

            if (s.MinutesPerSession is { } m && !(m > 0 && double.IsFinite(m)))
            {
                problems.Add(new Problem("plan.invalid-minutes", Inv($"Minutes per session must be finite and > 0; was {m}."), Location: at + ".schedule.minutesPerSession"));
            }

            if (s.Days is null || s.Days.Any(d => !Enum.IsDefined(d)))
            {
                problems.Add(new Problem("plan.invalid-days", "Days must be defined days of the week.", Location: at + ".schedule.days"));
            }
        }

        return problems;
    }

    /// <summary>
    /// Checks an entry on its own and against its plan: ids; a known intervention, assigned by the plan when there is
    /// one; a finite non-negative duration; and per type — check-ins need a known taxonomy and at least one label
    /// whose path is in it with intensity 0–10; gratitude needs at least one non-blank item; micro-moments a
    /// description and a rating 1–7 when given; pauses a trigger and a choice (a named feeling needs its taxonomy);
    /// narrative reflections a prompt and text; breathing sessions a known pattern, cycles ≥ 0 and finite,
    /// non-negative HRV values.
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
        var problems = new List<Problem>();
        NonEmpty(entry.Id, location + ".id", problems);
        NonEmpty(entry.ClientId, location + ".clientId", problems);
        if (options.FindIntervention(entry.InterventionId) is null)
        {
            problems.Add(new Problem("entry.unknown-intervention", $"Intervention '{entry.InterventionId}' is not in the catalog.", Location: location + ".interventionId"));
        }
        else if (plan is not null && !plan.Assignments.Any(a => a.InterventionId == entry.InterventionId))
        {
            problems.Add(new Problem("entry.not-in-plan", $"Plan '{plan.Name}' does not assign '{entry.InterventionId}'.", Location: location + ".interventionId"));
        }

        NonNegative(entry.DurationSeconds, location + ".durationSeconds", problems);
        switch (entry)
        {
            case FeelingsCheckInEntry c:
                var taxonomy = options.FindTaxonomy(c.TaxonomyId);
                if (taxonomy is null)
                {
                    problems.Add(new Problem("entry.unknown-taxonomy", $"Taxonomy '{c.TaxonomyId}' is not registered with the store.", Location: location + ".taxonomyId"));
                }

                if (c.Labels is null || c.Labels.Count == 0)
                {
                    problems.Add(new Problem("entry.no-labels", "A check-in needs at least one label.", Location: location + ".labels"));
                    break;
                }

                for (var i = 0; i < c.Labels.Count; i++)
                {
                    var at = Index(location + ".labels", i);
                    if (c.Labels[i] is null)
                    {
                        problems.Add(new Problem("entry.null-label", "A label is null.", Location: at));
                    }
                    else
                    {
                        problems.AddRange(taxonomy is null ? c.Labels[i].Validate(at) : taxonomy.Validate(c.Labels[i], at));
                    }
                }

                break;
            case GratitudeEntry g:
                if (g.Items is null || g.Items.Count == 0 || g.Items.Any(string.IsNullOrWhiteSpace))
                {
                    problems.Add(new Problem("entry.invalid-items", "A gratitude entry needs at least one item, none blank.", Location: location + ".items"));
                }

                break;
            case MicroMomentEntry m:
                Text(m.Description, "description", location, problems);
                if (m.ConnectionRating is { } r && r is < 1 or > 7)
                {
                    problems.Add(new Problem("entry.rating-out-of-range", Inv($"Connection rating must be in [1, 7]; was {r}."), Location: location + ".connectionRating"));
                }

                break;
            case PauseEntry p:
                Text(p.Trigger, "trigger", location, problems);
                Text(p.Choice, "choice", location, problems);
                if (p.Feeling is not null)
                {
                    var t = options.FindTaxonomy(p.TaxonomyId);
                    if (t is null)
                    {
                        problems.Add(new Problem("entry.unknown-taxonomy", $"Taxonomy '{p.TaxonomyId}' is not registered with the store.", Location: location + ".taxonomyId"));
                        problems.AddRange(p.Feeling.Validate(location + ".feeling"));
                    }
                    else
                    {
                        problems.AddRange(t.Validate(p.Feeling, location + ".feeling"));
                    }
                }

                if (p.BreathingPatternId is not null && options.FindBreathingPattern(p.BreathingPatternId) is null)
                {
                    problems.Add(new Problem("entry.unknown-pattern", $"Breathing pattern '{p.BreathingPatternId}' is not registered.", Location: location + ".breathingPatternId"));
                }

                break;
            case NarrativeReflectionEntry n:
                Text(n.Prompt, "prompt", location, problems);
                Text(n.Text, "text", location, problems);
                break;
            case BreathingSessionEntry b:
                if (options.FindBreathingPattern(b.BreathingPatternId) is null)
                {
                    problems.Add(new Problem("entry.unknown-pattern", $"Breathing pattern '{b.BreathingPatternId}' is not registered.", Location: location + ".breathingPatternId"));
                }

                if (b.CyclesCompleted < 0)
                {
                    problems.Add(new Problem("entry.invalid-cycles", Inv($"Cycles completed must be at least 0; was {b.CyclesCompleted}."), Location: location + ".cyclesCompleted"));
                }

                Hrv(b.HrvBefore, location + ".hrvBefore", problems);
                Hrv(b.HrvAfter, location + ".hrvAfter", problems);
                break;
            default:
                problems.Add(new Problem("entry.unknown-type", $"Entry type {entry.GetType().Name} is not one the store can persist.", Location: location));
                break;
        }

        return problems;
    }

    /// <summary>Checks a measurement: ids, a metric key, a unit and a finite value.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measurement"/> is null.</exception>
    public static IReadOnlyList<Problem> ValidateMeasurement(Measurement measurement, string location = "$")
    {
        Guard.NotNull(measurement);
        var problems = new List<Problem>();
        NonEmpty(measurement.Id, location + ".id", problems);
        NonEmpty(measurement.ClientId, location + ".clientId", problems);
        Text(measurement.Metric, "metric", location, problems);
        Text(measurement.Unit, "unit", location, problems);
        if (!double.IsFinite(measurement.Value))
        {
            problems.Add(new Problem("measurement.not-finite", Inv($"The value must be finite; was {measurement.Value}."), Location: location + ".value"));
        }

        return problems;
    }

    /// <summary>Checks a questionnaire score: ids, an instrument id, at least one score, every score finite.</summary>
    /// <param name="score">The score.</param>
    /// <param name="location">JSON path prefix for the problems.</param>
    /// <returns>The problems; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is null.</exception>
    public static IReadOnlyList<Problem> ValidateQuestionnaireScore(QuestionnaireScore score, string location = "$")
    {
        Guard.NotNull(score);
        var problems = new List<Problem>();
        NonEmpty(score.Id, location + ".id", problems);
        NonEmpty(score.ClientId, location + ".clientId", problems);
        Text(score.InstrumentId, "instrumentId", location, problems);
        if (score.Scores is null || score.Scores.Count == 0)
        {
            problems.Add(new Problem("questionnaire.no-scores", "At least one score is needed.", Location: location + ".scores"));
        }
        else
        {
            foreach (var (scale, value) in score.Scores)
            {
                if (!double.IsFinite(value))
                {
                    problems.Add(new Problem("questionnaire.not-finite", Inv($"Score '{scale}' must be finite; was {value}."), Location: location + ".scores." + scale));
                }
            }
        }

        return problems;
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
        var problems = new List<Problem>();
        if (record.Client is null)
        {
            problems.Add(new Problem("import.missing-client", "The record has no client.", Location: "$.client"));
            return problems;
        }

        problems.AddRange(ValidateClient(record.Client, "$.client"));
        var clientId = record.Client.Id;
        var ids = new HashSet<Guid>();
        var plans = new Dictionary<Guid, PracticePlan>();
        Each(record.Plans, "$.plans", (p, at) =>
        {
            problems.AddRange(ValidatePlan(p, options, at));
            Owner(p.ClientId, clientId, at, problems);
            Unique(p.Id, ids, at, problems);
            plans[p.Id] = p;
        }, problems);
        Each(record.Entries, "$.entries", (e, at) =>
        {
            PracticePlan? plan = null;
            if (e.PlanId is { } pid && !plans.TryGetValue(pid, out plan))
            {
                problems.Add(new Problem("import.unknown-plan", $"Plan {pid} is not in the record.", Location: at + ".planId"));
            }

            problems.AddRange(ValidateEntry(e, plan, options, at));
            Owner(e.ClientId, clientId, at, problems);
            Unique(e.Id, ids, at, problems);
        }, problems);
        Each(record.Measurements, "$.measurements", (m, at) =>
        {
            problems.AddRange(ValidateMeasurement(m, at));
            Owner(m.ClientId, clientId, at, problems);
            Unique(m.Id, ids, at, problems);
        }, problems);
        Each(record.Questionnaires, "$.questionnaires", (q, at) =>
        {
            problems.AddRange(ValidateQuestionnaireScore(q, at));
            Owner(q.ClientId, clientId, at, problems);
            Unique(q.Id, ids, at, problems);
        }, problems);
        return problems;
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
        var problems = new List<Problem>();
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

            problems.AddRange(ValidateEntry(e, plan, options, at));
        }

        ThrowIfAny(problems, "The entries are invalid");
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

    private static void Each<T>(IReadOnlyList<T>? items, string location, Action<T, string> check, List<Problem> problems)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = Index(location, i);
            if (items[i] is null)
            {
                problems.Add(new Problem("import.null-item", "An item is null.", Location: at));
            }
            else
            {
                check(items[i], at);
            }
        }
    }

    private static void Owner(Guid itemClient, Guid clientId, string at, List<Problem> problems)
    {
        if (itemClient != clientId)
        {
            problems.Add(new Problem("import.foreign-client", $"The item belongs to client {itemClient}, not {clientId}.", Location: at + ".clientId"));
        }
    }

    private static void Unique(Guid id, HashSet<Guid> ids, string at, List<Problem> problems)
    {
        if (!ids.Add(id))
        {
            problems.Add(new Problem("import.duplicate-id", $"Id {id} is used twice in the record.", Location: at + ".id"));
        }
    }

    private static void NonEmpty(Guid id, string at, List<Problem> problems)
    {
        if (id == Guid.Empty)
        {
            problems.Add(new Problem("data.empty-id", "The id is the empty GUID.", Location: at));
        }
    }

    private static void Text(string? value, string name, string location, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new Problem("data.missing-text", $"'{name}' is missing or blank.", Location: location + "." + name));
        }
    }

    private static void NonNegative(double? value, string at, List<Problem> problems)
    {
        if (value is { } v && !(v >= 0 && double.IsFinite(v)))
        {
            problems.Add(new Problem("data.out-of-range", Inv($"Must be finite and at least 0; was {v}."), Location: at));
        }
    }

    private static void Hrv(HrvSnapshot? s, string at, List<Problem> problems)
    {
        if (s is null)
        {
            return;
        }

        NonNegative(s.DurationSeconds, at + ".durationSeconds", problems);
        NonNegative(s.RmssdMs, at + ".rmssdMs", problems);
        NonNegative(s.SdnnMs, at + ".sdnnMs", problems);
        NonNegative(s.MeanHeartRateBpm, at + ".meanHeartRateBpm", problems);
        NonNegative(s.LfPowerMs2, at + ".lfPowerMs2", problems);
        NonNegative(s.HfPowerMs2, at + ".hfPowerMs2", problems);
    }

    private static void TimeZone(string? id, string at, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            problems.Add(new Problem("data.unknown-time-zone", $"Time zone '{id}' is not known on this machine.", Location: at));
        }
    }

    private static string Index(string location, int i) => string.Create(CultureInfo.InvariantCulture, $"{location}[{i}]");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
