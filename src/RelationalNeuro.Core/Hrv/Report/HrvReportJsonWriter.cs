using System.Buffers;
using System.Text;
using System.Text.Json;

namespace RelationalNeuro.Hrv;

/// <summary>
/// <see cref="HrvReport.ToJson"/>'s writer: the members are written by generated code (<c>HrvReportJsonWriter.g.cs</c>, from
/// <c>eng/report-json/generate.cs</c>) to a <see cref="Utf8JsonWriter"/> with the writer options <see cref="JsonSerializer"/>
/// uses for <see cref="HrvJsonContext"/> (indented, default encoder), so the text equals the serializer's byte for byte.
/// </summary>
internal static partial class HrvReportJsonWriter
{
    /// <summary>The report as indented JSON.</summary>
    /// <exception cref="ArgumentException">A member is NaN or ∞ (which JSON numbers cannot hold).</exception>
    public static string ToJson(HrvReport report)
    {
        // Sized for the report so the buffer does not regrow: ~4 KB of metrics, ~16 bytes per flagged index (indented).
        var buffer = new ArrayBufferWriter<byte>(4096 + (16 * (report.Artifacts?.FlaggedIndices.Count ?? 0)) + (512 * report.Problems.Count));

        // The serializer's own writer options in a release build: indented, default encoder, no structural validation.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, SkipValidation = true }))
        {
            WriteReport(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Implemented by the generated part; until it is generated, nothing is written.</summary>
    static partial void WriteReport(Utf8JsonWriter writer, HrvReport report);
}
