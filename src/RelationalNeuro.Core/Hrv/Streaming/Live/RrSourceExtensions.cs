using System.Runtime.CompilerServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv.Live;

/// <summary>Adapters over <see cref="IRrSource"/>.</summary>
public static class RrSourceExtensions
{
    /// <summary>The source's intervals alone, in ms.</summary>
    /// <param name="source">The source.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The RR intervals in ms, as they arrive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static IAsyncEnumerable<double> ReadIntervalsAsync(this IRrSource source, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(source);
        return Intervals(source, cancellationToken);
    }

    /// <summary>
    /// Feeds every beat of <paramref name="source"/> to <paramref name="analyzer"/> and yields each update, so a
    /// gauge can bind to the running metrics of a live or replayed stream.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="analyzer">The streaming analyzer; it is not reset first.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One <see cref="RollingHrvUpdate"/> per beat.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="analyzer"/> is null.</exception>
    public static IAsyncEnumerable<RollingHrvUpdate> AnalyzeAsync(this IRrSource source, RollingHrv analyzer, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(source);
        Guard.NotNull(analyzer);
        return Analyze(source, analyzer, cancellationToken);
    }

    private static async IAsyncEnumerable<double> Intervals(IRrSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var beat in source.ReadBeatsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return beat.RrMs;
        }
    }

    private static async IAsyncEnumerable<RollingHrvUpdate> Analyze(IRrSource source, RollingHrv analyzer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var beat in source.ReadBeatsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return analyzer.Add(beat.RrMs);
        }
    }
}
