using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RelationalNeuro.Components;

/// <summary>Registers what the RelationalNeuro widgets need from dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services the widgets use: a <see cref="TimeProvider"/> (the system clock unless the
    /// application registered its own, e.g. a fake clock in tests) and localization
    /// (<see cref="LocalizationServiceCollectionExtensions.AddLocalization(IServiceCollection)"/>), through which
    /// every widget reads its words in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
    /// </summary>
    /// <remarks>
    /// The widgets ship English (the neutral resources) and German (<c>de</c>). A host that does not call this
    /// method still gets the same words: each widget then reads its resources directly. Numbers in markup never
    /// follow the culture.
    /// </remarks>
    /// <param name="services">The application's service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddRelationalNeuroComponents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLocalization();
        return services;
    }
}
