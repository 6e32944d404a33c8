using SessionKiller.Core.Text;

namespace SessionKiller.Core.Tests.Text;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("bob", "bob")]
    [InlineData("b\u00f6b \u5f20\u4f1f", "b\u00f6b \u5f20\u4f1f")]
    [InlineData("bob\u202Etxt.exe", "bob?txt.exe")]
    [InlineData("\u2066bob\u2069\u200F\u200E\u061C", "?bob????")]
    [InlineData("\u001b[2Jbob", "?[2Jbob")]
    [InlineData("bob\0", "bob?")]
    public void One_line_replaces_controls_and_bidi_controls_with_a_question_mark(string name, string shown) =>
        Assert.Equal(shown, DisplayText.OneLine(name));

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    [InlineData("a\u0085b")]
    [InlineData("a\fb")]
    [InlineData("a\vb")]
    public void One_line_turns_every_line_break_into_a_space_one_for_one(string name)
    {
        var shown = DisplayText.OneLine(name);

        Assert.Equal(name.Length, shown.Length);
        Assert.Equal("a", shown[..1]);
        Assert.Equal("b", shown[^1..]);
        Assert.All(shown[1..^1], c => Assert.Equal(' ', c));
    }

    [Fact]
    public void Lines_keep_line_breaks_as_newlines_and_clean_the_rest() =>
        Assert.Equal("Sign out bob??\nyes\nno?", DisplayText.Lines("Sign out bob\u202E\u001b\r\nyes\u2028no\t"));

    [Fact]
    public void Clean_text_comes_back_as_the_same_string()
    {
        const string clean = @"CONTOSO\bob";

        Assert.Same(clean, DisplayText.OneLine(clean));
    }
}
