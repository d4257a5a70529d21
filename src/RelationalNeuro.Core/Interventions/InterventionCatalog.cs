using RelationalNeuro.Change;
namespace RelationalNeuro.Interventions;

/// <summary>
/// The built-in practices with their evidence, steps, default doses and targeted outcomes (research notes
/// <c>feelings-wheel-interventions.md</c> §B; details and caveats in <c>docs/interventions.md</c>).
/// </summary>
/// <remarks>
/// Doses follow the cited studies where one exists (gratitude: daily up to five items, Emmons &amp; McCullough 2003;
/// cyclic sighing: 5 min/day for 28 days, Balban et al. 2023; resonance breathing: 20 min/day for 4 weeks, the RCT in
/// PMC8924557; loving-kindness: 6 weeks, Kok et al. 2013); otherwise the dose is the project's suggestion and
/// <see cref="Intervention.EvidenceNote"/> says so.
/// </remarks>
public static class InterventionCatalog
{
    /// <summary>Id of <see cref="EmotionalLabeling"/>.</summary>
    public const string EmotionalLabelingId = "emotional-labeling";

    /// <summary>Id of <see cref="MicroMoments"/>.</summary>
    public const string MicroMomentsId = "micro-moments";

    /// <summary>Id of <see cref="PauseBreatheChoose"/>.</summary>
    public const string PauseBreatheChooseId = "pause-breathe-choose";

    /// <summary>Id of <see cref="PacedBreathing"/>.</summary>
    public const string PacedBreathingId = "paced-breathing";

    /// <summary>Id of <see cref="NarrativeRewriting"/>.</summary>
    public const string NarrativeRewritingId = "narrative-rewriting";

    /// <summary>Id of <see cref="ActiveListening"/>.</summary>
    public const string ActiveListeningId = "active-listening";

    /// <summary>Id of <see cref="Gratitude"/>.</summary>
    public const string GratitudeId = "gratitude";

    /// <summary>Id of <see cref="Mindfulness"/>.</summary>
    public const string MindfulnessId = "mindfulness";

    /// <summary>Id of <see cref="Empathy"/>.</summary>
    public const string EmpathyId = "empathy";

    private static readonly Citation Lieberman2007 = new(
        "Lieberman, M. D., Eisenberger, N. I., Crockett, M. J., Tom, S. M., Pfeifer, J. H., & Way, B. M.", 2007,
        "Putting feelings into words: Affect labeling disrupts amygdala activity in response to affective stimuli",
        "Psychological Science 18(5):421–428",
        "In fMRI, labeling the emotion of negative images (vs other encoding) diminished amygdala and limbic responses and increased right ventrolateral PFC activity.",
        "10.1111/j.1467-9280.2007.01916.x");

    private static readonly Citation Kok2013 = new(
        "Kok, B. E., Coffey, K. A., Cohn, M. A., et al.", 2013,
        "How positive emotions build physical health: Perceived positive social connections account for the upward spiral between positive emotions and vagal tone",
        "Psychological Science 24(7):1123–1132",
        "A 6-week loving-kindness course increased positive emotions (moderated by baseline vagal tone); rising positive emotions raised vagal tone, mediated by perceived social connection.",
        "10.1177/0956797612470827");

    private static readonly Citation Kok2010 = new(
        "Kok, B. E., & Fredrickson, B. L.", 2010,
        "Upward spirals of the heart: Autonomic flexibility, as indexed by vagal tone, reciprocally and prospectively predicts positive emotions and social connectedness",
        "Biological Psychology 85:432–436",
        "Over 9 weeks of daily reports, higher initial vagal tone predicted faster increases in connectedness and positive emotions.");

    private static readonly Citation Balban2023 = new(
        "Balban, M. Y., Neri, E., Kogon, M. M., et al.", 2023,
        "Brief structured respiration practices enhance mood and reduce physiological arousal",
        "Cell Reports Medicine 4:100895",
        "Remote RCT (n ≈ 114), 5 min/day for 28 days: breathwork improved mood and lowered respiratory rate more than mindfulness meditation; cyclic sighing was most effective; all arms reduced anxiety.",
        "10.1016/j.xcrm.2022.100895");

