using RelationalNeuro.Change;

namespace RelationalNeuro.Interventions;

/// <summary>Pre/post change of one targeted outcome of a plan (see <see cref="OutcomeChanges.Compute"/>).</summary>
/// <param name="Outcome">The targeted outcome (of the first intervention that names it).</param>
/// <param name="Key">The measure key: <see cref="OutcomeChanges.KeyOf"/>.</param>
/// <param name="InterventionIds">The plan's interventions that target this outcome, in plan order.</param>
/// <param name="Pre">Last value on or before the plan's start date, or null.</param>
/// <param name="PreAt">When <paramref name="Pre"/> was measured.</param>
/// <param name="Post">Latest value after the plan's start date, or null.</param>
/// <param name="PostAt">When <paramref name="Post"/> was measured.</param>
/// <param name="Change">Post − pre in the measure's unit, or null when either is missing.</param>
/// <param name="Improved">True when the change went the better way, false when it went the worse way or was zero; null when there is no change.</param>
/// <param name="ReliableChange">The reliable change index (Change module), or null when pre, post, reliability or norm SD is missing or invalid.</param>
/// <param name="Problems">Why something is null.</param>
public sealed record OutcomeChange(
    TargetedOutcome Outcome,
    string Key,
    IReadOnlyList<string> InterventionIds,
    double? Pre,
    DateTimeOffset? PreAt,
    double? Post,
    DateTimeOffset? PostAt,
    double? Change,
    bool? Improved,
    ReliableChangeResult? ReliableChange,
    IReadOnlyList<Problem> Problems);
