namespace RelationalNeuro.Interventions;

/// <summary>Pre/post change of every outcome a plan's interventions target (see <see cref="OutcomeChanges.Compute"/>).</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Outcomes">One entry per distinct measure key, in plan then outcome order.</param>
/// <param name="Problems">Plan-level problems (an intervention id not found).</param>
public sealed record OutcomeChangeReport(Guid PlanId, IReadOnlyList<OutcomeChange> Outcomes, IReadOnlyList<Problem> Problems);
