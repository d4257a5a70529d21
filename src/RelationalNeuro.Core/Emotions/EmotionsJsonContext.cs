using System.Text.Json.Serialization;

namespace RelationalNeuro.Emotions;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for the taxonomy file format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FeelingTaxonomyDefinition))]
internal sealed partial class EmotionsJsonContext : JsonSerializerContext;
