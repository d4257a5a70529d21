using System.Threading.Channels;
using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Batch;

/// <summary>What a batch did.</summary>
internal readonly record struct BatchOutcome(int Processed, int WithProblems, int WithErrors);

/// <summary>
/// Runs one function per input (a file, a dyad) on up to <c>jobs</c> threads and writes the results in input order: at most
/// <c>jobs</c> inputs are being processed and at most <c>2 × jobs</c> finished results wait to be written, so memory
/// does not grow with the number of inputs. The output order equals a single-threaded run's.
/// </summary>
internal static class BatchRunner
{
    public static async Task<BatchOutcome> RunAsync<T>(
        IReadOnlyList<T> inputs,
        Func<T, UnitResult> work,
        TableSink sink,
        ProgressReporter progress,
        int jobs,
        CancellationToken cancellationToken)
    {
        var pending = Channel.CreateBounded<Task<UnitResult>>(new BoundedChannelOptions(2 * jobs) { SingleReader = true, SingleWriter = true });
        using var slots = new SemaphoreSlim(jobs);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    var task = Task.Run(() =>
                    {
                        try
                        {
                            return work(input);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                    await pending.Writer.WriteAsync(task, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                pending.Writer.TryComplete();
            }
        }, CancellationToken.None);

        int processed = 0, withProblems = 0, withErrors = 0;
        await foreach (var task in pending.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var result = await task.ConfigureAwait(false);
            sink.Write(result.Rows, result.Stamps);
            processed++;
            withProblems += result.HasProblems ? 1 : 0;
            withErrors += result.HasErrors ? 1 : 0;
            progress.Completed(result.HasProblems);
        }

        await producer.ConfigureAwait(false);
        return new BatchOutcome(processed, withProblems, withErrors);
    }
}
