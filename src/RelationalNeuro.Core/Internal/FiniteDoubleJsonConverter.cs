using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelationalNeuro.Internal;

/// <summary>
/// The reports' number converter: writes a double as System.Text.Json does, and reads only finite numbers. Without it
/// <c>1e999</c> read as ∞, and the named literals <c>"NaN"</c> / <c>"Infinity"</c> as NaN / ∞, so <c>FromJson</c> of a
/// hostile text gave a report with non-finite members, which the library never returns; they are now a
/// <see cref="JsonException"/>, the documented refusal.
/// </summary>
internal sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new JsonException(reader.TokenType == JsonTokenType.Number
            ? "A number is beyond the range of double-precision numbers; a report holds finite numbers only."
            : string.Create(CultureInfo.InvariantCulture, $"Expected a finite number, found {reader.TokenType}."));
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            // Never in a report the library makes; kept writable as System.Text.Json's named literals would be.
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
