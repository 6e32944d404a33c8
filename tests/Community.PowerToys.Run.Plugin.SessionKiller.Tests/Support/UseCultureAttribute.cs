using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;

/// <summary>Runs a test under a fixed culture (English texts, invariant numbers and times unless told otherwise).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class UseCultureAttribute(string uiCulture = "en", string culture = "") : BeforeAfterTestAttribute
{
    private CultureInfo? savedCulture;
    private CultureInfo? savedUiCulture;

    public override void Before(MethodInfo methodUnderTest)
    {
        savedCulture = CultureInfo.CurrentCulture;
        savedUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(uiCulture);
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = savedCulture!;
        CultureInfo.CurrentUICulture = savedUiCulture!;
    }
}
