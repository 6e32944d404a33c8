using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace SessionKiller.Linux.Utmp;

/// <summary>Decodes utmp bytes into records. Pure: no file access, tolerant of a torn last record.</summary>
internal static class UtmpParser
{
    public static IReadOnlyList<UtmpRecord> Parse(ReadOnlySpan<byte> bytes)
    {
        var records = new List<UtmpRecord>(bytes.Length / UtmpLayout.RecordSize);

        // A record being written while we read leaves a short tail: it is ignored, never half-read.
        for (var offset = 0; offset + UtmpLayout.RecordSize <= bytes.Length; offset += UtmpLayout.RecordSize)
        {
            records.Add(ParseRecord(bytes.Slice(offset, UtmpLayout.RecordSize)));
        }

        return records;
    }

    public static UtmpRecord ParseRecord(ReadOnlySpan<byte> record)
    {
        if (record.Length < UtmpLayout.RecordSize)
        {
            throw new ArgumentException($"A utmp record is {UtmpLayout.RecordSize} bytes; this one has {record.Length}.", nameof(record));
        }

        var seconds = BinaryPrimitives.ReadUInt32LittleEndian(record[UtmpLayout.ut_tv_sec..]);
        var microseconds = BinaryPrimitives.ReadInt32LittleEndian(record[UtmpLayout.ut_tv_usec..]);
        return new UtmpRecord(
            Type: BinaryPrimitives.ReadInt16LittleEndian(record[UtmpLayout.ut_type..]),
            ProcessId: BinaryPrimitives.ReadInt32LittleEndian(record[UtmpLayout.ut_pid..]),
            Line: FixedString(record.Slice(UtmpLayout.ut_line, UtmpLayout.UT_LINESIZE)),
            Id: FixedString(record.Slice(UtmpLayout.ut_id, UtmpLayout.ut_id_size)),
            User: FixedString(record.Slice(UtmpLayout.ut_user, UtmpLayout.UT_NAMESIZE)),
            Host: FixedString(record.Slice(UtmpLayout.ut_host, UtmpLayout.UT_HOSTSIZE)),
            Session: BinaryPrimitives.ReadInt32LittleEndian(record[UtmpLayout.ut_session..]),
            Time: ToTime(seconds, microseconds),
            Address: ToAddress(record.Slice(UtmpLayout.ut_addr_v6, UtmpLayout.ut_addr_v6_size)));
    }

    /// <summary>
    /// The seconds are read unsigned: glibc stores them in 32 bits, and past 2038 they only make sense so.
    /// A microsecond field out of range (a corrupt record) is dropped rather than trusted.
    /// </summary>
    internal static DateTimeOffset ToTime(uint seconds, int microseconds)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return microseconds is >= 0 and < 1_000_000 ? time.AddTicks(microseconds * 10L) : time;
    }

    /// <summary>
    /// <c>ut_addr_v6</c> in network order: an IPv4 address fills only the first word; all zero means none recorded.
    /// </summary>
    internal static IPAddress? ToAddress(ReadOnlySpan<byte> address)
    {
        if (!address.ContainsAnyExcept((byte)0))
        {
            return null;
        }

        return address[4..].ContainsAnyExcept((byte)0) ? new IPAddress(address) : new IPAddress(address[..4]);
    }

    /// <summary>A char array that is NUL-padded, or completely full without a NUL.</summary>
    internal static string FixedString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        var text = end < 0 ? field : field[..end];
        return Encoding.UTF8.GetString(text);
    }
}
