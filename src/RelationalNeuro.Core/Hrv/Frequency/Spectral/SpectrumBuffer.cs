using System.Buffers;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// A one-sided PSD on the even grid f_j = F0 + (Offset + j)·Df, j = 0…Count−1, in ms²/Hz, held in a pooled array that
/// <see cref="Dispose"/> returns. Offset is the index of the first kept FFT bin when low bins are dropped (written this way
/// so f_j is the same double as SciPy's <c>rfftfreq</c> value k·Df).
/// </summary>
internal struct SpectrumBuffer : IDisposable
{
    public double[]? Array;
    public int Count;
    public double F0;
    public int Offset;
    public double Df;
    public double ResolutionHz;

    public readonly ReadOnlySpan<double> Density => Array.AsSpan(0, Count);

    public readonly double Frequency(int j) => F0 + ((Offset + j) * Df);

    public void Dispose()
    {
        if (Array is not null)
        {
            ArrayPool<double>.Shared.Return(Array);
            Array = null;
        }
    }
}
