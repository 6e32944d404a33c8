namespace ManagedCommon;

public enum Theme
{
    System,
    Light,
    Dark,
    HighContrastOne,
    HighContrastTwo,
    HighContrastBlack,
    HighContrastWhite,
}
