using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.Core.Hosting;

namespace SessionKiller.CommandPalette;

/// <summary>The extension's <see cref="ExceptionWall"/>: no exception crosses COM into CmdPal; what is caught goes to CmdPal's log.</summary>
internal static class ExtensionWall
{
    public static ExceptionWall Wall { get; } = new((where, exception) =>
        ExtensionHost.LogMessage(new LogMessage($"SessionKiller: {where} failed: {exception}") { State = MessageState.Error }));
}
