using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RelationalNeuro.Hrv.Kernels;

/// <summary>
/// Which path the HRV kernels take: the AVX-512 one where the hardware has it, otherwise (or when a test forces it on
/// its thread) the scalar one. Both must give the result of the scalar definitions (<c>TimeDomainDefinitions</c>,
/// <c>PoincareDefinitions</c>) to rounding.
/// </summary>
internal static class KernelDispatch
{
    [ThreadStatic]
    private static bool t_forceScalar;

    /// <summary>Forces the scalar kernels on the calling thread even where AVX-512 is available, so tests can compare the two paths.</summary>
    internal static bool ForceScalar
    {
        get => t_forceScalar;
        set => t_forceScalar = value;
    }

    [ThreadStatic]
    private static bool t_force128;

    /// <summary>Limits the kernels that have a 128-bit path to it on the calling thread (what Native AOT's portable x64 build runs), so tests can reach it on wider hardware.</summary>
    internal static bool ForceVector128
    {
        get => t_force128;
        set => t_force128 = value;
    }

    /// <summary>The AVX-512 kernels run: 512-bit vectors are accelerated, AVX-512F is there, and the calling thread does not force scalar.</summary>
    internal static bool UseVector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && !t_forceScalar;
}
