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
/// <remarks>
/// Cancellation (rn's first Ctrl+C): no new input is started, the inputs in flight get the token (the library's analyses
/// observe it between stages and inside long loops), the results finished before the first one cancelled are written,
/// and <see cref="OperationCanceledException"/> is thrown once every started input has ended. The cancelled input and
/// any result after it are not written — the output keeps input order — so <c>--resume</c> analyses them.
/// </remarks>
internal static class BatchRunner
{
    public static async Task<BatchOutcome> RunAsync<T>(
        IReadOnlyList<T> inputs,
        Func<T, CancellationToken, UnitResult> work,
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
                    if (cancellationToken.IsCancellationRequested)
                    {
                        // A slot freed by an input that was cancelled can reach this wait before its own cancellation does.
                        slots.Release();
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var task = Task.Run(() =>
                    {
                        try
                        {
                            return work(input, cancellationToken);
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
            UnitResult result;
            try
            {
                result = await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted inside this input: it and every later one are left for --resume. Once the producer has
                // stopped, every input started holds a slot until it ends, so holding all of them means none runs on.
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                for (var i = 0; i < jobs; i++)
                {
                    await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }

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
