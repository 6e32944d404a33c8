using System.Net;
using System.Runtime.InteropServices;
using SessionKiller.Linux.Tests.Support;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux.Tests;

public class UtmpParserTests
{
    public static TheoryData<string> Layouts => ["x86-64", "aarch64"];

    private static UtmpLayout LayoutNamed(string architecture) => architecture == "aarch64" ? UtmpLayout.Arm64 : UtmpLayout.X64;

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Parse_reads_every_field_at_its_offset(string architecture)
    {
        var layout = LayoutNamed(architecture);
        var bytes = UtmpBytes.Record(pid: 2993, line: "pts/0", id: "ts/0", user: "bob", host: "203.0.113.9", session: 17, seconds: 1_795_583_702, microseconds: 235_292, address: IPAddress.Parse("203.0.113.9"), layout: layout);

        var record = Assert.Single(UtmpParser.Parse(bytes, layout));

        Assert.Equal(new UtmpRecord(UtmpLayout.USER_PROCESS, 2993, "pts/0", "ts/0", "bob", "203.0.113.9", 17, DateTimeOffset.FromUnixTimeSeconds(1_795_583_702).AddTicks(2_352_920), IPAddress.Parse("203.0.113.9")), record);
        Assert.True(record.IsUserProcess);
    }

    [Theory]
    [InlineData("x86-64", 384)]
    [InlineData("aarch64", 400)]
    public void A_record_is_as_long_as_glibc_makes_it_on_each_architecture(string architecture, int size)
    {
        Assert.Equal(size, LayoutNamed(architecture).RecordSize);
    }

    [Theory]
    [InlineData(Architecture.X64, 384)]
    [InlineData(Architecture.Arm64, 400)]
    public void The_layout_is_chosen_by_the_architecture(Architecture architecture, int size)
    {
        Assert.Equal(size, UtmpLayout.For(architecture)?.RecordSize);
    }

    [Theory]
    [InlineData(Architecture.X86)]
    [InlineData(Architecture.Arm)]
    [InlineData(Architecture.S390x)]
    public void An_architecture_whose_layout_is_not_known_has_none(Architecture architecture)
    {
        Assert.Null(UtmpLayout.For(architecture));
    }

