using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Internal;

/// <summary>
/// Numbers the distinct values of a series in ascending order, for kernels that work on the few distinct values of a
/// quantised series (RR intervals on the recorder's clock) instead of on the values themselves.
/// </summary>
internal static class DistinctValues
{
    /// <summary>
    /// Writes to <paramref name="number"/>[i] the number (0 … D − 1, ascending in value) of x[i], and to
    /// <paramref name="values"/>[0 … D) the distinct values ascending. Returns D, or −1 (having stopped early) when there
    /// are more than <paramref name="values"/>.Length distinct values or a NaN. Values are told apart by their bits, so
    /// −0 and +0 get two adjacent numbers (in either order: they compare equal) and <paramref name="signedZeros"/> says
    /// whether both occur. O(n) with a hash table of about 4·D slots, plus a sort of the D values.
    /// </summary>
    public static int Number(ReadOnlySpan<double> x, Span<int> number, Span<double> values, out bool signedZeros)
    {
        signedZeros = false;
        var maximum = values.Length;
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 4 * maximum));
        var shift = 64 - BitOperations.Log2((uint)slots);
        var keyArray = ArrayPool<long>.Shared.Rent(slots);
        var slotArray = ArrayPool<int>.Shared.Rent(slots + maximum);
        try
        {
            var keys = keyArray.AsSpan(0, slots);
            var slotNumber = slotArray.AsSpan(0, slots);
            slotNumber.Fill(-1);
            var distinct = 0;
            var previousBits = BitConverter.DoubleToInt64Bits(double.NaN); // bits no value reaching the table has (a NaN returns first; long.MinValue would be −0)
            var previousNumber = -1;
            for (var i = 0; i < x.Length; i++)
            {
                var value = x[i];
                if (double.IsNaN(value))
                {
                    return -1;
                }

                var bits = BitConverter.DoubleToInt64Bits(value);
                if (bits == previousBits)
                {
                    number[i] = previousNumber;
                    continue;
                }

                var slot = (int)((ulong)(bits * -7046029254386353131L) >> shift); // Fibonacci hashing
                while (slotNumber[slot] >= 0 && keys[slot] != bits)
                {
                    slot = (slot + 1) & (slots - 1);
                }

                if (slotNumber[slot] < 0)
                {
                    if (distinct == maximum)
                    {
                        return -1;
                    }

                    keys[slot] = bits;
                    slotNumber[slot] = distinct;
                    values[distinct] = value;
                    distinct++;
                }

                previousBits = bits;
                previousNumber = slotNumber[slot];
                number[i] = previousNumber;
            }

            // Renumber in ascending order of value.
            var order = slotArray.AsSpan(slots, distinct);
            for (var d = 0; d < distinct; d++)
            {
                order[d] = d;
            }

            values[..distinct].Sort(order);
            var renumber = slotNumber[..distinct]; // the hash table is not needed any more
            var zeros = 0;
            for (var d = 0; d < distinct; d++)
            {
                renumber[order[d]] = d;
                zeros += values[d] == 0 ? 1 : 0;
            }

            signedZeros = zeros == 2;
            for (var i = 0; i < x.Length; i++)
            {
                number[i] = renumber[number[i]];
            }

            return distinct;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keyArray);
            ArrayPool<int>.Shared.Return(slotArray);
        }
    }
}