    private static readonly Citation LehrerGevirtz2014 = new(
        "Lehrer, P. M., & Gevirtz, R.", 2014,
        "Heart rate variability biofeedback: how and why does it work?",
        "Frontiers in Psychology 5:756",
        "Slow breathing near the individual resonance frequency (≈ 0.1 Hz) maximises RSA; the best-supported mechanism is baroreflex strengthening.",
        "10.3389/fpsyg.2014.00756");

    private static readonly Citation ShafferMeehan2020 = new(
        "Shaffer, F., & Meehan, Z. M.", 2020,
        "A practical guide to resonance frequency assessment for heart rate variability biofeedback",
        "Frontiers in Neuroscience 14:570400",
        "Individual resonance frequency is found by comparing several breathing rates on multiple HRV criteria.",
        "10.3389/fnins.2020.570400");

    private static readonly Citation Fonagy2002 = new(
        "Fonagy, P., Gergely, G., Jurist, E. L., & Target, M.", 2002,
        "Affect Regulation, Mentalization, and the Development of the Self",
        "Other Press (book)",
        "Theory of mentalization: understanding one's own and others' behaviour in terms of mental states develops in attachment relationships.");

    private static readonly Citation Weger2014 = new(
        "Weger, H., Castle Bell, G., Minei, E. M., & Robinson, M. C.", 2014,
        "The relative effectiveness of active listening in initial interactions",
        "International Journal of Listening 28(1):13–31",
        "With 115 participants, active listening (paraphrase, questions, nonverbal involvement) made people feel more understood than advice or simple acknowledgement.",
        "10.1080/10904018.2013.813234");

    private static readonly Citation Emmons2003 = new(
        "Emmons, R. A., & McCullough, M. E.", 2003,
        "Counting blessings versus burdens: An experimental investigation of gratitude and subjective well-being in daily life",
        "Journal of Personality and Social Psychology 84(2):377–389",
        "Listing up to five things one is grateful for (weekly for 10 weeks; daily for 2 weeks; 21 days in patients) heightened well-being; positive affect was the most robust effect.",
        "10.1037/0022-3514.84.2.377");

    private static readonly Citation Algoe2012 = new(
        "Algoe, S. B.", 2012,
        "Find, remind, and bind: The functions of gratitude in everyday relationships",
        "Social and Personality Psychology Compass 6(6):455–469",
        "Theory: gratitude helps find, remind of and bind to responsive relationship partners.",
        "10.1111/j.1751-9004.2012.00439.x");

    private static readonly Citation BrownRyan2003 = new(
        "Brown, K. W., & Ryan, R. M.", 2003,
        "The benefits of being present: Mindfulness and its role in psychological well-being",
        "Journal of Personality and Social Psychology 84(4):822–848",
        "Validated the MAAS trait-mindfulness scale, the outcome measure used here.",
        "10.1037/0022-3514.84.4.822");

    /// <summary>Affect labeling: naming the feeling (wheel: core → secondary → specific) with an intensity before and after.</summary>
    public static Intervention EmotionalLabeling { get; } = new()
    {
        Id = EmotionalLabelingId,
        Name = "Emotional labeling and reflection",
        Concept = "Putting a feeling into words reduces its limbic charge (\"name it to tame it\"). A check-in walks the feelings wheel from a core feeling to the most specific word that fits, rates its intensity, and adds where it is felt and why.",
        Steps =
        [
            "Pause and notice what you feel.",
            "Pick the core feeling on the wheel, then the more specific words until one fits.",
            "Rate its intensity from 0 to 10 and note where in your body you feel it.",
            "Finish the sentence \"I feel … because …\".",
            "Rate the intensity again after naming it.",
        ],
        Evidence = [Lieberman2007],
        EvidenceNote = "Lieberman 2007 shows an acute neural effect of labeling; the daily-check-in dose is the project's suggestion.",
        DefaultDose = new(SessionsPerDay: 2, DaysPerWeek: 7, MinutesPerSession: 2, Weeks: null),
        Outcomes =
        [
            new(OutcomeKind.Questionnaire, "DERS-36", "Clarity", ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "DERS-36", "Awareness", ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "FFMQ", "Describe", ChangeDirection.HigherIsBetter),
            new(OutcomeKind.SelfReport, "emotion.intensity-change", null, ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Behavioural, "emotion.distinct-labels", null, ChangeDirection.HigherIsBetter),
        ],
    };

