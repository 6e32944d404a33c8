using CsCheck;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Tests.Support;

/// <summary>Generated sessions for property tests; each test chooses the pools its fields draw from.</summary>
internal static class SessionGens
{
    public static Gen<SessionInfo> Session(Gen<string> name, Gen<string> domain, Gen<string> server, Gen<int> id, Gen<TimeSpan?> idle) =>
        Gen.Select(
            Gen.Select(name, domain, server, id),
            Gen.Select(Gen.Enum<SessionState>(), idle, name, name),
            Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
            (who, how, current) => new SessionInfo
            {
                UserName = who.Item1,
                DomainName = who.Item2,
                ServerName = who.Item3,
                SessionId = who.Item4,
                State = how.Item1,
                IdleTime = how.Item2,
                ClientName = how.Item3,
                StationName = how.Item4,
                IsCurrentSession = current,
            });
}
