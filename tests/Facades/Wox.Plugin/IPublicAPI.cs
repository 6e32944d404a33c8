using Common.UI;
using ManagedCommon;

namespace Wox.Plugin;

public interface IPublicAPI
{
    event ThemeChangedHandler ThemeChanged;

    void ChangeQuery(string query, bool requery = false);

    void RemoveUserSelectedItem(Result result);

    Theme GetCurrentTheme();

    void SaveAppAllSettings();

    void ReloadAllPluginData();

    void CheckForNewUpdate();

    void ShowMsg(string title, string subTitle = "", string iconPath = "", bool useMainWindowAsOwner = true);

    List<PluginPair> GetAllPlugins();

    void ShowNotification(string text, string secondaryText = null);
}
