using System.CommandLine;
using System.Reflection;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Commands;

/// <summary>Options and metadata several commands share.</summary>
internal static class CommonOptions
{
    /// <summary>The tool's version (the assembly's informational version without the commit suffix).</summary>
    public static string ToolVersion { get; } = Version(typeof(CommonOptions).Assembly);

    /// <summary>The library's version.</summary>
    public static string LibraryVersion { get; } = Version(typeof(Problem).Assembly);

    private static string Version(Assembly assembly)
    {
        var text = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? text[..plus] : text;
    }

    public static Option<string> Output(string description) => new("--output", "-o") { Description = description, Required = true };

    public static Option<string?> Format() => new("--format")
    {
        Description = "Output format: csv, jsonl or parquet (default: from the output's extension).",
        HelpName = "csv|jsonl|parquet",
    };

    public static Option<bool> Overwrite() => new("--overwrite") { Description = "Replace an existing output instead of refusing." };

    public static Option<string> Progress() => new("--progress")
    {
        Description = "auto (a bar on a terminal, plain lines when redirected), bar, plain or none.",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|bar|plain|none",
    };

    public static Option<double> ProgressInterval() => new("--progress-interval")
    {
        Description = "Seconds between plain progress lines.",
        DefaultValueFactory = _ => 10.0,
        HelpName = "seconds",
    };

    public static ProgressMode ParseProgress(string text) => text.ToLowerInvariant() switch
    {
        "auto" => ProgressMode.Auto,
        "bar" => ProgressMode.Bar,
        "plain" => ProgressMode.Plain,
        "none" => ProgressMode.None,
        _ => throw new UsageException($"--progress {text}: expected auto, bar, plain or none."),
    };

    /// <summary>An on/off option's value (also true/false, yes/no); a usage error naming the option otherwise.</summary>
    public static bool OnOff(string option, string text) => text.ToLowerInvariant() switch
    {
        "on" or "true" or "yes" => true,
        "off" or "false" or "no" => false,
        _ => throw new UsageException($"{option} {text}: expected on or off."),
    };

    /// <summary>The keys every table's metadata starts with.</summary>
    public static TableMetadata NewMetadata(string command, TableSchema schema, TimeProvider time)
    {
        var metadata = new TableMetadata
        {
            ["rn.tool"] = "rn " + ToolVersion,
            ["rn.library"] = "RelationalNeuro.Core " + LibraryVersion,
            ["rn.command"] = command,
            ["rn.created_utc"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        SchemaText.Write(schema, metadata);
        return metadata;
    }
}
