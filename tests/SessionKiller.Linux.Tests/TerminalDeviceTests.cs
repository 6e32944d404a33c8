using SessionKiller.Linux.Terminals;

namespace SessionKiller.Linux.Tests;

public class TerminalDeviceTests
{
    [Theory]
    [InlineData("pts/0", true)]
    [InlineData("pts/123", true)]
    [InlineData("tty1", true)]
    [InlineData("ttyS0", true)]
    [InlineData("console", true)]
    [InlineData("", false)]
    [InlineData(":0", false)]
    [InlineData("../etc/passwd", false)]
    [InlineData("pts/../../etc/shadow", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("pts/", false)]
    [InlineData("..", false)]
    [InlineData("pts/0/x", false)]
    [InlineData("pts 0", false)]
    [InlineData("tty\n1", false)]
    public void Only_plain_device_names_are_terminals(string line, bool isDevice)
    {
        Assert.Equal(isDevice, TerminalDevice.IsDeviceName(line));
        Assert.Equal(isDevice ? "/dev/" + line : null, TerminalDevice.DevicePath(line));
    }

    [Theory]
    [InlineData("pts/0", 34816)]
    [InlineData("pts/1", 34817)]
    [InlineData("pts/255", 35071)]
    [InlineData("pts/256", (136 << 8) | (256 << 12))]
    [InlineData("pts/300", 44 | (136 << 8) | (256 << 12))]
    public void A_pts_number_is_encoded_as_proc_stat_reports_it(string line, int expected)
    {
        Assert.Equal(expected, TerminalDevice.TerminalNumber(line, "/nonexistent"));
        Assert.Equal(line, TerminalDevice.NameOf(expected));
    }

    [Theory]
    [InlineData(":0")]
    [InlineData("pts/x")]
    [InlineData("tty1")]
    public void A_name_that_cannot_be_resolved_has_no_number(string line)
    {
        Assert.Equal(0, TerminalDevice.TerminalNumber(line, "/nonexistent"));
    }

    [Fact]
    public void Other_terminals_are_looked_up_in_sys_class_tty()
    {
        var sys = Directory.CreateTempSubdirectory("sk-sys-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(sys, "class", "tty", "tty2"));
            File.WriteAllText(Path.Combine(sys, "class", "tty", "tty2", "dev"), "4:2\n");

            Assert.Equal((4 << 8) | 2, TerminalDevice.TerminalNumber("tty2", sys));
        }
        finally
        {
            Directory.Delete(sys, recursive: true);
        }
    }

    [Theory]
    [InlineData("4:2", true, 4, 2)]
    [InlineData("136:300", true, 136, 300)]
    [InlineData("4", false, 0, 0)]
    [InlineData(":2", false, 0, 0)]
    [InlineData("a:b", false, 0, 0)]
    public void Device_numbers_are_parsed_as_major_colon_minor(string text, bool parsed, int major, int minor)
    {
        Assert.Equal(parsed, TerminalDevice.TryParseDeviceNumber(text, out var readMajor, out var readMinor));
        if (parsed)
        {
            Assert.Equal((major, minor), (readMajor, readMinor));
        }
    }

    [Fact]
    public void Non_pts_numbers_have_no_name()
    {
        Assert.Null(TerminalDevice.NameOf(0));
        Assert.Null(TerminalDevice.NameOf((4 << 8) | 1));
    }

    [Fact]
    public void Last_input_is_the_access_time_of_the_device()
    {
        var dev = Directory.CreateTempSubdirectory("sk-dev-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dev, "pts"));
            var device = Path.Combine(dev, "pts", "5");
            File.WriteAllText(device, "");
            var accessed = new DateTime(2026, 11, 25, 8, 30, 0, DateTimeKind.Utc);
            File.SetLastAccessTimeUtc(device, accessed);

            Assert.Equal(new DateTimeOffset(accessed), TerminalDevice.LastInput("pts/5", dev));
            Assert.Null(TerminalDevice.LastInput("pts/6", dev));
            Assert.Null(TerminalDevice.LastInput("../pts/5", dev));
        }
        finally
        {
            Directory.Delete(dev, recursive: true);
        }
    }
}
