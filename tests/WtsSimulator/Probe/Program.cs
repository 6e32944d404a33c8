using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Wts;

[assembly: SupportedOSPlatform("windows")]

namespace SessionKiller.WtsProbe;

/// <summary>
/// <c>wtsprobe COMMAND ARGS [; COMMAND ARGS]...</c>: one backend call per command, in one process (so the
/// stand-in's state carries from one to the next), one line of <c>key=value</c> per result.
/// <code>
/// list SERVER...                                   session ... | failure server=... kind=... code=... text=...
/// logoff|disconnect SERVER ID wait|nowait          ok | failure ...
/// message SERVER ID yesno|ok SECONDS wait|nowait TITLE TEXT   answer=Yes | failure ...
/// processes SERVER ID                              process pid=... name=...
/// list-within MILLISECONDS SERVER                  cancelled after=... | session ... (the call is abandoned when the time is up)
/// read SERVER                                      read server=... sessions=N ms=T (one read, timed, sessions not printed)
/// idle SERVER                                      the catalog on a clock 20 times fast: started, queried once, then left alone
///                                                  (see <see cref="IdleCatalog"/>)
/// </code>
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // The product loads wtsapi32 from System32 only. A Wine prefix has one System32, which holds the
        // full stand-in, so a test of another build (the one without the Ex exports) names its file here.
        if (Environment.GetEnvironmentVariable("WTSPROBE_WTSAPI32") is { Length: > 0 } wtsapi32)
        {
            NativeLibrary.SetDllImportResolver(
                typeof(WtsSessionBackend).Assembly,
                (name, _, _) => name.Equals("wtsapi32.dll", StringComparison.OrdinalIgnoreCase) ? NativeLibrary.Load(wtsapi32) : IntPtr.Zero);
        }

        var backend = new WtsSessionBackend();
        var command = new List<string>();
        foreach (var arg in args.Append(";"))
        {
            if (arg != ";")
            {
                command.Add(arg);
                continue;
            }

            if (await RunAsync(backend, [.. command]) != 0)
            {
                return 1;
            }

            command.Clear();
        }

        return 0;
    }

    private static async Task<int> RunAsync(WtsSessionBackend backend, string[] args)
    {
        switch (args)
        {
            case ["list", .. var servers] when servers.Length > 0:
                foreach (var server in servers)
                {
                    Print(server, await backend.EnumerateSessionsAsync(server, CancellationToken.None));
                }

                return 0;
            case ["logoff", var server, var id, var wait]:
                Print(await backend.LogOffAsync(server, Number(id), wait == "wait", CancellationToken.None));
                return 0;
            case ["disconnect", var server, var id, var wait]:
                Print(await backend.DisconnectAsync(server, Number(id), wait == "wait", CancellationToken.None));
                return 0;
            case ["message", var server, var id, var buttons, var seconds, var wait, var title, var text]:
                var request = new MessageRequest(
                    server,
                    Number(id),
                    title,
                    text,
                    buttons == "yesno" ? MessageButtons.YesNo : MessageButtons.Ok,
                    TimeSpan.FromSeconds(Number(seconds)),
                    wait == "wait");
                var answer = await backend.SendMessageAsync(request, CancellationToken.None);
                Console.WriteLine(answer.IsSuccess ? $"answer={answer.Value}" : $"failure {Describe(answer.Failure!)}");
                return 0;
            case ["processes", var server, var id]:
                var processes = await backend.ListProcessesAsync(server, Number(id), CancellationToken.None);
                if (!processes.IsSuccess)
                {
                    Console.WriteLine($"failure {Describe(processes.Failure!)}");
                    return 0;
                }

                foreach (var process in processes.Value!)
                {
                    Console.WriteLine(Invariant($"process pid={process.ProcessId} name={process.Name}"));
                }

                return 0;
            case ["list-within", var milliseconds, var server]:
                using (var timeout = new CancellationTokenSource(Number(milliseconds)))
                {
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        Print(server, await backend.EnumerateSessionsAsync(server, timeout.Token));
                    }
                    catch (OperationCanceledException)
                    {
                        Console.WriteLine(Invariant($"cancelled after={clock.ElapsedMilliseconds}"));
                    }
                }

                return 0;
            case ["read", var server]:
                var watch = Stopwatch.StartNew();
                var read = await backend.EnumerateSessionsAsync(server, CancellationToken.None);
                watch.Stop();
                Console.WriteLine(read.IsSuccess
                    ? Invariant($"read server={server} sessions={read.Value!.Count} ms={watch.Elapsed.TotalMilliseconds:0}")
                    : $"failure server={server} {Describe(read.Failure!)}");
                return 0;
            case ["idle", var server]:
                await IdleCatalog.RunAsync(backend, server);
                return 0;
            default:
                Console.Error.WriteLine("usage: wtsprobe list|logoff|disconnect|message|processes|list-within|read|idle ...");
                return 1;
        }
    }

    private static void Print(string server, BackendResult<IReadOnlyList<SessionInfo>> result)
    {
        if (!result.IsSuccess)
        {
            Console.WriteLine($"failure server={server} {Describe(result.Failure!)}");
            return;
        }

        foreach (var s in result.Value!)
        {
            Console.WriteLine(Invariant(
                $"session server={s.ServerName} id={s.SessionId} user={s.UserName} domain={s.DomainName} state={s.State} station={s.StationName} client={s.ClientName} addr={s.ClientAddress} logon={Time(s.LogonTime)} lastinput={Time(s.LastInputTime)} idle={s.IdleTime?.TotalSeconds} lock={s.Lock} current={s.IsCurrentSession} console={s.IsConsole}"));
        }
    }

    private static void Print(BackendResult result) => Console.WriteLine(result.IsSuccess ? "ok" : $"failure {Describe(result.Failure!)}");

    private static string Describe(BackendFailure failure) => Invariant($"kind={failure.Kind} code={failure.Code} text={failure.Text}");

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
