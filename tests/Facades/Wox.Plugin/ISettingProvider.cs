using System.Windows.Controls;
using Microsoft.PowerToys.Settings.UI.Library;

namespace Wox.Plugin;

public interface ISettingProvider
{
    Control CreateSettingPanel();

    void UpdateSettings(PowerLauncherPluginSettings settings);

    IEnumerable<PluginAdditionalOption> AdditionalOptions { get; }
}
