using System.ComponentModel;
using System.Diagnostics;
using Community.PowerToys.Run.Plugin.SessionKiller.Elevation;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SessionKiller.Core.Actions;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class CliElevationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sessionkiller-plugin-").FullName;
    private readonly IProcessLauncher launcher = Substitute.For<IProcessLauncher>();
    private readonly ActionRequest logOff = new(SessionAction.LogOff, TestSessions.User("bob", id: 3).Identity) { Confirmed = true };
    private readonly CliElevation elevation;

    public CliElevationTests()
    {
        File.WriteAllBytes(Path.Combine(folder, CliElevation.HelperFileName), HelperBuild);
        elevation = Elevation(Path.Combine(folder, CliElevation.HelperFileName));
    }

    private const int HelperId = 4242;

    /// <summary>The helper the plugin was "built with": these bytes, and their SHA-256 as the fingerprint.</summary>
    private static byte[] HelperBuild => "MZ sessionkiller build 1"u8.ToArray();

    private static string HelperFingerprint => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(HelperBuild));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string OutcomePath(ProcessStartInfo started)
    {
        var arguments = started.ArgumentList.ToList();
        return arguments[arguments.IndexOf("--outcome-file") + 1];
    }

    /// <summary>The launcher plays the helper: it writes the outcome file the plugin named, then exits.</summary>
    private void HelperEnds(int exitCode, HelperOutcome outcome) =>
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            using (var stream = OutcomeFile.Create(OutcomePath(call.Arg<ProcessStartInfo>())))
            {
                OutcomeFile.Write(stream, outcome);
            }

            return new ProcessExit(exitCode, HelperId);
        });

    [Fact]
    public async Task Starts_the_helper_beside_the_plugin_by_full_path_through_UAC_with_the_identity_to_expect()
    {
        ProcessStartInfo? started = null;
        launcher.RunAsync(Arg.Do<ProcessStartInfo>(info => started = info), Arg.Any<CancellationToken>()).Returns(new ProcessExit(0, HelperId));

        await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.NotNull(started);
        Assert.Equal(Path.Combine(folder, "sessionkiller.exe"), started.FileName);
        Assert.True(Path.IsPathFullyQualified(started.FileName));
        Assert.Equal("runas", started.Verb);
        Assert.True(started.UseShellExecute);
        Assert.Equal(ProcessWindowStyle.Hidden, started.WindowStyle);
        Assert.Empty(started.Arguments);
        Assert.Equal(HelperCommandLine.For(logOff, outcomeFile: OutcomePath(started)), started.ArgumentList);
        Assert.Equal(folder, Path.GetDirectoryName(OutcomePath(started)));
        Assert.Contains("--expect-user", started.ArgumentList);
        Assert.Contains(@"CONTOSO\bob", started.ArgumentList);
        Assert.Contains("--expect-logon", started.ArgumentList);
        Assert.Contains("--yes", started.ArgumentList);
    }

    [Fact]
    public async Task Ask_first_passes_the_text_timeout_and_policy_the_plugin_was_set_to()
    {
        ProcessStartInfo? started = null;
        launcher.RunAsync(Arg.Do<ProcessStartInfo>(info => started = info), Arg.Any<CancellationToken>()).Returns(new ProcessExit(0, HelperId));
        var settings = Settings.PluginSettings.CreateDefault() with
        {
            Core = SessionKillerSettings.Default with { AskFirstText = "Bye {user}", AskFirstTimeoutSeconds = 90, OnNoAnswer = TimeoutPolicy.LogOff },
        };
        var ask = Actions.ActionLauncher.Request(SessionAction.AskFirst, TestSessions.User("bob", id: 3), settings, PluginHarness.Actor);

        await elevation.RunElevatedAsync(ask, CancellationToken.None);

        var arguments = started!.ArgumentList.ToList();
        Assert.Equal("ask", arguments[0]);
        Assert.Equal("Bye {user}", arguments[arguments.IndexOf("--message") + 1]);
        Assert.Equal("90", arguments[arguments.IndexOf("--timeout") + 1]);
        Assert.Equal("logoff", arguments[arguments.IndexOf("--on-timeout") + 1]);
    }

    /// <summary>Each pair shares an exit code: the code alone told the plugin the wrong one of them, without the helper's sentence.</summary>
    [Theory]
    [InlineData(OutcomeKind.NoAnswer, 4, "bob did not answer: still signed in to session 3 on RDS01, as the no-answer policy says.")]
    [InlineData(OutcomeKind.NobodyToAsk, 4, "bob is disconnected from session 3 on RDS01, so nobody can answer a question.")]
    [InlineData(OutcomeKind.Declined, 4, "bob said No: still signed in to session 3 on RDS01.")]
    [InlineData(OutcomeKind.Gone, 7, "Nothing was done: session 3 on RDS01 no longer exists.")]
    [InlineData(OutcomeKind.Changed, 7, "Nothing was done: session 3 on RDS01 now belongs to CONTOSO\\eve since it was listed.")]
    [InlineData(OutcomeKind.TimedOut, 6, "RDS01 did not answer in time: nothing was done.")]
    [InlineData(OutcomeKind.Unknown, 6, "RDS01 did not answer in time; it may still happen to bob.")]
    [InlineData(OutcomeKind.ServerUnavailable, 6, "RDS01 cannot be reached: nothing was done.")]
    [InlineData(OutcomeKind.Refused, 9, "session 0 on RDS01 is the services session (session 0): SessionKiller never acts on it.")]
    [InlineData(OutcomeKind.Failed, 9, "Could not act on bob (nothing was done, because the audit log is busy).")]
    [InlineData(OutcomeKind.Done, 0, "bob was signed out of session 3 on RDS01.")]
    public async Task The_helpers_exact_outcome_and_sentence_come_back_whatever_its_exit_code(OutcomeKind kind, int exitCode, string sentence)
    {
        HelperEnds(exitCode, new HelperOutcome(kind, sentence, HelperId) { AuditLogPath = @"C:\ProgramData\SessionKiller\audit.jsonl" });

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(sentence, result.Detail);
        Assert.True(result.HelperReported);
        Assert.Equal(@"C:\ProgramData\SessionKiller\audit.jsonl", result.AuditLogPath);
    }

    [Fact]
    public async Task Exit_code_0_without_an_outcome_is_never_taken_for_done()
    {
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).Returns(new ProcessExit(0, HelperId));

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.False(result.HelperReported);
        Assert.Contains("exit code 0", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_written_by_another_process_is_not_believed()
    {
        HelperEnds(0, new HelperOutcome(OutcomeKind.Done, "bob was signed out.", HelperId + 1));

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("another process", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_file_that_is_a_link_is_not_read_or_followed()
    {
        var elsewhere = Path.Combine(folder, "elsewhere.json");
        File.WriteAllText(elsewhere, "{\"kind\":\"Done\",\"sentence\":\"forged\",\"pid\":" + HelperId + ",\"audited\":true}\n");
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            File.CreateSymbolicLink(OutcomePath(call.Arg<ProcessStartInfo>()), elsewhere);
            return new ProcessExit(0, HelperId);
        });

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("link", result.Detail, StringComparison.Ordinal);
        Assert.True(File.Exists(elsewhere));
    }

    [Fact]
    public async Task The_outcome_file_is_removed_after_reading()
    {
        string? path = null;
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            path = OutcomePath(call.Arg<ProcessStartInfo>());
            using (var stream = OutcomeFile.Create(path))
            {
                OutcomeFile.Write(stream, new HelperOutcome(OutcomeKind.Done, "bob was signed out.", HelperId));
            }

            return new ProcessExit(0, HelperId);
        });

        Assert.Equal(OutcomeKind.Done, (await elevation.RunElevatedAsync(logOff, CancellationToken.None)).Kind);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task No_to_the_UAC_prompt_is_Cancelled_and_nothing_else()
    {
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).ThrowsAsync(new Win32Exception(1223));

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(new ElevatedResult(OutcomeKind.Cancelled), result);
    }

    [Fact]
    public async Task A_helper_that_cannot_start_is_a_failure_that_says_why()
    {
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).ThrowsAsync(new Win32Exception(193, "not a valid application"));

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("not a valid application", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_helper_starts_nothing()
    {
        var missing = Elevation(Path.Combine(folder, "gone", CliElevation.HelperFileName));

        var result = await missing.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("reinstall", result.Detail, StringComparison.Ordinal);
        await launcher.DidNotReceive().RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_relative_helper_path_is_never_looked_up()
    {
        var relative = Elevation(CliElevation.HelperFileName);

        Assert.Equal(OutcomeKind.Failed, (await relative.RunElevatedAsync(logOff, CancellationToken.None)).Kind);
        await launcher.DidNotReceive().RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_request_the_command_line_cannot_carry_starts_nothing()
    {
        var nobody = new ActionRequest(SessionAction.LogOff, TestSessions.Services().Identity);

        var result = await elevation.RunElevatedAsync(nobody, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        await launcher.DidNotReceive().RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_helper_that_differs_from_the_fingerprint_built_into_the_plugin_is_not_elevated_and_the_reason_says_so()
    {
        var swapped = Path.Combine(folder, "swapped", CliElevation.HelperFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(swapped)!);
        File.WriteAllBytes(swapped, "MZ something else"u8.ToArray());

        var result = await Elevation(swapped).RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("is not the one this plugin was built with", result.Detail, StringComparison.Ordinal);
        Assert.Contains(HelperFingerprint, result.Detail, StringComparison.Ordinal);
        await launcher.DidNotReceive().RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    [UseCulture("de")]
    public async Task The_reason_a_helper_is_refused_is_in_the_users_language()
    {
        File.WriteAllBytes(Path.Combine(folder, CliElevation.HelperFileName), "MZ something else"u8.ToArray());

        var result = await elevation.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.StartsWith("Das Hilfsprogramm", result.Detail, StringComparison.Ordinal);
        Assert.Contains("nicht als Administrator gestartet", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a sha-256")]
    public async Task A_plugin_built_without_the_helpers_fingerprint_elevates_nothing(string fingerprint)
    {
        var unknown = new CliElevation(launcher, new HelperLocator(new LocalHelperFiles(), fingerprint, [Path.Combine(folder, CliElevation.HelperFileName)]));

        var result = await unknown.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("does not know the fingerprint of its helper", result.Detail, StringComparison.Ordinal);
        await launcher.DidNotReceive().RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_machine_wide_helper_is_preferred_when_it_is_the_build_the_plugin_knows()
    {
        var machineWide = Path.Combine(folder, "Program Files", "SessionKiller", CliElevation.HelperFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(machineWide)!);
        File.WriteAllBytes(machineWide, HelperBuild);
        ProcessStartInfo? started = null;
        launcher.RunAsync(Arg.Do<ProcessStartInfo>(info => started = info), Arg.Any<CancellationToken>()).Returns(new ProcessExit(0, HelperId));

        await Elevation(machineWide, Path.Combine(folder, CliElevation.HelperFileName)).RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(machineWide, started?.FileName);
    }

    [Fact]
    public async Task A_machine_wide_helper_of_another_build_is_passed_over_for_the_verified_one_beside_the_plugin()
    {
        var machineWide = Path.Combine(folder, "Program Files", "SessionKiller", CliElevation.HelperFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(machineWide)!);
        File.WriteAllBytes(machineWide, "MZ sessionkiller build 0"u8.ToArray());
        ProcessStartInfo? started = null;
        launcher.RunAsync(Arg.Do<ProcessStartInfo>(info => started = info), Arg.Any<CancellationToken>()).Returns(new ProcessExit(0, HelperId));

        await Elevation(machineWide, Path.Combine(folder, CliElevation.HelperFileName)).RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(Path.Combine(folder, CliElevation.HelperFileName), started?.FileName);
    }

    [Fact]
    public async Task A_helper_that_cannot_be_read_is_not_elevated()
    {
        var files = Substitute.For<IHelperFiles>();
        files.Exists(Arg.Any<string>()).Returns(true);
        files.OpenLocked(Arg.Any<string>()).Throws(new IOException("The process cannot access the file because it is being used by another process."));
        var locked = new CliElevation(launcher, new HelperLocator(files, HelperFingerprint, [Path.Combine(folder, CliElevation.HelperFileName)]));

        var result = await locked.RunElevatedAsync(logOff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Failed, result.Kind);
        Assert.Contains("could not be read to check it", result.Detail, StringComparison.Ordinal);
        await launcher.DidNotReceive().RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_verified_helper_stays_locked_until_it_has_run()
    {
        var held = new WatchedStream(HelperBuild);
        var files = Substitute.For<IHelperFiles>();
        files.Exists(Arg.Any<string>()).Returns(true);
        files.OpenLocked(Arg.Any<string>()).Returns(held);
        bool? openWhileRunning = null;
        launcher.RunAsync(Arg.Any<ProcessStartInfo>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            openWhileRunning = !held.Disposed;
            return new ProcessExit(0, HelperId);
        });

        await new CliElevation(launcher, new HelperLocator(files, HelperFingerprint, [Path.Combine(folder, CliElevation.HelperFileName)]))
            .RunElevatedAsync(logOff, CancellationToken.None);

        Assert.True(openWhileRunning);
        Assert.True(held.Disposed);
    }

    private CliElevation Elevation(params string[] candidates) =>
        new(launcher, new HelperLocator(new LocalHelperFiles(), HelperFingerprint, candidates), folder);

    private sealed class WatchedStream(byte[] content) : MemoryStream(content)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
