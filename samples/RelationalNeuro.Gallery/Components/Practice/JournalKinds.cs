using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Components.Practice;

/// <summary>The journal's entry kinds: what the composer offers, the intervention each counts for, and its name.</summary>
internal static class JournalKinds
{
    public const string CheckIn = "feelings-check-in";
    public const string Gratitude = "gratitude";
    public const string MicroMoment = "micro-moment";
    public const string Pause = "pause";
    public const string Narrative = "narrative-reflection";

    public static readonly IReadOnlyList<(string Kind, string Name, string InterventionId)> All =
    [
        (CheckIn, "Feelings check-in", InterventionCatalog.EmotionalLabelingId),
        (Gratitude, "Gratitude", InterventionCatalog.GratitudeId),
        (MicroMoment, "Micro-moment", InterventionCatalog.MicroMomentsId),
        (Pause, "Pause (Pause, Breathe, Choose)", InterventionCatalog.PauseBreatheChooseId),
        (Narrative, "Narrative-rewriting reflection", InterventionCatalog.NarrativeRewritingId),
    ];

    /// <summary>The kind of a stored entry (other entry types, e.g. breathing sessions, by their intervention).</summary>
    public static string KindOf(PracticeEntry entry) => entry switch
    {
        FeelingsCheckInEntry => CheckIn,
        GratitudeEntry => Gratitude,
        MicroMomentEntry => MicroMoment,
        PauseEntry => Pause,
        NarrativeReflectionEntry => Narrative,
        _ => entry.InterventionId,
    };

    public static string NameOf(string kind) =>
        All.FirstOrDefault(k => k.Kind == kind).Name ?? InterventionCatalog.Find(kind)?.Name ?? kind;

    public static string InterventionOf(string kind) => All.First(k => k.Kind == kind).InterventionId;
}
