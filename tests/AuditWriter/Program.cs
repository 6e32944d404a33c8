using System.Globalization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Sessions;

// audit-writer PATH LINES TAG MAX_BYTES KEPT_FILES: appends LINES audit lines tagged TAG; exit 0 when all were written.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: AuditWriter PATH LINES TAG MAX_BYTES KEPT_FILES");
    return 1;
}

var culture = CultureInfo.InvariantCulture;
var log = new JsonLinesAuditLog(args[0], long.Parse(args[3], culture), int.Parse(args[4], culture));
var target = new SessionIdentity("RDS01", 3, "CONTOSO", "bob", DateTimeOffset.UnixEpoch);
var lines = int.Parse(args[1], culture);
var failed = 0;
for (var i = 0; i < lines; i++)
{
    var entry = new AuditEntry(DateTimeOffset.UtcNow, "CONTOSO\\admin", SessionAction.LogOff, target, OutcomeKind.Done, $"{args[2]} {i}", Elevated: false);
    if (log.TryAppend(entry).Problem is { } problem)
    {
        Console.Error.WriteLine(problem);
        failed++;
    }
}

return failed == 0 ? 0 : 2;
