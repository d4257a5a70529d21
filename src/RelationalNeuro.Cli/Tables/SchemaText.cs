namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// The schema written into every table's metadata (<c>rn.schema</c>: <c>name:kind,...</c>, plus <c>rn.unit_column</c>
/// and <c>rn.order_column</c>), so that <c>rn merge</c> rebuilds typed columns from a CSV part.
/// </summary>
internal static class SchemaText
{
    /// <summary>Writes the schema's three keys into the metadata.</summary>
    public static void Write(TableSchema schema, TableMetadata metadata)
    {
        metadata["rn.schema"] = string.Join(',', schema.Columns.Select(c => c.Name + ":" + c.Kind.ToString().ToLowerInvariant()));
        metadata["rn.unit_column"] = schema.Columns[schema.UnitIndex].Name;
        metadata["rn.order_column"] = schema.OrderIndex >= 0 ? schema.Columns[schema.OrderIndex].Name : string.Empty;
    }

    /// <summary>Reads the schema back; a usage error naming <paramref name="source"/> when the keys are missing or malformed.</summary>
    public static TableSchema Read(TableMetadata metadata, string source)
    {
        var text = metadata["rn.schema"] ?? throw new UsageException($"{source}: no rn.schema in its metadata; it was not written by rn.");
        var columns = new List<TableColumn>();
        foreach (var part in text.Split(','))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || !Enum.TryParse<ColumnKind>(part[(colon + 1)..], ignoreCase: true, out var kind))
            {
                throw new UsageException($"{source}: malformed rn.schema entry '{part}'.");
            }

            columns.Add(new TableColumn(part[..colon], kind));
        }

        var unit = metadata["rn.unit_column"] ?? columns[0].Name;
        var order = metadata["rn.order_column"];
        try
        {
            return new TableSchema(columns, unit, string.IsNullOrEmpty(order) ? null : order);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException($"{source}: {exception.Message}");
        }
    }
}
