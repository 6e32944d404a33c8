using System.Runtime.InteropServices;
using SessionKiller.Wts.Interop;

namespace SessionKiller.Wts.Tests.Interop;

/// <summary>
/// The CLI runs elevated from a folder the user can write to: a wtsapi32.dll or kernel32.dll planted
/// beside it must never be loaded. The backend resolves its DLLs to System32 and nowhere else (the
/// attribute on each import is checked with the plugin's tests).
/// </summary>
public sealed class DllSearchPathTests
{
    [Fact]
    public void A_library_missing_from_the_system_folder_is_not_looked_for_anywhere_else()
    {
        // libc is loadable by the normal search on this Linux machine; from an empty "system folder" it is not.
        var systemFolder = Directory.CreateTempSubdirectory("sessionkiller-system32-").FullName;
        try
        {
            var failure = Assert.Throws<DllNotFoundException>(() => SystemLibraries.Load("libc.so.6", systemFolder));
            Assert.Contains(systemFolder, failure.Message, StringComparison.Ordinal);
            Assert.True(NativeLibrary.TryLoad("libc.so.6", out _), "the normal search should find libc, or this test proves nothing");
        }
        finally
        {
            Directory.Delete(systemFolder);
        }
    }

    [Fact]
    public void A_library_is_loaded_from_the_system_folder_by_its_full_path_whatever_folder_its_name_says()
    {
        var libcFolder = new[] { "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64" }
            .First(folder => File.Exists(Path.Combine(folder, "libc.so.6")));

        var handle = SystemLibraries.Load("../elsewhere/libc.so.6", libcFolder);

        Assert.NotEqual(IntPtr.Zero, handle);
    }

    [Fact]
    public void Without_a_system_folder_nothing_is_loaded()
    {
        // Environment.SystemDirectory is empty off Windows: the bare name must not fall back to the normal search.
        Assert.Throws<DllNotFoundException>(() => SystemLibraries.Load("libc.so.6", ""));
    }
}
