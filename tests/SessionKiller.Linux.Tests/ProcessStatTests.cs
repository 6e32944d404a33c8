using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Tests.Support;

namespace SessionKiller.Linux.Tests;

public class ProcessStatTests
{
    private const string BashOnPts0 =
        "2996 (bash) S 2995 2996 2996 34816 2996 4194304 391 227 0 1 0 0 0 0 20 0 1 0 176672 4304896 869 18446744073709551615 94869687914496 94869688703901 140721773904256 0 0 0 0 3686404 1266761467 1 0 0 17 0 0 0 0 0 0 94869688937200 94869688985444 94869781852160 140721773907706 140721773907712 140721773907712 140721773907950 0";

    [Fact]
    public void Parse_reads_the_fields_of_a_real_stat_line()
    {
        var stat = ProcessStat.Parse(BashOnPts0);

        Assert.Equal(new ProcessStat(2996, "bash", 'S', 2995, 2996, 34816, 4194304, 176672), stat);
    }

    [Theory]
    [InlineData("tmux: server (1)")]
    [InlineData("a) S 1 2 3 (b")]
    [InlineData(") ) )")]
    [InlineData("")]
    public void Parse_takes_the_name_up_to_the_last_parenthesis(string name)
    {
        var line = ProcFixtures.StatLine(ProcFixtures.Process(77, parent: 5, session: 60, terminal: 34817, name: name, start: 99));

        var stat = ProcessStat.Parse(line);

        Assert.NotNull(stat);
        Assert.Equal(name, stat.Name);
        Assert.Equal(5, stat.ParentProcessId);
        Assert.Equal(60, stat.SessionId);
        Assert.Equal(34817, stat.TerminalNumber);
        Assert.Equal(99UL, stat.StartTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("12 bash S 1 2 3")]
    [InlineData("12 (bash) S 1 2 3 4")]
    [InlineData("x (bash) S 2995 2996 2996 34816 2996 4194304 391 227 0 1 0 0 0 0 20 0 1 0 176672")]
    [InlineData("12 (bash) S notanumber 2996 2996 34816 2996 4194304 391 227 0 1 0 0 0 0 20 0 1 0 176672")]
    [InlineData("12 (bash) SS 2995 2996 2996 34816 2996 4194304 391 227 0 1 0 0 0 0 20 0 1 0 176672")]
    public void Parse_refuses_what_is_not_a_stat_line(string line)
    {
        Assert.Null(ProcessStat.Parse(line));
    }

    [Theory]
    [InlineData('Z', true)]
    [InlineData('X', true)]
    [InlineData('S', false)]
    [InlineData('R', false)]
    [InlineData('T', false)]
    [InlineData('D', false)]
    public void Zombies_and_dead_entries_have_ended(char state, bool ended)
    {
        Assert.Equal(ended, ProcFixtures.Process(10, state: state).HasEnded);
    }

    [Fact]
    public void Kernel_threads_are_told_by_their_flag_or_by_kthreadd()
    {
        Assert.True(ProcFixtures.Process(50, flags: ProcessStat.PF_KTHREAD).IsKernelThread);
        Assert.True(ProcFixtures.Process(51, parent: 2, flags: 0).IsKernelThread);
        Assert.False(ProcFixtures.Process(52, parent: 1, flags: 0x400100).IsKernelThread);
    }

    [Fact]
    public void The_table_reads_this_very_process()
    {
        var table = new ProcessTable();

        var self = table.Read(Environment.ProcessId);

        Assert.NotNull(self);
        Assert.Equal(Environment.ProcessId, self.ProcessId);
        Assert.True(table.IsRunning(self));
        Assert.False(table.IsRunning(self with { StartTime = self.StartTime + 1 }));
        Assert.Contains(Environment.ProcessId, table.Snapshot().Keys);
    }

    [Fact]
    public void Lineage_walks_from_a_process_up_to_init_and_stops_on_a_loop()
    {
        var processes = ProcFixtures.Table(
            ProcFixtures.Process(1, parent: 0),
            ProcFixtures.Process(100, parent: 1),
            ProcFixtures.Process(200, parent: 100),
            ProcFixtures.Process(300, parent: 200),
            ProcFixtures.Process(400, parent: 500),
            ProcFixtures.Process(500, parent: 400));

        Assert.Equal(new HashSet<int> { 300, 200, 100, 1 }, ProcessTable.Lineage(processes, 300));
        Assert.Equal(new HashSet<int> { 400, 500 }, ProcessTable.Lineage(processes, 400));
        Assert.Equal(new HashSet<int> { 12345 }, ProcessTable.Lineage(processes, 12345));
    }
}
