using SessionKiller.Core.Hosting;

namespace SessionKiller.Core.Tests.Hosting;

public sealed class ExceptionWallTests
{
    private readonly List<(string Where, Exception Exception)> reported = [];

    private ExceptionWall Wall => new((where, exception) => reported.Add((where, exception)));

    [Fact]
    public void A_failing_body_gives_the_fallback_and_is_reported_with_where_it_failed()
    {
        var boom = new InvalidOperationException("boom");

        var result = Wall.Run<int>(() => throw boom, () => -1, "Query");

        Assert.Equal(-1, result);
        Assert.Equal(("Query", (Exception)boom), Assert.Single(reported));
    }

    [Fact]
    public void A_body_that_succeeds_is_returned_and_nothing_is_reported()
    {
        Assert.Equal(42, Wall.Run(() => 42, () => -1));
        Assert.Empty(reported);
    }

    [Fact]
    public void An_action_that_throws_does_not_escape()
    {
        Wall.Run(() => throw new IOException("disk"), "UpdateSettings");

        Assert.Equal("UpdateSettings", Assert.Single(reported).Where);
    }

    [Fact]
    public void A_log_that_throws_does_not_escape_either()
    {
        var wall = new ExceptionWall((_, _) => throw new ObjectDisposedException("log"));

        var result = wall.Run<string>(() => throw new InvalidOperationException(), () => "fallback");

        Assert.Equal("fallback", result);
    }
}
