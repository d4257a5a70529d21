using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Each widget's strings live next to it (FeelingsWheel/FeelingsWheel.resx, FeelingsWheel.de.resx) and are embedded
// as "RelationalNeuro.Components.Resources.<Widget>.resources" (see the csproj). Pinning the location here keeps a
// host's own LocalizationOptions.ResourcesPath from moving the lookup away from these names.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("RelationalNeuro.Components")]

namespace RelationalNeuro.Components.Localization;

/// <summary>
/// The widgets' strings: <see cref="IStringLocalizer{T}"/> from the host's services (registered by
/// <see cref="ServiceCollectionExtensions.AddRelationalNeuroComponents"/>), or, when the host registered no
/// localization, a localizer over the same resources, so a widget renders in the UI culture either way.
/// </summary>
internal static class WidgetText
{
    private static readonly ResourceManagerStringLocalizerFactory Fallback =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    /// <summary>The localizer for <typeparamref name="T"/>'s resources.</summary>
    public static IStringLocalizer For<T>(IServiceProvider? services) =>
        services?.GetService<IStringLocalizer<T>>() ?? Fallback.Create(typeof(T));

    /// <summary>
    /// The localizer for <paramref name="widget"/>'s resources, from the host's <see cref="IStringLocalizerFactory"/>
    /// (what <see cref="IStringLocalizer{T}"/> wraps) or, without one, read directly.
    /// </summary>
    public static IStringLocalizer For(Type widget, IServiceProvider? services) =>
        services?.GetService<IStringLocalizerFactory>()?.Create(widget) ?? Fallback.Create(widget);

    /// <summary>
    /// The resource <paramref name="name"/> with the arguments inserted. Arguments are strings already formatted
    /// with the invariant culture, so numbers in markup never follow the reader's culture.
    /// </summary>
    public static string Format(this IStringLocalizer localizer, string name, params ReadOnlySpan<string> arguments)
    {
        var format = localizer[name].Value;
        return arguments.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, [.. arguments]);
    }

    /// <summary>A number formatted with the invariant culture.</summary>
    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
