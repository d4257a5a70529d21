using FsCheck;
using FsCheck.Fluent;

namespace RelationalNeuro.Core.Tests.Support;

/// <summary>Small FsCheck helpers (plain FsCheck 3, no xunit integration): generators of realistic doubles and a checker that throws on failure.</summary>
internal static class Props
{
    /// <summary>Uniform-ish doubles in [min, max] on a grid of 1e-6 of the range, plus the bounds.</summary>
    public static Gen<double> Double(double min, double max) =>
        Gen.Choose(0, 1_000_000).Select(i => min + ((max - min) * i / 1_000_000.0));

    /// <summary>Strictly increasing times: a start and 1..count-1 positive steps.</summary>
    public static Gen<double[]> IncreasingTimes(int minCount, int maxCount) =>
        from n in Gen.Choose(minCount, maxCount)
        from start in Double(-120, 120)
        from steps in Gen.ArrayOf(Double(0.01, 90), n - 1)
        select Accumulate(start, steps);

    public static void Check<T>(Gen<T> gen, Func<T, bool> property) =>
        Prop.ForAll(gen.ToArbitrary(), property).QuickCheckThrowOnFailure();

    private static double[] Accumulate(double start, double[] steps)
    {
        var t = new double[steps.Length + 1];
        t[0] = start;
        for (var i = 0; i < steps.Length; i++)
        {
            t[i + 1] = t[i] + steps[i];
        }

        return t;
    }
}
