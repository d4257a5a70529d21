namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>Runs a call on a pool thread and fails when it does not finish in time (a call that spins is left running and reported).</summary>
internal static class Within
{
    /// <summary>The call's value; fails after <paramref name="bound"/>.</summary>
    public static T Returns<T>(TimeSpan bound, Func<T> call)
    {
        var task = Task.Run(call);
        Assert.True(task.Wait(bound, TestContext.Current.CancellationToken), $"The call did not return within {bound.TotalSeconds} s.");
        return task.Result;
    }

    /// <summary>The exception of type <typeparamref name="TException"/> (or a subtype) the call threw; fails when it returned, threw another type or ran longer than <paramref name="bound"/>.</summary>
    public static TException Throws<TException>(TimeSpan bound, Func<object?> call)
        where TException : Exception
    {
        var task = Task.Run(call);
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
