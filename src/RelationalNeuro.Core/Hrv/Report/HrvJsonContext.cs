using System.Text.Json.Serialization;

namespace RelationalNeuro.Hrv;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for <see cref="HrvReport"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(RelationalNeuro.Internal.FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(HrvReport))]
internal sealed partial class HrvJsonContext : JsonSerializerContext;
