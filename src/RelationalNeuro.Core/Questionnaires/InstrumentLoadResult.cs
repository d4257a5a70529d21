using System.Diagnostics.CodeAnalysis;

namespace RelationalNeuro.Questionnaires;

/// <summary>
/// The outcome of reading an instrument definition: either a complete definition and no errors, or no definition and
/// every problem found, each located by its JSON path (e.g. <c>$.subscales[1].items[3]</c>). Never half-loaded.
/// </summary>
/// <param name="Definition">The definition, or null when any error was found.</param>
/// <param name="Problems">Every problem found (errors and warnings).</param>
public sealed record InstrumentLoadResult(InstrumentDefinition? Definition, IReadOnlyList<Problem> Problems)
{
    /// <summary>True when the definition loaded.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    /// <summary>The definition, or an exception listing every problem.</summary>
    /// <returns>The loaded definition.</returns>
    /// <exception cref="InvalidDataException">The definition has errors; the message lists them all.</exception>
    public InstrumentDefinition GetDefinitionOrThrow() =>
        Definition ?? throw new InvalidDataException(
            "Invalid instrument definition:" + Environment.NewLine + string.Join(Environment.NewLine, Problems));
}
