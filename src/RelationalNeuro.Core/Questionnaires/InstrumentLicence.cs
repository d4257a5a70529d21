namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The licence verdict for an instrument: whether scoring may be implemented and whether the item wording may be
/// shipped in an open-source package, with the statement the verdict rests on.
/// </summary>
/// <param name="Statement">The licence or permission statement, quoted with its source.</param>
/// <param name="ShipItemWording">True only when the authors allow redistribution of the item wording.</param>
/// <param name="Attribution">The attribution that must accompany shipped wording, or null.</param>
public sealed record InstrumentLicence(string Statement, bool ShipItemWording, string? Attribution = null);
