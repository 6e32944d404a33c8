using Common.UI;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using ManagedCommon;
using NSubstitute;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class ThemeTests : IDisposable
{
    private readonly PluginHarness plugin = new();

    public void Dispose() => plugin.Dispose();

    [Theory]
    [InlineData(Theme.Light, "Images/sessionkiller.light.png")]
    [InlineData(Theme.HighContrastWhite, "Images/sessionkiller.light.png")]
    [InlineData(Theme.Dark, "Images/sessionkiller.dark.png")]
    [InlineData(Theme.HighContrastBlack, "Images/sessionkiller.dark.png")]
    [InlineData(Theme.HighContrastOne, "Images/sessionkiller.dark.png")]
    public void Init_picks_the_icon_for_the_current_theme(Theme theme, string icon)
    {
        plugin.Api.GetCurrentTheme().Returns(theme);

        plugin.Main.Init(new PluginInitContext { API = plugin.Api });

        Assert.Equal(icon, plugin.Main.IconPath);
    }

    [Fact]
    public async Task The_icon_swaps_when_the_theme_changes()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");
        Assert.Equal("Images/sessionkiller.dark.png", plugin.Only("bob").IcoPath);

        plugin.Api.ThemeChanged += Raise.Event<ThemeChangedHandler>(Theme.Dark, Theme.Light);

        Assert.Equal("Images/sessionkiller.light.png", plugin.Only("bob").IcoPath);
    }

    [Fact]
    public void Dispose_stops_listening_to_theme_changes()
    {
        plugin.Main.Init(new PluginInitContext { API = plugin.Api });

        plugin.Main.Dispose();

        plugin.Api.Received(1).ThemeChanged += Arg.Any<ThemeChangedHandler>();
        plugin.Api.Received(1).ThemeChanged -= Arg.Any<ThemeChangedHandler>();
    }

    [Fact]
    public void Both_icons_ship_beside_the_plugin()
    {
        foreach (var icon in new[] { "sessionkiller.light.png", "sessionkiller.dark.png" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Images", icon);
            Assert.True(File.Exists(path), path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(path).Take(4));
        }
    }
}
