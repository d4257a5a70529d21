using System.Collections.Immutable;

namespace RelationalNeuro.Questionnaires;

/// <summary>A WHO-5 response scored, with the item-level screen (<see cref="Who5Screen.Evaluate"/>).</summary>
/// <param name="Scores">The full score result (subscales <c>raw</c> and <c>percentage</c>).</param>
/// <param name="RawScore">Raw score 0–25 (prorated with one missing item), or null when not scored.</param>
/// <param name="Percentage">Percentage 0–100 (raw × 4), or null when not scored.</param>
/// <param name="Band">The percentage band (≤ 28 depression likely; 29–50 poor well-being; ≥ 51 adequate), or null.</param>
/// <param name="LowItemScreen">True when any item was scored 0 or 1 (screen further), false when every item was answered above 1, null when unanswered items leave it open.</param>
/// <param name="LowItems">Item numbers (1–5) scored 0 or 1.</param>
/// <param name="Problems">The scoring problems and <c>who5.item-screen-incomplete</c>.</param>
public sealed record Who5ScreenResult(
    ScoreResult Scores,
    double? RawScore,
    double? Percentage,
    InterpretationBand? Band,
    bool? LowItemScreen,
    ImmutableArray<int> LowItems,
    IReadOnlyList<Problem> Problems);
