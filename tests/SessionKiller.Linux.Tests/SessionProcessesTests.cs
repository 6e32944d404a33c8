using SessionKiller.Linux.Processes;
using static SessionKiller.Linux.Tests.Support.ProcFixtures;

namespace SessionKiller.Linux.Tests;

public class SessionProcessesTests
{
    private const int Pts1 = 34817;

    /// <summary>An ssh login as sshd makes it: the monitor (leader), its unprivileged child, the shell on pts/0 in its own session.</summary>
    private static Dictionary<int, ProcessStat> SshLogin(params ProcessStat[] more) => Table(
        [
            Process(1, parent: 0, name: "init"),
            Process(2, parent: 0, name: "kthreadd", flags: ProcessStat.PF_KTHREAD),
            Process(900, parent: 1, name: "sshd"),
            Process(1000, parent: 900, name: "sshd", start: 500),
            Process(1002, parent: 1000, session: 1000, name: "sshd", start: 501),
            Process(1003, parent: 1002, terminal: Pts0, name: "bash", start: 502),
            Process(1010, parent: 1003, session: 1003, terminal: Pts0, name: "vim", start: 600),
            Process(2000, parent: 900, name: "sshd", start: 700),
            Process(2003, parent: 2000, terminal: Pts1, name: "bash", start: 702),
            .. more,
        ]);

    [Fact]
    public void Members_are_the_leaders_session_its_terminal_and_its_descendants()
    {
        var members = SessionProcesses.Members(SshLogin(), 1000, Pts0);

        Assert.Equal([1000, 1002, 1003, 1010], members.Select(process => process.ProcessId));
    }

    [Fact]
    public void A_descendant_that_left_the_session_and_the_terminal_is_still_a_member()
    {
        var members = SessionProcesses.Members(SshLogin(Process(1020, parent: 1003, name: "setsid-daemon", start: 650)), 1000, Pts0);

        Assert.Contains(members, process => process.ProcessId == 1020);
    }

    [Fact]
    public void Other_logins_init_kernel_threads_and_zombies_are_never_members()
    {
        var members = SessionProcesses.Members(
            SshLogin(
                Process(1030, parent: 1003, terminal: Pts0, state: 'Z', name: "defunct"),
                Process(3000, parent: 2, session: 1000, flags: ProcessStat.PF_KTHREAD, name: "kworker")),
            1000,
            Pts0);

        Assert.DoesNotContain(members, process => process.ProcessId is 1 or 2 or 900 or 2000 or 2003 or 1030 or 3000);
    }

    [Fact]
    public void A_login_without_a_terminal_has_no_terminal_members()
    {
        var table = SshLogin(Process(5000, parent: 1, terminal: 0, name: "daemon"));

        var members = SessionProcesses.Members(table, 1000, 0);

        Assert.Equal([1000, 1002, 1003, 1010], members.Select(process => process.ProcessId));
    }

    [Fact]
    public void Members_of_a_gone_leader_are_none()
    {
        Assert.Empty(SessionProcesses.Members(SshLogin(), 4321, Pts0));
        Assert.Empty(SessionProcesses.Members(SshLogin(Process(4321, state: 'Z')), 4321, 0));
    }

    [Fact]
    public void Remaining_are_the_same_processes_and_what_they_started_since()
    {
        var members = SessionProcesses.Members(SshLogin(), 1000, Pts0);
        var later = Table(
            Process(1, parent: 0),
            Process(900, parent: 1),
            Process(1003, parent: 1002, terminal: Pts0, name: "bash", start: 502),
            Process(1040, parent: 1003, terminal: Pts0, name: "child", start: 800),
            Process(1041, parent: 1040, name: "grandchild", start: 801));

        var remaining = SessionProcesses.Remaining(later, members);

        Assert.Equal([1003, 1040, 1041], remaining.Select(process => process.ProcessId));
    }

    [Fact]
    public void Remaining_leaves_out_a_new_login_on_the_freed_terminal_and_a_reused_pid()
    {
        var members = SessionProcesses.Members(SshLogin(), 1000, Pts0);
        var later = Table(
            Process(1, parent: 0),
            Process(900, parent: 1),
            Process(3000, parent: 900, name: "sshd", start: 900),
            Process(3003, parent: 3000, terminal: Pts0, name: "bash", start: 902),
            Process(1010, parent: 3003, terminal: Pts0, name: "reused", start: 950),
            Process(1003, parent: 3003, name: "reused-too", start: 960));

        Assert.Empty(SessionProcesses.Remaining(later, members));
    }

    [Fact]
    public void Remaining_does_not_follow_a_parent_that_started_after_its_child()
    {
        var members = new List<ProcessStat> { Process(10, start: 100) };
        var later = Table(Process(10, start: 400), Process(11, parent: 10, start: 300));

        Assert.Empty(SessionProcesses.Remaining(later, members));
    }
}
