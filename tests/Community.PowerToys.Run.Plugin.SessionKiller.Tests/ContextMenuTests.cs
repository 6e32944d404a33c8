using System.Windows.Input;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class ContextMenuTests : IDisposable
{
    private readonly PluginHarness plugin = new();

    public void Dispose() => plugin.Dispose();

    [Theory]
    [InlineData(0, "Log off (Ctrl+Delete)", Key.Delete)]
    [InlineData(1, "Ask first (Ctrl+Enter)", Key.Enter)]
    [InlineData(2, "Disconnect (Ctrl+D)", Key.D)]
    [InlineData(3, "Send message (Ctrl+M)", Key.M)]
    [InlineData(4, "Copy details (Ctrl+C)", Key.C)]
    public async Task Each_action_has_a_titled_item_with_its_Ctrl_accelerator(int position, string title, Key key)
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");

        var menu = plugin.Main.LoadContextMenus(plugin.Only("bob"));

        Assert.Equal(5, menu.Count);
        Assert.Equal(title, menu[position].Title);
        Assert.Equal(key, menu[position].AcceleratorKey);
        Assert.Equal(ModifierKeys.Control, menu[position].AcceleratorModifiers);
        Assert.False(string.IsNullOrEmpty(menu[position].Glyph));
        Assert.Equal("Community.PowerToys.Run.Plugin.SessionKiller", menu[position].PluginName);
    }

    [Fact]
    public void A_result_without_a_session_or_no_result_has_no_menu()
    {
        Assert.Empty(plugin.Main.LoadContextMenus(new Result { Title = "x", ContextData = "not a session" }));
        Assert.Empty(plugin.Main.LoadContextMenus(null!));
    }

    [Fact]
    [UseCulture("de")]
    public async Task In_German_the_menu_is_German()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");

        var menu = plugin.Main.LoadContextMenus(plugin.Only("bob"));

        Assert.Equal(["Abmelden (Strg+Entf)", "Zuerst fragen (Strg+Eingabe)", "Trennen (Strg+D)", "Nachricht senden (Strg+M)", "Details kopieren (Strg+C)"], menu.Select(item => item.Title));
    }
}