    /// <summary>An aarch64 file read as x86-64 (or the reverse) would put every field of every later record in the wrong place.</summary>
    [Theory]
    [InlineData("x86-64", "aarch64")]
    [InlineData("aarch64", "x86-64")]
    public void A_file_of_another_architecture_is_refused_not_misread(string writtenOn, string readOn)
    {
        var file = UtmpBytes.File(UtmpBytes.Record(pid: 10, user: "alice", layout: LayoutNamed(writtenOn)));

        var refused = Assert.Throws<InvalidDataException>(() => UtmpParser.Parse(file, LayoutNamed(readOn)));

        Assert.Contains($"not a whole number of {LayoutNamed(readOn).RecordSize}-byte utmp records", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reads_records_one_after_another()
    {
        var file = UtmpBytes.File(
            UtmpBytes.Record(type: 2, pid: 0, line: "~", user: "reboot"),
            UtmpBytes.Record(pid: 10, user: "alice", line: "tty1"),
            UtmpBytes.Record(type: UtmpLayout.DEAD_PROCESS, pid: 11, user: "", line: "pts/1"));

        var records = UtmpParser.Parse(file, UtmpBytes.Layout);

        Assert.Equal([(short)2, UtmpLayout.USER_PROCESS, UtmpLayout.DEAD_PROCESS], records.Select(record => record.Type));
        Assert.Equal(["reboot", "alice", ""], records.Select(record => record.User));
    }

    [Fact]
    public void A_file_with_a_partial_record_is_refused_whole()
    {
        var file = UtmpBytes.File(UtmpBytes.Record(pid: 10, user: "alice"), UtmpBytes.Record(pid: 12, user: "mallory")[..100]);

        Assert.Throws<InvalidDataException>(() => UtmpParser.Parse(file, UtmpBytes.Layout));
    }

    [Fact]
    public void Parse_of_an_empty_file_is_no_records()
    {
        Assert.Empty(UtmpParser.Parse([], UtmpBytes.Layout));
    }

    [Fact]
    public void A_field_filled_to_the_last_byte_without_a_terminator_is_read_whole()
    {
        var user = new string('u', UtmpLayout.UT_NAMESIZE);
        var line = new string('l', UtmpLayout.UT_LINESIZE);

        var record = Parse(UtmpBytes.Record(user: user, line: line));

        Assert.Equal(user, record.User);
        Assert.Equal(line, record.Line);
    }

    [Fact]
    public void Text_after_the_terminator_is_ignored()
    {
        var bytes = UtmpBytes.Record(user: "bob");
        bytes[UtmpLayout.ut_user + 4] = (byte)'x';

        Assert.Equal("bob", Parse(bytes).User);
    }

    [Fact]
    public void Utf8_user_and_host_names_are_decoded()
    {
        var record = Parse(UtmpBytes.Record(user: "jürgen", host: "büro.example"));

        Assert.Equal("jürgen", record.User);
        Assert.Equal("büro.example", record.Host);
    }

    [Fact]
    public void An_ipv4_address_fills_only_the_first_word()
    {
        Assert.Equal(IPAddress.Parse("127.0.0.1"), Parse(UtmpBytes.Record(address: IPAddress.Loopback)).Address);
    }

    [Fact]
    public void An_ipv6_address_fills_all_four_words()
    {
        var address = IPAddress.Parse("2001:db8::42");

        Assert.Equal(address, Parse(UtmpBytes.Record(address: address)).Address);
    }

    [Fact]
    public void No_recorded_address_is_null()
    {
        Assert.Null(Parse(UtmpBytes.Record(address: null)).Address);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Seconds_past_2038_are_read(string architecture)
    {
        var layout = LayoutNamed(architecture);

        var record = UtmpParser.ParseRecord(UtmpBytes.Record(seconds: 3_000_000_000, microseconds: 0, layout: layout), layout);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(3_000_000_000), record.Time);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Microseconds_out_of_range_are_dropped(int microseconds)
    {
        var record = Parse(UtmpBytes.Record(seconds: 1_000, microseconds: microseconds));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_000), record.Time);
    }

    [Fact]
    public void ParseRecord_refuses_a_short_buffer()
    {
        Assert.Throws<ArgumentException>(() => UtmpParser.ParseRecord(new byte[UtmpBytes.Layout.RecordSize - 1], UtmpBytes.Layout));
    }

    private static UtmpRecord Parse(byte[] record) => UtmpParser.ParseRecord(record, UtmpBytes.Layout);

    /// <summary>
    /// This machine's layout checked against glibc itself: a C program reports the offsets and writes a
    /// record with pututline, this parser reads it. (aarch64's was checked the same way with Debian's cross gcc.)
    /// </summary>
    [Fact]
    public void Parse_reads_a_record_glibc_wrote()
    {
        var gcc = Tools.Find("gcc", "gcc");
        var directory = Directory.CreateTempSubdirectory("sk-utmp-").FullName;
        try
        {
            var source = Path.Combine(directory, "write_utmp.c");
            var program = Path.Combine(directory, "write_utmp");
            var file = Path.Combine(directory, "utmp");
            File.WriteAllText(source, """
                #include <utmp.h>
                #include <string.h>
                #include <stdio.h>
                #include <stddef.h>
                #include <arpa/inet.h>
                int main(int argc, char **argv) {
                    struct utmp u;
                    memset(&u, 0, sizeof u);
                    u.ut_type = USER_PROCESS;
                    u.ut_pid = 31337;
                    strncpy(u.ut_line, "pts/7", sizeof u.ut_line);
                    strncpy(u.ut_id, "ts/7", sizeof u.ut_id);
                    strncpy(u.ut_user, "carol", sizeof u.ut_user);
                    strncpy(u.ut_host, "198.51.100.23", sizeof u.ut_host);
                    u.ut_session = 4711;
                    u.ut_tv.tv_sec = 1795583702;
                    u.ut_tv.tv_usec = 123456;
                    inet_pton(AF_INET, "198.51.100.23", &u.ut_addr_v6[0]);
                    if (utmpname(argv[1]) != 0) return 2;
                    setutent();
                    if (pututline(&u) == NULL) return 3;
                    endutent();
                    printf("%zu %zu %zu %zu %zu %zu %zu\n", sizeof(struct utmp), offsetof(struct utmp, ut_host), offsetof(struct utmp, ut_session), offsetof(struct utmp, ut_tv.tv_sec), offsetof(struct utmp, ut_tv.tv_usec), sizeof u.ut_tv.tv_sec, offsetof(struct utmp, ut_addr_v6));
                    return 0;
                }
                """);
            File.WriteAllBytes(file, []);
            Tools.RunOrFail(gcc, "-o", program, source);
            var offsets = Tools.RunOrFail(program, file).Trim();

            var layout = UtmpBytes.Layout;
            Assert.Equal($"{layout.RecordSize} {UtmpLayout.ut_host} {layout.ut_session} {layout.ut_tv_sec} {layout.ut_tv_usec} {layout.TimeFieldSize} {layout.ut_addr_v6}", offsets);
            var record = Assert.Single(UtmpParser.Parse(File.ReadAllBytes(file), UtmpBytes.Layout));
            Assert.Equal(new UtmpRecord(UtmpLayout.USER_PROCESS, 31337, "pts/7", "ts/7", "carol", "198.51.100.23", 4711, DateTimeOffset.FromUnixTimeSeconds(1_795_583_702).AddTicks(1_234_560), IPAddress.Parse("198.51.100.23")), record);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
