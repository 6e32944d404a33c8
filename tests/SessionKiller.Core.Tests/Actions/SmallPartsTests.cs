using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Actions;

public class SmallPartsTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(12, "12 s")]
    [InlineData(59, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(35 * 60 + 20, "35 min")]
    [InlineData(3600, "1 h 0 min")]
    [InlineData(2 * 3600 + 14 * 60, "2 h 14 min")]
    [InlineData(26 * 3600, "1 d 2 h")]
    [InlineData(-5, "0 s")]
    public void Durations_read_like_a_person_would_say_them(int seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Placeholders_are_filled_case_insensitively_and_unknown_ones_are_left()
    {
        var target = TestSessions.User("bob").Identity;

        var text = Placeholders.Fill("{User}, {admin} waits {seconds}s {other}", target, "ADMIN", TimeSpan.FromSeconds(60));

        Assert.Equal("bob, ADMIN waits 60s {other}", text);
    }

    [Fact]
    public void A_plain_message_fills_the_names_and_leaves_seconds_as_typed() =>
        Assert.Equal("bob, ADMIN waits {seconds}s", Placeholders.FillNames("{user}, {Admin} waits {seconds}s", TestSessions.User("bob").Identity, "ADMIN"));

    [Fact]
    public void Application_list_drops_the_windows_shell_and_duplicates_and_sorts()
    {
        var apps = ApplicationList.From([
            new SessionProcess(1, "explorer.exe"), new SessionProcess(2, "WINWORD.EXE"), new SessionProcess(3, "winword.exe"),
            new SessionProcess(4, "notepad.exe"), new SessionProcess(5, "dwm.exe"), new SessionProcess(6, "Code"), new SessionProcess(7, ".exe"),
        ]);

        Assert.Equal(["Code", "notepad", "WINWORD"], apps);
    }
}
