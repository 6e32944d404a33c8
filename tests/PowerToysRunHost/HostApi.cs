using System.Collections.Concurrent;
using Common.UI;
using ManagedCommon;
using Wox.Plugin;

namespace PowerToysRunHost;

/// <summary>PowerToys Run's API as the plugin sees it; records what the plugin asks of it.</summary>
internal sealed class HostApi : IPublicAPI
{
    private readonly BlockingCollection<(string Text, string? Secondary)> _notifications = [];

    public event ThemeChangedHandler? ThemeChanged;

    public List<string> Messages { get; } = [];

    public void ChangeQuery(string query, bool requery = false)
    {
    }

    public void RemoveUserSelectedItem(Result result)
    {
    }

    public Theme GetCurrentTheme() => Theme.Dark;

    public void SaveAppAllSettings()
    {
    }

    public void ReloadAllPluginData()
    {
    }

    public void CheckForNewUpdate()
    {
    }

    public void ShowMsg(string title, string subTitle = "", string iconPath = "", bool useMainWindowAsOwner = true) => Messages.Add(title + ": " + subTitle);

    public List<PluginPair> GetAllPlugins() => [];

    public void ShowNotification(string text, string? secondaryText = null) => _notifications.Add((text, secondaryText));

    /// <summary>The next notification the plugin shows, or null when none comes in time.</summary>
    public (string Text, string? Secondary)? NextNotification(TimeSpan timeout) =>
        _notifications.TryTake(out var notification, timeout) ? notification : null;

    public void ChangeTheme(Theme newTheme) => ThemeChanged?.Invoke(Theme.Dark, newTheme);
}
