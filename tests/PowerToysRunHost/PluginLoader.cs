using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Wox.Plugin;

namespace PowerToysRunHost;

/// <summary>A plugin as PowerToys Run holds it after loading: its metadata (plugin.json), the instance, and where it came from.</summary>
internal sealed record LoadedPlugin(PluginMetadata Metadata, IPlugin Plugin, Assembly Assembly, AssemblyLoadContext LoadContext);

/// <summary>Why PowerToys Run would not load a plugin folder (its log says "fail to load"; the plugin is left out).</summary>
internal sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Loads a plugin folder in the order and with the checks PowerToys Run makes (read from PowerToys' sources:
/// PowerLauncher/Plugin/PluginConfig.cs, Wox.Plugin/PluginPair.cs and PluginLoadContext.cs), written here anew.
/// </summary>
internal static class PluginLoader
{
    public static LoadedPlugin Load(string pluginDirectory)
    {
        var metadata = ReadMetadata(pluginDirectory);
        var (assembly, context) = LoadAssembly(metadata);

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var causes = e.LoaderExceptions.Where(cause => cause is not null).Select(cause => cause!.Message).Distinct();
            throw new PluginLoadException($"GetTypes failed for {metadata.ExecuteFilePath}: {string.Join(" | ", causes)}", e);
        }

        var type = types.FirstOrDefault(t => t.IsClass && !t.IsAbstract && t.GetInterfaces().Contains(typeof(IPlugin)))
            ?? throw new PluginLoadException($"no class implements IPlugin in {metadata.ExecuteFilePath}");

        // PowerToys validates the ID against a static property, so plugin.json cannot claim another plugin's ID.
        var pluginId = (string?)type.GetProperty("PluginID", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new PluginLoadException($"{type.FullName} has no public static PluginID");
        if (pluginId != metadata.ID)
        {
            throw new PluginLoadException($"PluginID {pluginId} is not plugin.json's ID {metadata.ID}");
        }

        IPlugin plugin;
        try
        {
            plugin = (IPlugin)Activator.CreateInstance(type)!;
        }
        catch (Exception e)
        {
            throw new PluginLoadException($"creating {type.FullName} failed: {e.GetBaseException().Message}", e);
        }

        return new LoadedPlugin(metadata, plugin, assembly, context);
    }

    /// <summary>plugin.json through System.Text.Json as PowerToys reads it (default options: property names case-sensitive), and its checks.</summary>
    public static PluginMetadata ReadMetadata(string pluginDirectory)
    {
        var path = Path.Combine(pluginDirectory, "plugin.json");
        if (!File.Exists(path))
        {
            throw new PluginLoadException($"no plugin.json in {pluginDirectory}");
        }

        PluginMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<PluginMetadata>(File.ReadAllText(path))
                ?? throw new PluginLoadException($"{path} is empty");
            // An internal setter in PowerToys, set by its loader: it fixes ExecuteFilePath.
            typeof(PluginMetadata).GetProperty(nameof(PluginMetadata.PluginDirectory))!.SetValue(metadata, pluginDirectory);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or TargetInvocationException)
        {
            throw new PluginLoadException($"invalid json for config {path}: {e.GetBaseException().Message}", e);
        }

        var language = metadata.Language?.ToUpperInvariant();
        if (language is not ("CSHARP" or "EXECUTABLE"))
        {
            throw new PluginLoadException($"invalid language <{metadata.Language}> for config {path}");
        }

        if (string.IsNullOrEmpty(metadata.IcoPathDark) || string.IsNullOrEmpty(metadata.IcoPathLight))
        {
            throw new PluginLoadException($"no icon information in {path}");
        }

        if (!File.Exists(metadata.ExecuteFilePath))
        {
            throw new PluginLoadException($"execute file path {metadata.ExecuteFilePath} does not exist");
        }

        return metadata;
    }

    private static (Assembly Assembly, AssemblyLoadContext Context) LoadAssembly(PluginMetadata metadata)
    {
        try
        {
            if (metadata.DynamicLoading)
            {
                var context = new PluginLoadContext(metadata.ExecuteFilePath);
                return (context.LoadFromAssemblyName(new AssemblyName(Path.GetFileNameWithoutExtension(metadata.ExecuteFilePath))), context);
            }

            return (AssemblyLoadContext.Default.LoadFromAssemblyPath(metadata.ExecuteFilePath), AssemblyLoadContext.Default);
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or BadImageFormatException)
        {
            throw new PluginLoadException($"couldn't load assembly {metadata.ExecuteFilePath}: {e.GetType().Name} 0x{e.HResult:X8} {e.Message}", e);
        }
    }

    /// <summary>
    /// The plugin's own context: what its .deps.json (or folder) resolves is loaded from there unless the host has the
    /// very same assembly already; everything else (Wox.Plugin, PowerToys.*, WPF, .NET) falls back to the host's context.
    /// </summary>
    private sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = _resolver.ResolveAssemblyToPath(assemblyName);
            if (path is null)
            {
                return null;
            }

            return Default.Assemblies.FirstOrDefault(loaded => loaded.FullName == assemblyName.FullName) ?? LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }
    }
}