    /// <summary>Micro-moments of positivity resonance: noticing and savouring shared positive moments (default five a day).</summary>
    public static Intervention MicroMoments { get; } = new()
    {
        Id = MicroMomentsId,
        Name = "Micro-moments of positivity",
        Concept = "Brief moments of shared positive emotion with another person (\"micro-moments of love\", Fredrickson) are noticed, savoured and logged; loving-kindness practice trains the warmth that makes them likelier.",
        Steps =
        [
            "Look for a moment of shared warmth, laughter or interest with someone today.",
            "Stay with it for a few breaths: make eye contact, notice the other person's face and your body.",
            "Log it: who, what happened, how connected you felt (1–7).",
            "Optionally close the day with a short loving-kindness meditation.",
        ],
        Evidence = [Kok2013, Kok2010],
        EvidenceNote = "The trials tested a 6-week loving-kindness course and daily positive-emotion reports; five moments a day is the project's suggested target.",
        DefaultDose = new(SessionsPerDay: 5, DaysPerWeek: 7, MinutesPerSession: null, Weeks: 6),
        Outcomes =
        [
            new(OutcomeKind.Physiological, "hrv.hf-power", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.SelfReport, "positive-emotions", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.SelfReport, "social-connectedness", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "WHO-5", null, ChangeDirection.HigherIsBetter),
        ],
    };

    /// <summary>Mindful relational pausing: pause (3 s), breathe (a cyclic sigh or three slow breaths), name the feeling, choose a response.</summary>
    public static Intervention PauseBreatheChoose { get; } = new()
    {
        Id = PauseBreatheChooseId,
        Name = "Mindful relational pausing (Pause, Breathe, Choose)",
        Concept = "When a relational trigger hits, a short pause with slow, exhale-focused breathing and a named feeling opens room to choose a response instead of reacting.",
        Steps =
        [
            "Pause: stop for 3 seconds before answering.",
            "Breathe: one cyclic sigh, or three slow breaths at about 6 per minute (≈ 30 s).",
            "Name the feeling on the wheel.",
            "Choose a response and note the trigger, the feeling and the choice.",
        ],
        Evidence = [Lieberman2007, Balban2023],
        EvidenceNote = "No trial of this exact protocol was found; it combines affect labeling (Lieberman 2007) and slow exhale-focused breathing (Balban 2023).",
        DefaultDose = new(SessionsPerDay: 3, DaysPerWeek: 7, MinutesPerSession: 0.5, Weeks: null),
        Outcomes =
        [
            new(OutcomeKind.Questionnaire, "DERS-36", "Impulse", ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "DERS-36", "Strategies", ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "ERQ", "Reappraisal", ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "FFMQ", "Nonreact", ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Behavioural, "pause.count", null, ChangeDirection.HigherIsBetter),
        ],
        BreathingPatternIds = ["cyclic-sigh", "resonance-6"],
    };

