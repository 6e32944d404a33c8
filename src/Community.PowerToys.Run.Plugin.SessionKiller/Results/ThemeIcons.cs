using ManagedCommon;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>The result icon for PowerToys Run's theme: the dark glyph on light themes, the light glyph on dark ones.</summary>
internal static class ThemeIcons
{
    public const string Light = "Images/sessionkiller.light.png";
    public const string Dark = "Images/sessionkiller.dark.png";

    public static string For(Theme theme) => theme is Theme.Light or Theme.HighContrastWhite ? Light : Dark;
}
