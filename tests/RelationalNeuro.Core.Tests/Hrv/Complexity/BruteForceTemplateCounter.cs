namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The definition, literally: every pair of templates compared on every coordinate, O(n²·k). The fast
/// counter in the library must give exactly these numbers.
/// </summary>
internal static class BruteForceTemplateCounter
{
    public static int[] CountPerTemplate(double[] x, int k, int templateCount, double r, bool strict)
    {
        var counts = new int[templateCount];
        for (var i = 0; i < templateCount; i++)
        {
            for (var j = 0; j < templateCount; j++)
            {
                var match = true;
                for (var d = 0; d < k; d++)
                {
                    var distance = Math.Abs(x[i + d] - x[j + d]);
                    if (strict ? !(distance < r) : !(distance <= r))
                    {
                        match = false;
                        break;
                    }
                }

                if (match)
                {
                    counts[i]++;
                }
            }
        }

        return counts;
    }

    /// <summary>SampEn from brute-force counts over the first N − m templates at both lengths (null if A or B is 0).</summary>
    public static double? SampleEntropy(double[] x, int m, double r, bool strict)
    {
        var templates = x.Length - m;
        long b = CountPerTemplate(x, m, templates, r, strict).Sum(c => (long)c) - templates;
        long a = CountPerTemplate(x, m + 1, templates, r, strict).Sum(c => (long)c) - templates;
        return a == 0 || b == 0 ? null : -Math.Log((double)a / b);
    }
}
