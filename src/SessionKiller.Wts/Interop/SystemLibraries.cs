using System.Reflection;
using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

/// <summary>
/// Makes the native imports of this assembly load their DLL from System32 by full path, and from nowhere
/// else. The DefaultDllImportSearchPaths attribute alone does not do it for the shipped CLI: the host of a
/// self-contained app names the app's own folder in NATIVE_DLL_SEARCH_DIRECTORIES, which the runtime probes
/// before it applies the attribute, so a wtsapi32.dll planted beside sessionkiller.exe would be loaded.
/// </summary>
internal static class SystemLibraries
{
    public static void LoadOnlyFromSystem32(Assembly assembly)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => Load(name, Environment.SystemDirectory));
        }
        catch (InvalidOperationException)
        {
            // The host set its own resolver for this assembly first (the Wine probe does, to load a test
            // build of wtsapi32); it keeps it.
        }
    }

    /// <summary>
    /// Loads <paramref name="libraryName"/> from <paramref name="systemDirectory"/>. It throws rather than
    /// returning no handle, because no handle would send the runtime on to search the app's folder.
    /// </summary>
    internal static IntPtr Load(string libraryName, string systemDirectory)
    {
        var path = Path.Combine(systemDirectory, Path.GetFileName(libraryName));
        return Path.IsPathRooted(path) && NativeLibrary.TryLoad(path, out var handle)
            ? handle
            : throw new DllNotFoundException($"{libraryName} was not found in the system folder ({systemDirectory}).");
    }
}
