using Community.PowerToys.Run.Plugin.SessionKiller.Prompt;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class MessageBoxPromptTests
{
    private const int IdYes = 6;
    private const int IdNo = 7;

    private readonly IMessageBox box = Substitute.For<IMessageBox>();
    private readonly SessionInfo bob = TestSessions.User("bob", id: 3, state: SessionState.Disconnected, idle: TimeSpan.FromMinutes(95), client: "LAPTOP-7");

    [Fact]
    public async Task The_box_is_a_warning_with_Yes_and_No_No_by_default_on_top_and_in_front()
    {
        uint flags = 0;
        box.Show(Arg.Any<string>(), Arg.Any<string>(), Arg.Do<uint>(value => flags = value)).Returns(IdYes);

        await new MessageBoxPrompt(box).ConfirmAsync(Confirmation(SessionAction.LogOff), CancellationToken.None);

        // MB_YESNO | MB_ICONWARNING | MB_DEFBUTTON2 | MB_SETFOREGROUND | MB_TOPMOST
        Assert.Equal(0x4u | 0x30u | 0x100u | 0x10000u | 0x40000u, flags);
    }

    [Theory]
    [InlineData(IdYes, true)]
    [InlineData(IdNo, false)]
    [InlineData(0, false)]
    public async Task Only_Yes_goes_ahead(int button, bool expected)
    {
        box.Show(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<uint>()).Returns(button);

        Assert.Equal(expected, await new MessageBoxPrompt(box).ConfirmAsync(Confirmation(SessionAction.LogOff), CancellationToken.None));
    }

    [Fact]
    public async Task The_box_names_the_session_and_its_open_applications()
    {
        string? text = null, caption = null;
        box.Show(Arg.Do<string>(value => text = value), Arg.Do<string>(value => caption = value), Arg.Any<uint>()).Returns(IdNo);

        await new MessageBoxPrompt(box).ConfirmAsync(Confirmation(SessionAction.LogOff, applications: ["EXCEL", "WINWORD"]), CancellationToken.None);

        Assert.Equal("Log off bob?", caption);
        Assert.Equal(
            """
            Sign out CONTOSO\bob (session 3 on RDS01)?
            Disconnected, idle 1 h 35 min, from LAPTOP-7.
            Open applications: EXCEL, WINWORD.
            Unsaved work in them will be lost.
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public void Many_applications_are_cut_short_with_a_count()
    {
        var applications = Enumerable.Range(1, 15).Select(i => $"App{i:00}").ToArray();

        var (_, text) = ConfirmationLayout.For(Confirmation(SessionAction.LogOff, applications: applications));

        Assert.Contains("App12 and 3 more.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("App13", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfirmationWarning.OwnSession, "This is YOUR OWN session: you will be signed out yourself.")]
    [InlineData(ConfirmationWarning.Console, "This is the console session: someone may be sitting at this computer.")]
    public void Warnings_come_first(ConfirmationWarning warning, string line)
    {
        var (_, text) = ConfirmationLayout.For(Confirmation(SessionAction.LogOff, warning: warning));

        Assert.StartsWith(line, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_first_says_what_happens_without_an_answer()
    {
        var (title, text) = ConfirmationLayout.For(Confirmation(SessionAction.AskFirst));

        Assert.Equal("Ask bob to sign out?", title);
        Assert.Contains("Ask CONTOSO\\bob (session 3 on RDS01) to sign out?", text, StringComparison.Ordinal);
        Assert.EndsWith("If they do not answer in time, they will be signed out.", text, StringComparison.Ordinal);
        Assert.Contains("No open applications were found.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x1234, 7u, 7u, 0x1234)]
    [InlineData(0x1234, 7u, 8u, 0)]
    [InlineData(0, 0u, 8u, 0)]
    public void The_box_is_owned_by_the_foreground_window_only_when_it_belongs_to_this_thread(long foreground, uint foregroundThread, uint currentThread, long owner) =>
        Assert.Equal((nint)owner, User32MessageBox.ChooseOwner((nint)foreground, foregroundThread, currentThread));

    [Fact]
    public async Task Applications_that_could_not_be_read_are_not_called_none()
    {
        string? text = null;
        box.Show(Arg.Do<string>(value => text = value), Arg.Any<string>(), Arg.Any<uint>()).Returns(IdNo);

        await new MessageBoxPrompt(box).ConfirmAsync(Confirmation(SessionAction.LogOff) with { ApplicationsUnknown = true }, CancellationToken.None);

        Assert.Contains("The open applications could not be read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No open applications", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_server_cannot_add_lines_to_the_box_or_reverse_its_text()
    {
        var hostile = TestSessions.User("bob\u202Etxt.exe", id: 3, client: "LAPTOP-7\r\nNo open applications were found.");
        var confirmation = new Confirmation(
            SessionAction.LogOff,
            hostile,
            ConfirmationWarning.None,
            ["EXCEL\u2028\u2028Unsaved work is saved automatically.", "WORD\u2067"],
            "core title",
            "core text");

        var (title, text) = ConfirmationLayout.For(confirmation);

        Assert.Equal("Log off bob?txt.exe?", title);
        Assert.Equal(
            """
            Sign out CONTOSO\bob?txt.exe (session 3 on RDS01)?
            Active, active now, from LAPTOP-7  No open applications were found..
            Open applications: EXCEL  Unsaved work is saved automatically., WORD?.
            Unsaved work in them will be lost.
            """.ReplaceLineEndings(),
            text);
    }

    private Confirmation Confirmation(SessionAction action, string[]? applications = null, ConfirmationWarning warning = ConfirmationWarning.None) =>
        new(action, bob, warning, applications ?? [], "core title", "core text");
}
