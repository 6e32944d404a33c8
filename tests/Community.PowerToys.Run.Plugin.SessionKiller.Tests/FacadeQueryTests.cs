using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>The plugin reads Query.Search; it must split what was typed as PowerToys does.</summary>
public sealed class FacadeQueryTests
{
    [Fact]
    public void Search_is_the_text_after_the_action_keyword_with_runs_of_spaces_collapsed()
    {
        var query = new Query("logoff   bob   idle:>1h ", "logoff");

        Assert.Equal("bob idle:>1h", query.Search);
        Assert.Equal("logoff bob idle:>1h", query.RawQuery);
        Assert.Equal(["bob", "idle:>1h"], query.Terms);
        Assert.Equal("logoff", query.ActionKeyword);
    }

    [Fact]
    public void The_keyword_alone_searches_for_nothing() => Assert.Equal("", new Query("logoff", "logoff").Search);
}
