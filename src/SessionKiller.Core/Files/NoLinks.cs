namespace SessionKiller.Core.Files;

/// <summary>
/// Symbolic links and reparse points (junctions, mount points) where a file of ours is expected. .NET opens
/// files through links without a way to refuse, so callers check the path just before opening it.
/// </summary>
internal static class NoLinks
{
    public static bool IsLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint));
    }

    /// <summary>The first folder from <paramref name="folder"/> up to its root that is a link, or null.</summary>
    public static string? FirstLinkOnPath(string folder)
    {
        for (var current = Path.GetFullPath(folder); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
            {
                return current;
            }
        }

        return null;
    }
}
