using RelationalNeuro.Change;

namespace RelationalNeuro.Questionnaires;

/// <summary>A reliable change index on one subscale of an instrument, with where its reliability and norm SD came from.</summary>
/// <param name="InstrumentId">The instrument's id.</param>
/// <param name="SubscaleId">The subscale's id.</param>
/// <param name="Reliability">The r_xx used, or null when none was available.</param>
/// <param name="ReliabilitySource">Which estimate <paramref name="Reliability"/> is.</param>
/// <param name="NormStandardDeviation">The SD used, in score units, or null when none was available.</param>
/// <param name="NormSource">"override", or the population and citation of the definition's norm that gave the SD; null when none.</param>
/// <param name="Result">The index (Change module), or null when an input is missing or invalid (see <paramref name="Problems"/>).</param>
/// <param name="Problems">What is missing or questionable: errors when <paramref name="Result"/> is null, warnings otherwise.</param>
public sealed record InstrumentReliableChange(
    string InstrumentId,
    string SubscaleId,
    double? Reliability,
    ReliabilityChoice ReliabilitySource,
    double? NormStandardDeviation,
    string? NormSource,
    ReliableChangeResult? Result,
    IReadOnlyList<Problem> Problems);
