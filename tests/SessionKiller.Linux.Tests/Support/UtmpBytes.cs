using System.Buffers.Binary;
using System.Net;
using System.Text;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>Hand-built utmp records, byte by byte at glibc's offsets: this machine's layout unless told another.</summary>
internal static class UtmpBytes
{
    /// <summary>This machine's layout: the tests run only where the backend knows it (x86-64, aarch64).</summary>
    public static UtmpLayout Layout => UtmpLayout.ForThisMachine ?? throw new PlatformNotSupportedException("No utmp layout for this architecture.");

    /// <summary>Now, as a record's seconds: a record written after the processes a test just started.</summary>
    public static uint SecondsNow => (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static byte[] Record(
        short type = UtmpLayout.USER_PROCESS,
        int pid = 4242,
        string line = "pts/3",
        string id = "ts/3",
        string user = "alice",
        string host = "",
        int session = 0,
        uint seconds = 1_795_583_702,
        int microseconds = 235_292,
        IPAddress? address = null,
        UtmpLayout? layout = null)
    {
        layout ??= Layout;
        var record = new byte[layout.RecordSize];
        var span = record.AsSpan();
        BinaryPrimitives.WriteInt16LittleEndian(span[UtmpLayout.ut_type..], type);
        BinaryPrimitives.WriteInt32LittleEndian(span[UtmpLayout.ut_pid..], pid);
        Put(span.Slice(UtmpLayout.ut_line, UtmpLayout.UT_LINESIZE), line);
        Put(span.Slice(UtmpLayout.ut_id, UtmpLayout.ut_id_size), id);
        Put(span.Slice(UtmpLayout.ut_user, UtmpLayout.UT_NAMESIZE), user);
        Put(span.Slice(UtmpLayout.ut_host, UtmpLayout.UT_HOSTSIZE), host);
        BinaryPrimitives.WriteInt32LittleEndian(span[layout.ut_session..], session);
        if (layout.TimeFieldSize == 8)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[layout.ut_tv_sec..], seconds);
            BinaryPrimitives.WriteInt64LittleEndian(span[layout.ut_tv_usec..], microseconds);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[layout.ut_tv_sec..], seconds);
            BinaryPrimitives.WriteInt32LittleEndian(span[layout.ut_tv_usec..], microseconds);
        }

        address?.GetAddressBytes().CopyTo(span.Slice(layout.ut_addr_v6, UtmpLayout.ut_addr_v6_size));
        return record;
    }

    public static byte[] File(params byte[][] records) => records.SelectMany(record => record).ToArray();

    private static void Put(Span<byte> field, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > field.Length)
        {
            throw new ArgumentException($"'{text}' does not fit in {field.Length} bytes.", nameof(text));
        }

        bytes.CopyTo(field);
    }
}
