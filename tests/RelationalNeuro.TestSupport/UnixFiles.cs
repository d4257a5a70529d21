using System.Runtime.InteropServices;

namespace RelationalNeuro.TestSupport;

/// <summary>Special files for the tests that check a reader does not hang on them (Linux).</summary>
public static partial class UnixFiles
{
    /// <summary>Creates a named pipe (FIFO) at <paramref name="path"/> with mode 0644; throws if mkfifo(3) fails.</summary>
    public static void MakeFifo(string path)
    {
        if (MkFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo({path}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);
}
