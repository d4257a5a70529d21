namespace RelationalNeuro.Hrv.Live;

/// <summary>
/// A source of RR intervals that arrive over time: a replayed recording (<see cref="RrReplaySource"/>), a
/// Bluetooth chest strap (<see cref="GattHeartRateRrSource"/>), or the caller's own.
/// </summary>
/// <remarks>
/// Each call to <see cref="ReadBeatsAsync"/> starts a new pass over the source where the source allows it.
/// Cancelling the token ends the enumeration with <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IRrSource
{
    /// <summary>The beats, in order, as they arrive.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>An asynchronous sequence of beats.</returns>
    IAsyncEnumerable<RrBeat> ReadBeatsAsync(CancellationToken cancellationToken = default);
}
