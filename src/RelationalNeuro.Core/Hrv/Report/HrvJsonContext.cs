using System.Text.Json.Serialization;

namespace RelationalNeuro.Hrv;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for <see cref="HrvReport"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(HrvReport))]
internal sealed partial class HrvJsonContext : JsonSerializerContext;

/// <summary>
/// The serialization-only twin of <see cref="HrvJsonContext"/> (same options, no named floating-point literals, which a
/// result never needs): the source generator's fast path writes straight to the <see cref="System.Text.Json.Utf8JsonWriter"/>
/// without building converter metadata, which halves the first <see cref="HrvReport.ToJson"/> in a fresh process.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(HrvReport))]
internal sealed partial class HrvJsonWriteContext : JsonSerializerContext;
