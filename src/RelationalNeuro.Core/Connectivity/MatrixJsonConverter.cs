using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelationalNeuro.Connectivity;

/// <summary>
/// Writes a <c>double[,]</c> as an array of rows (<c>[[1,0.8],[0.8,1]]</c>) and reads it back; System.Text.Json has no
/// built-in support for multi-dimensional arrays. Reflection-free, so it works with the default options and in
/// source-generated contexts alike. A non-finite entry throws <see cref="JsonException"/> naming it (JSON has no ∞; the
/// library never stores one in a result).
/// </summary>
internal sealed class MatrixJsonConverter : JsonConverter<double[,]>
{
    public override double[,]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var rows = new List<List<double>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var row = new List<double>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                row.Add(reader.GetDouble());
            }

            if (rows.Count > 0 && row.Count != rows[0].Count)
            {
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Matrix row {rows.Count} has {row.Count} values; row 0 has {rows[0].Count}."));
            }

            rows.Add(row);
        }

        var matrix = new double[rows.Count, rows.Count == 0 ? 0 : rows[0].Count];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < rows[i].Count; j++)
            {
                matrix[i, j] = rows[i][j];
            }
        }

        return matrix;
    }

    public override void Write(Utf8JsonWriter writer, double[,] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.GetLength(0); i++)
        {
            writer.WriteStartArray();
            for (var j = 0; j < value.GetLength(1); j++)
            {
                var v = value[i, j];
                if (!double.IsFinite(v))
                {
                    throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Matrix entry [{i}, {j}] is {v}; JSON has no representation for it."));
                }

                writer.WriteNumberValue(v);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Expected {token} in a matrix; found {reader.TokenType}."));
        }
    }
}
