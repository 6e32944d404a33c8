using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Tests.Settings;

public class SessionKillerSettingsTests
{
    [Fact]
    public void Defaults_are_what_an_administrator_expects()
    {
        var settings = SessionKillerSettings.Default;

        Assert.True(settings.ConfirmBeforeLogoff);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.AskFirstTimeout);
        Assert.Equal(TimeoutPolicy.Keep, settings.OnNoAnswer);
        Assert.True(settings.ShowOwnSession);
        Assert.Equal([ServerNames.Local], settings.EffectiveServers);
        Assert.Contains("{admin}", settings.AskFirstText, StringComparison.Ordinal);
        Assert.Contains("{seconds}", settings.AskFirstText, StringComparison.Ordinal);
    }

    [Fact]
    public void Servers_are_trimmed_deduplicated_and_blank_lines_dropped()
    {
        var settings = SessionKillerSettings.Default with { Servers = ["RDS01", " rds01 ", "", "  ", @"\\RDS02", "localhost", "."] };

        Assert.Equal(["RDS01", "RDS02", ServerNames.Local], settings.EffectiveServers);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(10, 10)]
    [InlineData(600, 600)]
    [InlineData(99999, 3600)]
    public void Ask_first_timeout_stays_within_its_bounds(int configured, int effective) =>
        Assert.Equal(TimeSpan.FromSeconds(effective), (SessionKillerSettings.Default with { AskFirstTimeoutSeconds = configured }).AskFirstTimeout);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(30, 30)]
    [InlineData(100000, 3600)]
    public void Refresh_interval_stays_within_its_bounds(int configured, int effective) =>
        Assert.Equal(TimeSpan.FromSeconds(effective), (SessionKillerSettings.Default with { RefreshIntervalSeconds = configured }).RefreshInterval);

    [Fact]
    public void Settings_are_values()
    {
        Assert.Equal(SessionKillerSettings.Default with { }, SessionKillerSettings.Default);
        Assert.NotEqual(SessionKillerSettings.Default with { ShowOwnSession = false }, SessionKillerSettings.Default);
    }
}
