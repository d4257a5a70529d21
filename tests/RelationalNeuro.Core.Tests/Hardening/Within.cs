namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Runs a call on a thread of its own and fails when it does not finish in time (a call that spins is left running and
/// reported). Not a pool thread: with every test assembly running at once the pool can be starved for seconds, and a
/// bound that counted the wait for a thread would fail a call that never started.
/// </summary>
internal static class Within
{
    /// <summary>Starts <paramref name="call"/> on a dedicated background thread.</summary>
    public static Task<T> Start<T>(Func<T> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Starts <paramref name="call"/> on a dedicated background thread.</summary>
    public static Task Start(Action call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The call's value; fails after <paramref name="bound"/>.</summary>
    public static T Returns<T>(TimeSpan bound, Func<T> call)
    {
        var task = Start(call);
        Assert.True(task.Wait(bound, TestContext.Current.CancellationToken), $"The call did not return within {bound.TotalSeconds} s.");
        return task.Result;
    }

    /// <summary>The exception of type <typeparamref name="TException"/> (or a subtype) the call threw; fails when it returned, threw another type or ran longer than <paramref name="bound"/>.</summary>
    public static TException Throws<TException>(TimeSpan bound, Func<object?> call)
        where TException : Exception
    {
        var task = Start(call);
        try
        {
            Assert.True(task.Wait(bound, TestContext.Current.CancellationToken), $"The call did not finish within {bound.TotalSeconds} s.");
        }
        catch (AggregateException aggregate) when (aggregate.InnerException is TException expected)
        {
            return expected;
        }

        Assert.Fail($"Expected {typeof(TException).Name}; the call returned {task.Result}.");
        return null!;
    }
}
