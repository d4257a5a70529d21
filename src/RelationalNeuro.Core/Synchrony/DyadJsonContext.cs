using System.Text.Json.Serialization;

namespace RelationalNeuro.Synchrony;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for <see cref="DyadReport"/> (the settings of <c>HrvJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(RelationalNeuro.Internal.FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(DyadReport))]
internal sealed partial class DyadJsonContext : JsonSerializerContext;
