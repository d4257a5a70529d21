using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RelationalNeuro.Components;

/// <summary>Registers what the RelationalNeuro widgets need from dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services the widgets use: a <see cref="TimeProvider"/> (the system clock unless the
    /// application registered its own, e.g. a fake clock in tests).
    /// </summary>
    /// <param name="services">The application's service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddRelationalNeuroComponents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
