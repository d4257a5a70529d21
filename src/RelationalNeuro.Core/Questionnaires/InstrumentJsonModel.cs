using System.Text.Json.Serialization;

namespace RelationalNeuro.Questionnaires;

// The JSON shape of a definition file. Every member is nullable so that a definition with several mistakes
// deserializes far enough for InstrumentLoader to report all of them, each with its JSON path.
#pragma warning disable CA1812 // instantiated by the source-generated serializer
#pragma warning disable CA1819 // arrays mirror the JSON shape

internal sealed class InstrumentJson
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? Version { get; set; }
    public string? Citation { get; set; }
    public LicenceJson? Licence { get; set; }
    public ScaleJson? Scale { get; set; }
    public ItemJson[]? Items { get; set; }
    public int[]? ReverseKeyed { get; set; }
    public MissingJson? MissingData { get; set; }
    public SubscaleJson[]? Subscales { get; set; }
    public string? LoincCode { get; set; }
    public string[]? Notes { get; set; }
}

internal sealed class LicenceJson
{
    public string? Statement { get; set; }
    public bool ShipItemWording { get; set; }
    public string? Attribution { get; set; }
}

internal sealed class ScaleJson
{
    public int? Min { get; set; }
    public int? Max { get; set; }
    public OptionJson[]? Options { get; set; }
}

internal sealed class OptionJson
{
    public int? Value { get; set; }
    public string? Label { get; set; }
    public string? Loinc { get; set; }
}

internal sealed class ItemJson
{
    public int? Number { get; set; }
    public string? LinkId { get; set; }
    public string? Text { get; set; }
    public string? Loinc { get; set; }
}

internal sealed class MissingJson
{
    public string? Rule { get; set; }
    public int? Value { get; set; }
}

internal sealed class SubscaleJson
{
    public string? Id { get; set; }
    public string[]? Aliases { get; set; }
    public string? Name { get; set; }
    public int[]? Items { get; set; }
    public string? Method { get; set; }
    public string? Rule { get; set; }
    public bool RawResponses { get; set; }
    public MissingJson? MissingData { get; set; }
    public BandJson[]? Bands { get; set; }
    public NormJson[]? Norms { get; set; }
    public ReliabilityJson? Reliability { get; set; }
    public string? Loinc { get; set; }
}

internal sealed class BandJson
{
    public string? Label { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
}

internal sealed class NormJson
{
    public string? Population { get; set; }
    public double? Mean { get; set; }
    public double? Sd { get; set; }
    public int? N { get; set; }
    public string? Source { get; set; }
}

internal sealed class ReliabilityJson
{
    public double? Alpha { get; set; }
    public double? TestRetest { get; set; }
    public string? Source { get; set; }
}

internal sealed class WordingOverlayJson
{
    public string? Instrument { get; set; }
    public string? Licence { get; set; }
    public string? Attribution { get; set; }
    public Dictionary<string, string>? Items { get; set; }
    public Dictionary<string, string>? Options { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(InstrumentJson))]
[JsonSerializable(typeof(WordingOverlayJson))]
internal sealed partial class QuestionnaireJsonContext : JsonSerializerContext;
