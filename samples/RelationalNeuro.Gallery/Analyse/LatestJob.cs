namespace RelationalNeuro.Gallery.Analyse;

/// <summary>
/// The newest of a page's background jobs: starting one cancels the one before, so a result that arrives late can tell it
/// was superseded (<see cref="IsCurrent"/>) and leave the page to the newer job.
/// </summary>
internal sealed class LatestJob : IDisposable
{
    private CancellationTokenSource? _source;

    /// <summary>Cancels the job before (if any) and starts a new one; returns its token.</summary>
    public CancellationToken Start()
    {
        _source?.Cancel();
        _source?.Dispose();
        _source = new CancellationTokenSource();
        return _source.Token;
    }

    /// <summary>Whether <paramref name="token"/> is the newest job's and has not been cancelled.</summary>
    public bool IsCurrent(CancellationToken token) => _source is { } source && source.Token == token && !token.IsCancellationRequested;

    /// <summary>Cancels the newest job.</summary>
    public void Cancel() => _source?.Cancel();

    /// <summary>Cancels the newest job and releases it; a result arriving afterwards is no longer current.</summary>
    public void Dispose()
    {
        _source?.Cancel();
        _source?.Dispose();
        _source = null;
    }
}
