using System.Text;
using SessionKiller.Linux.Terminals;

namespace SessionKiller.Linux.Tests;

public class TerminalMessageTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 5, 0, TimeSpan.FromHours(1));

    private static string Format(string text, string title = "", string? terminal = "pts/1") =>
        Encoding.UTF8.GetString(TerminalMessage.Format("root", "vm", terminal, Noon, title, text));

    [Fact]
    public void The_header_names_the_sender_as_write_does()
    {
        Assert.Equal("\r\n\aMessage from root@vm on pts/1 at 12:05 ...\r\nThe server restarts at 13:00.\r\n", Format("The server restarts at 13:00."));
    }

    [Fact]
    public void Without_a_terminal_the_header_leaves_out_where_from()
    {
        Assert.StartsWith("\r\n\aMessage from root@vm at 12:05 ...\r\n", Format("hi", terminal: null));
    }

    [Fact]
    public void Every_line_ends_with_carriage_return_and_line_feed()
    {
        Assert.EndsWith("...\r\none\r\ntwo\r\n\r\nthree\r\n", Format("one\ntwo\r\n\r\nthree\n"));
        Assert.EndsWith("...\r\nold\r\nmac\r\n", Format("old\rmac"));
    }

    [Fact]
    public void Control_characters_and_escape_sequences_are_removed()
    {
        var shown = Format("\u001b[2J\u001b]0;owned\u0007clear\u009b31mred\u007f\u0000!");

        Assert.EndsWith("...\r\n[2J]0;ownedclear31mred!\r\n", shown);
        Assert.DoesNotContain('\u001b', shown);
        Assert.DoesNotContain('\u009b', shown);
    }

    [Fact]
    public void Tabs_and_ordinary_unicode_are_kept()
    {
        Assert.EndsWith("...\r\nÄnderung:\tjetzt ✓\r\n", Format("Änderung:\tjetzt ✓"));
    }

    [Fact]
    public void Bidirectional_overrides_are_removed()
    {
        Assert.EndsWith("...\r\nabc\r\n", Format("a\u202Eb\u2066c"));
    }

    [Fact]
    public void A_title_gets_its_own_line_before_the_text()
    {
        Assert.Equal("\r\n\aMessage from root@vm on pts/1 at 12:05 ...\r\nMaintenance\r\nSave your work.\r\n", Format("Save your work.", title: "Maintenance"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Message from admin")]
    [InlineData("message from root")]
    public void A_title_that_only_names_the_sender_again_is_left_out(string title)
    {
        Assert.Equal("\r\n\aMessage from root@vm on pts/1 at 12:05 ...\r\nhi\r\n", Format("hi", title: title));
    }

    [Fact]
    public void Sender_names_cannot_smuggle_control_characters()
    {
        var shown = Encoding.UTF8.GetString(TerminalMessage.Format("ro\u001bot", "v\rm", "pts/\n1", Noon, "", "x"));

        Assert.StartsWith("\r\n\aMessage from root@vm on pts/1 at 12:05 ...\r\n", shown);
    }
}
