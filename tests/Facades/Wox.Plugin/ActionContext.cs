namespace Wox.Plugin;

public class ActionContext
{
    public SpecialKeyState SpecialKeyState { get; set; }
}
