namespace RelationalNeuro.Change;

/// <summary>Which t test a <see cref="TTestResult"/> comes from.</summary>
public enum TTestKind
{
    /// <summary>Independent samples, equal variances assumed (Student 1908): pooled SD, df = n₁ + n₂ − 2 (R <c>t.test(var.equal = TRUE)</c>, SciPy <c>ttest_ind(equal_var=True)</c>).</summary>
    Student = 0,

    /// <summary>Independent samples, unequal variances (Welch 1947): df by the Welch–Satterthwaite equation (R <c>t.test</c> default, SciPy <c>ttest_ind(equal_var=False)</c>).</summary>
    Welch = 1,

    /// <summary>Paired samples: a one-sample t test of the differences post − pre, df = n − 1 (R <c>t.test(post, pre, paired = TRUE)</c>, SciPy <c>ttest_rel(post, pre)</c>).</summary>
    Paired = 2,
}