    /// <summary>Paced breathing sessions: resonance (≈ 6/min), box 4-4-4-4, 4-7-8 or cyclic sighing, with HRV before and after.</summary>
    public static Intervention PacedBreathing { get; } = new()
    {
        Id = PacedBreathingId,
        Name = "Paced breathing (resonance, box, 4-7-8, cyclic sigh)",
        Concept = "Slow breathing, especially near the resonance frequency (≈ 6 breaths/min) or with long exhales, strengthens the baroreflex and shifts autonomic balance; measuring HRV before and after shows the effect.",
        Steps =
        [
            "Sit comfortably; start a short HRV recording if a sensor is available.",
            "Follow the pacer for the session length.",
            "Record HRV again and note how you feel.",
        ],
        Evidence = [Balban2023, LehrerGevirtz2014, ShafferMeehan2020],
        EvidenceNote = "Resonance breathing 20 min/day for 4 weeks improved SDNN, pNN50 and perceived stress in an RCT (PMC8924557); cyclic sighing 5 min/day for 28 days (Balban 2023). The default is the shorter of the two.",
        DefaultDose = new(SessionsPerDay: 1, DaysPerWeek: 7, MinutesPerSession: 5, Weeks: 4),
        Outcomes =
        [
            new(OutcomeKind.Physiological, "hrv.rmssd", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Physiological, "hrv.lf-power", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Physiological, "respiratory-rate", null, ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "PSS-10", null, ChangeDirection.LowerIsBetter),
            new(OutcomeKind.SelfReport, "state-anxiety", null, ChangeDirection.LowerIsBetter),
        ],
        BreathingPatternIds = ["resonance-6", "resonance-6-asym", "box-4", "4-7-8", "cyclic-sigh"],
    };

    /// <summary>Rewriting attachment narratives: guided journaling about a rupture and its repair, mentalizing both sides.</summary>
    public static Intervention NarrativeRewriting { get; } = new()
    {
        Id = NarrativeRewritingId,
        Name = "Rewriting attachment narratives",
        Concept = "Writing a coherent account of an attachment-relevant episode, including what each person may have felt and intended (mentalizing), and how the rupture was or could be repaired, builds a more secure working model.",
        Steps =
        [
            "Describe the episode: what happened, in order.",
            "Rupture: name the moment the connection broke and what you felt (use the wheel).",
            "Mentalize: what might the other person have felt, needed or intended?",
            "Repair: what was done, or what could you do, to reconnect?",
            "Retell the story in a few sentences that hold both perspectives.",
        ],
        Evidence = [Fonagy2002],
        EvidenceNote = "Mentalization theory (Fonagy et al. 2002); no validated timing or app-based trial of narrative rewriting was found. Attachment measures change slowly: judge change with the reliable change index.",
        DefaultDose = new(SessionsPerDay: 1, DaysPerWeek: 2, MinutesPerSession: 20, Weeks: 8),
        Outcomes =
        [
            new(OutcomeKind.Questionnaire, "ECR-R", "Anxiety", ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "ECR-R", "Avoidance", ChangeDirection.LowerIsBetter),
            new(OutcomeKind.Questionnaire, "DERS-36", null, ChangeDirection.LowerIsBetter),
        ],
    };

    /// <summary>Active listening: paraphrase, reflect the feeling, ask open questions, check assumptions; partner rates feeling understood.</summary>
    public static Intervention ActiveListening { get; } = new()
    {
        Id = ActiveListeningId,
        Name = "Active listening",
        Concept = "Listening to understand rather than to reply (Rogers & Farson 1957): paraphrasing content, reflecting feelings, asking open questions and showing nonverbal involvement makes the speaker feel understood.",
        Steps =
        [
            "Agree on turns; the speaker talks for a few minutes.",
            "Paraphrase what you heard.",
            "Reflect the feeling you noticed.",
            "Ask one open question; check one assumption.",
            "The speaker rates \"I felt understood\" from 1 to 7; swap roles.",
        ],
        Evidence = [Weger2014],
        EvidenceNote = "Paraphrasing alone did not increase feeling understood (Weger et al. 2010); the full set did (Weger et al. 2014). The dose is the project's suggestion.",
        DefaultDose = new(SessionsPerDay: 1, DaysPerWeek: 3, MinutesPerSession: 10, Weeks: null),
        Outcomes =
        [
            new(OutcomeKind.SelfReport, "felt-understood", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "WAI-SR", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.SelfReport, "relationship-satisfaction", null, ChangeDirection.HigherIsBetter),
        ],
    };

