using System.Text.Json.Serialization;

namespace RelationalNeuro.Interventions;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for practice data and the export format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ClientRecord))]
[JsonSerializable(typeof(Client))]
[JsonSerializable(typeof(PracticePlan))]
[JsonSerializable(typeof(PracticeEntry))]
[JsonSerializable(typeof(Measurement))]
[JsonSerializable(typeof(QuestionnaireScore))]
[JsonSerializable(typeof(Intervention))]
[JsonSerializable(typeof(BreathingPattern))]
internal sealed partial class InterventionsJsonContext : JsonSerializerContext;
