using ManagedCommon;

namespace Common.UI;

public delegate void ThemeChangedHandler(Theme oldTheme, Theme newTheme);
