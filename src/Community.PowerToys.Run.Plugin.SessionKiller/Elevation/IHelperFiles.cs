namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>The files the helper check reads: the seam that keeps <see cref="HelperLocator"/> testable.</summary>
internal interface IHelperFiles
{
    bool Exists(string path);

    /// <summary>
    /// Opens the file to read it, sharing only reading: while the stream is open nobody can write, rename
    /// or delete the file, so what was checked is what UAC starts.
    /// </summary>
    Stream OpenLocked(string path);
}

internal sealed class LocalHelperFiles : IHelperFiles
{
    public bool Exists(string path) => File.Exists(path);

    public Stream OpenLocked(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
}
