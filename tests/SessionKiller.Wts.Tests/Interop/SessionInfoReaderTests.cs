using SessionKiller.Core.Sessions;

namespace SessionKiller.Wts.Tests.Interop;

public sealed class SessionInfoReaderTests
{
    private static readonly DateTimeOffset Logon = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastInput = new(2026, 1, 5, 9, 15, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Connect = new(2026, 1, 5, 9, 10, 0, TimeSpan.Zero);

    [Fact]
    public void ReadSessionInfo1_reads_each_row_and_follows_its_string_pointers()
    {
        using var buffer = new NativeBuffer(2 * 56);
        buffer.Int32(0, 3).Int32(4, 0).Int32(8, 3)
            .String(16, "RDP-Tcp#1").String(24, "RDS01").String(32, "bob").String(40, "CONTOSO").String(48, "");
        buffer.Int32(56, 65536).Int32(56 + 4, 6).Int32(56 + 8, 65536)
            .String(56 + 16, "RDP-Tcp").String(56 + 24, "RDS01").String(56 + 32, null).String(56 + 40, null).String(56 + 48, null);

        var sessions = SessionInfoReader.ReadSessionInfo1(buffer.Pointer, 2);

        Assert.Equal(
            [
                new EnumeratedSession(3, SessionState.Active, "RDP-Tcp#1", "bob", "CONTOSO"),
                new EnumeratedSession(65536, SessionState.Listen, "RDP-Tcp", "", ""),
            ],
            sessions);
    }

    [Fact]
    public void ReadSessionInfo1_takes_the_session_id_not_the_execution_environment_id()
    {
        using var buffer = new NativeBuffer(56);
        buffer.Int32(0, 99).Int32(4, 4).Int32(8, 7).String(16, "RDP-Tcp#4").String(32, "eve").String(40, "FABRIKAM");

        var session = Assert.Single(SessionInfoReader.ReadSessionInfo1(buffer.Pointer, 1));

        Assert.Equal(7, session.SessionId);
        Assert.Equal(SessionState.Disconnected, session.State);
    }

    [Fact]
    public void ReadSessionInfo_reads_id_station_and_state_of_each_row()
    {
        using var buffer = new NativeBuffer(3 * 24);
        buffer.Int32(0, 0).String(8, "Services").Int32(16, 4);
        buffer.Int32(24, 1).String(24 + 8, "Console").Int32(24 + 16, 0);
        buffer.Int32(48, 2).String(48 + 8, null).Int32(48 + 16, 1);

        var sessions = SessionInfoReader.ReadSessionInfo(buffer.Pointer, 3);

        Assert.Equal(
            [
                new EnumeratedSession(0, SessionState.Disconnected, "Services", "", ""),
                new EnumeratedSession(1, SessionState.Active, "Console", "", ""),
                new EnumeratedSession(2, SessionState.Connected, "", "", ""),
            ],
            sessions);
    }

    [Fact]
    public void ReadSessionInfo_of_no_rows_is_empty()
    {
        using var buffer = new NativeBuffer(8);

        Assert.Empty(SessionInfoReader.ReadSessionInfo(buffer.Pointer, 0));
        Assert.Empty(SessionInfoReader.ReadSessionInfo1(buffer.Pointer, 0));
    }

    [Fact]
    public void ReadWtsInfo_reads_state_names_and_times()
    {
        using var buffer = WtsInfo(state: 0, id: 3, station: "RDP-Tcp#1", domain: "CONTOSO", user: "bob");

        var details = SessionInfoReader.ReadWtsInfo(buffer.Pointer, buffer.ByteCount);

        Assert.Equal(
            new SessionDetails(3, SessionState.Active, "RDP-Tcp#1", "CONTOSO", "bob", Logon, LastInput, Now) { ConnectTime = Logon, Lock = LockState.Unknown },
            details);
        Assert.Equal(TimeSpan.FromMinutes(44.5), details!.IdleTime);
    }

    [Fact]
    public void ReadWtsInfo_reads_names_that_fill_their_arrays_without_a_terminator()
    {
        // WinStationName[32] and Domain[17] have no room for a NUL when the name is that long.
        var station = new string('S', 32);
        var domain = "SEVENTEENCHARSDOM";
        var user = new string('u', 21);
        using var buffer = WtsInfo(state: 4, id: 9, station: station, domain: domain, user: user);

        var details = SessionInfoReader.ReadWtsInfo(buffer.Pointer, buffer.ByteCount)!;

        Assert.Equal(station, details.StationName);
        Assert.Equal(domain, details.DomainName);
        Assert.Equal(user, details.UserName);
        Assert.Equal(SessionState.Disconnected, details.State);
    }

    [Fact]
    public void ReadWtsInfo_leaves_unknown_times_null()
    {
        using var buffer = WtsInfo(state: 0, id: 1, station: "Console", domain: "", user: "", logon: 0, lastInput: 0);

        var details = SessionInfoReader.ReadWtsInfo(buffer.Pointer, buffer.ByteCount)!;

        Assert.Null(details.LogonTime);
        Assert.Null(details.LastInputTime);
        Assert.Null(details.IdleTime);
        Assert.Equal(Now, details.CurrentTime);
    }

    [Fact]
    public void ReadWtsInfo_of_a_buffer_too_short_for_the_structure_is_null()
    {
        using var buffer = new NativeBuffer(200);

        Assert.Null(SessionInfoReader.ReadWtsInfo(buffer.Pointer, buffer.ByteCount));
        Assert.Null(SessionInfoReader.ReadWtsInfo(IntPtr.Zero, 216));
    }

    [Theory]
    [InlineData(0, false, LockState.Locked)]
    [InlineData(1, false, LockState.Unlocked)]
    [InlineData(-1, false, LockState.Unknown)]
    [InlineData(0, true, LockState.Unlocked)]
    [InlineData(1, true, LockState.Locked)]
    [InlineData(-1, true, LockState.Unknown)]
    [InlineData(7, false, LockState.Unknown)]
    public void ReadWtsInfoEx_reads_the_lock_flag_and_undoes_the_windows_7_inversion(int sessionFlags, bool inverted, LockState expected)
    {
        using var buffer = WtsInfoEx(level: 1, sessionFlags);

        Assert.Equal(expected, SessionInfoReader.ReadWtsInfoEx(buffer.Pointer, buffer.ByteCount, inverted)!.Lock);
    }

    [Fact]
    public void ReadWtsInfoEx_of_another_level_or_a_short_buffer_is_null()
    {
        using var otherLevel = WtsInfoEx(level: 2, sessionFlags: 0);
        using var shortBuffer = new NativeBuffer(100);
        shortBuffer.Int32(0, 1);

        Assert.Null(SessionInfoReader.ReadWtsInfoEx(otherLevel.Pointer, otherLevel.ByteCount, false));
        Assert.Null(SessionInfoReader.ReadWtsInfoEx(shortBuffer.Pointer, shortBuffer.ByteCount, false));
    }

    [Fact]
    public void ReadWtsInfoEx_reads_state_names_and_every_time_a_listing_needs()
    {
        using var buffer = WtsInfoEx(level: 1, sessionFlags: 1);
        buffer.Int32(8 + 4, 4).Int64(8 + 168, Connect.ToFileTime()).Int64(8 + 184, LastInput.ToFileTime());

        var details = SessionInfoReader.ReadWtsInfoEx(buffer.Pointer, buffer.ByteCount, lockFlagsInverted: false);

        Assert.Equal(
            new SessionDetails(3, SessionState.Disconnected, "RDP-Tcp#1", "CONTOSO", "bob", Logon, LastInput, Now) { ConnectTime = Connect, Lock = LockState.Unlocked },
            details);
        Assert.Equal(TimeSpan.FromMinutes(44.5), details!.IdleTime);
    }

    [Fact]
    public void ReadWtsInfoEx_reads_names_that_fill_their_arrays()
    {
        // Level 1 has room for a NUL after 32 station, 20 user and 17 domain characters.
        var station = new string('S', 32);
        var user = new string('u', 20);
        var domain = "SEVENTEENCHARSDOM";
        using var buffer = new NativeBuffer(232);
        buffer.Int32(0, 1).Chars(8 + 12, station).Chars(8 + 78, user).Chars(8 + 120, domain);

        var details = SessionInfoReader.ReadWtsInfoEx(buffer.Pointer, buffer.ByteCount, lockFlagsInverted: false)!;

        Assert.Equal(station, details.StationName);
        Assert.Equal(user, details.UserName);
        Assert.Equal(domain, details.DomainName);
        Assert.Null(details.LogonTime);
    }

    [Fact]
    public void ReadClientAddress_reads_ipv4_two_bytes_into_the_address()
    {
        using var buffer = new NativeBuffer(24);
        buffer.Int32(0, 2).Bytes(4, 0xAA, 0xBB, 192, 168, 0, 17, 0xCC);

        Assert.Equal("192.168.0.17", SessionInfoReader.ReadClientAddress(buffer.Pointer, buffer.ByteCount));
    }

    [Fact]
    public void ReadClientAddress_reads_ipv6_from_the_start_of_the_address()
    {
        using var buffer = new NativeBuffer(24);
        buffer.Int32(0, 23).Bytes(4, 0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x15, 0x5D, 0xFF, 0xFE, 0x01, 0x02, 0x03);

        Assert.Equal("fe80::215:5dff:fe01:203", SessionInfoReader.ReadClientAddress(buffer.Pointer, buffer.ByteCount));
    }

    [Theory]
    [InlineData(0)]  // AF_UNSPEC: the console has no client
    [InlineData(6)]  // AF_IPX
    [InlineData(2)]  // AF_INET, but 0.0.0.0
    [InlineData(23)] // AF_INET6, but ::
    public void ReadClientAddress_without_a_usable_address_is_empty(int family)
    {
        using var buffer = new NativeBuffer(24);
        buffer.Int32(0, family);

        Assert.Equal("", SessionInfoReader.ReadClientAddress(buffer.Pointer, buffer.ByteCount));
    }

    [Fact]
    public void ReadClientAddress_of_a_short_buffer_is_empty()
    {
        using var buffer = new NativeBuffer(8);
        buffer.Int32(0, 2).Bytes(4, 0, 0, 10, 0);

        Assert.Equal("", SessionInfoReader.ReadClientAddress(buffer.Pointer, buffer.ByteCount));
    }

    [Fact]
    public void ReadString_reads_up_to_the_terminator_and_treats_nothing_as_empty()
    {
        using var buffer = new NativeBuffer(32);
        buffer.Chars(0, "LAPTOP-7");

        Assert.Equal("LAPTOP-7", SessionInfoReader.ReadString(buffer.Pointer, 18));
        Assert.Equal("", SessionInfoReader.ReadString(buffer.Pointer, 0));
        Assert.Equal("", SessionInfoReader.ReadString(IntPtr.Zero));
    }

    [Fact]
    public void ReadProcesses_keeps_only_the_processes_of_the_session_asked_for()
    {
        using var buffer = new NativeBuffer(4 * 24);
        buffer.Int32(0, 0).Int32(4, 4).String(8, "System");
        buffer.Int32(24, 3).Int32(28, 4242).String(32, "notepad.exe");
        buffer.Int32(48, 5).Int32(52, 5151).String(56, "excel.exe");
        buffer.Int32(72, 3).Int32(76, 4343).String(80, "explorer.exe");

        var processes = SessionInfoReader.ReadProcesses(buffer.Pointer, 4, sessionId: 3);

        Assert.Equal([new SessionProcess(4242, "notepad.exe"), new SessionProcess(4343, "explorer.exe")], processes);
    }

    [Fact]
    public void FromFileTime_reads_100ns_ticks_since_1601_as_utc()
    {
        Assert.Equal(new DateTimeOffset(1601, 1, 1, 0, 0, 1, TimeSpan.Zero), SessionInfoReader.FromFileTime(10_000_000));
        Assert.Equal(Logon, SessionInfoReader.FromFileTime(Logon.ToFileTime()));
        Assert.Equal(TimeSpan.Zero, SessionInfoReader.FromFileTime(Logon.ToFileTime())!.Value.Offset);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public void FromFileTime_of_zero_or_nonsense_is_null(long fileTime) =>
        Assert.Null(SessionInfoReader.FromFileTime(fileTime));

    private static NativeBuffer WtsInfo(int state, int id, string station, string domain, string user, long? logon = null, long? lastInput = null)
    {
        var buffer = new NativeBuffer(216);
        buffer.Int32(0, state).Int32(4, id)
            .Chars(32, station).Chars(96, domain).Chars(130, user)
            .Int64(176, logon ?? Logon.ToFileTime())
            .Int64(192, lastInput ?? LastInput.ToFileTime())
            .Int64(200, logon ?? Logon.ToFileTime())
            .Int64(208, Now.ToFileTime());
        return buffer;
    }

    private static NativeBuffer WtsInfoEx(int level, int sessionFlags)
    {
        var buffer = new NativeBuffer(232);
        buffer.Int32(0, level).Int32(8, 3).Int32(8 + 4, 0).Int32(8 + 8, sessionFlags)
            .Chars(8 + 12, "RDP-Tcp#1").Chars(8 + 78, "bob").Chars(8 + 120, "CONTOSO")
            .Int64(8 + 160, Logon.ToFileTime()).Int64(8 + 192, Now.ToFileTime());
        return buffer;
    }
}