    /// <summary>Gratitude expression: up to five things a day, optionally thanking the partner.</summary>
    public static Intervention Gratitude { get; } = new()
    {
        Id = GratitudeId,
        Name = "Gratitude expression",
        Concept = "Writing down what one is grateful for raises positive affect; expressing it to a responsive partner strengthens the relationship (find-remind-and-bind).",
        Steps =
        [
            "Write up to five things you are grateful for today.",
            "Pick one that involves someone close and tell them.",
            "Log whom you thanked.",
        ],
        Evidence = [Emmons2003, Algoe2012],
        DefaultDose = new(SessionsPerDay: 1, DaysPerWeek: 7, MinutesPerSession: 5, Weeks: 3),
        Outcomes =
        [
            new(OutcomeKind.Questionnaire, "GQ-6", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.SelfReport, "positive-affect", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "SWLS", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.SelfReport, "relationship-satisfaction", null, ChangeDirection.HigherIsBetter),
        ],
    };

    /// <summary>Mindfulness meditation with interval bells (5, 10 or 20 min).</summary>
    public static Intervention Mindfulness { get; } = new()
    {
        Id = MindfulnessId,
        Name = "Mindfulness practice",
        Concept = "Attending to present-moment experience without judgement; 5 minutes a day reduced anxiety and negative affect in the active-control arm of Balban et al. (2023).",
        Steps =
        [
            "Sit upright and set the timer (5, 10 or 20 minutes).",
            "Rest attention on the breath; when the mind wanders, notice where it went and return.",
            "At the bell, note one thing you noticed.",
        ],
        Evidence = [Balban2023, BrownRyan2003],
        DefaultDose = new(SessionsPerDay: 1, DaysPerWeek: 7, MinutesPerSession: 5, Weeks: 4),
        Outcomes =
        [
            new(OutcomeKind.Questionnaire, "MAAS", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "FFMQ-15", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "PSS-10", null, ChangeDirection.LowerIsBetter),
        ],
    };

    /// <summary>Empathy building: perspective-taking prompts and compassion (loving-kindness) practice.</summary>
    public static Intervention Empathy { get; } = new()
    {
        Id = EmpathyId,
        Name = "Empathy building",
        Concept = "Deliberately imagining another person's perspective and feelings, and wishing them well, trains perspective taking and empathic concern.",
        Steps =
        [
            "Recall a recent interaction with someone close.",
            "Describe it from their point of view: what did they see, want, feel?",
            "Name their likely feeling on the wheel.",
            "Close with a wish for their wellbeing.",
        ],
        Evidence = [Kok2013],
        EvidenceNote = "No protocol-specific trial was searched; loving-kindness evidence (Kok et al. 2013) is the nearest. Outcomes are trait empathy scales (TEQ, IRI).",
        DefaultDose = new(SessionsPerDay: 1, DaysPerWeek: 3, MinutesPerSession: 10, Weeks: null),
        Outcomes =
        [
            new(OutcomeKind.Questionnaire, "TEQ", null, ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "IRI", "PerspectiveTaking", ChangeDirection.HigherIsBetter),
            new(OutcomeKind.Questionnaire, "IRI", "EmpathicConcern", ChangeDirection.HigherIsBetter),
        ],
    };

    /// <summary>Every built-in intervention.</summary>
    public static IReadOnlyList<Intervention> All { get; } =
        [EmotionalLabeling, MicroMoments, PauseBreatheChoose, PacedBreathing, NarrativeRewriting, ActiveListening, Gratitude, Mindfulness, Empathy];

    /// <summary>The built-in intervention with <paramref name="id"/>, or null.</summary>
    /// <param name="id">An intervention id.</param>
    /// <returns>The intervention or null.</returns>
    public static Intervention? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
