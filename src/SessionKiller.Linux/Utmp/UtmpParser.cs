using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace SessionKiller.Linux.Utmp;

/// <summary>Decodes utmp bytes into records. Pure: no file access.</summary>
internal static class UtmpParser
{
    /// <exception cref="InvalidDataException">The bytes are not whole records of this layout: another
    /// architecture's file, or not utmp at all. Nothing is read from such a file rather than misread.</exception>
    public static IReadOnlyList<UtmpRecord> Parse(ReadOnlySpan<byte> bytes, UtmpLayout layout)
    {
        if (bytes.Length % layout.RecordSize != 0)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"The login records are {bytes.Length} bytes, not a whole number of {layout.RecordSize}-byte utmp records: they are not glibc's utmp for this machine, so they were not read."));
        }

        var records = new List<UtmpRecord>(bytes.Length / layout.RecordSize);
        for (var offset = 0; offset < bytes.Length; offset += layout.RecordSize)
        {
            records.Add(ParseRecord(bytes.Slice(offset, layout.RecordSize), layout));
        }

        return records;
    }

    public static UtmpRecord ParseRecord(ReadOnlySpan<byte> record, UtmpLayout layout)
    {
        if (record.Length < layout.RecordSize)
        {
            throw new ArgumentException($"A utmp record is {layout.RecordSize} bytes; this one has {record.Length}.", nameof(record));
        }

        var wide = layout.TimeFieldSize == 8;
        var seconds = wide ? BinaryPrimitives.ReadInt64LittleEndian(record[layout.ut_tv_sec..]) : BinaryPrimitives.ReadUInt32LittleEndian(record[layout.ut_tv_sec..]);
        var microseconds = wide ? BinaryPrimitives.ReadInt64LittleEndian(record[layout.ut_tv_usec..]) : BinaryPrimitives.ReadInt32LittleEndian(record[layout.ut_tv_usec..]);
        return new UtmpRecord(
            Type: BinaryPrimitives.ReadInt16LittleEndian(record[UtmpLayout.ut_type..]),
            ProcessId: BinaryPrimitives.ReadInt32LittleEndian(record[UtmpLayout.ut_pid..]),
            Line: FixedString(record.Slice(UtmpLayout.ut_line, UtmpLayout.UT_LINESIZE)),
            Id: FixedString(record.Slice(UtmpLayout.ut_id, UtmpLayout.ut_id_size)),
            User: FixedString(record.Slice(UtmpLayout.ut_user, UtmpLayout.UT_NAMESIZE)),
            Host: FixedString(record.Slice(UtmpLayout.ut_host, UtmpLayout.UT_HOSTSIZE)),
            Session: BinaryPrimitives.ReadInt32LittleEndian(record[layout.ut_session..]),
            Time: ToTime(seconds, microseconds),
            Address: ToAddress(record.Slice(layout.ut_addr_v6, UtmpLayout.ut_addr_v6_size)));
    }

    /// <summary>
    /// x86-64's 32-bit seconds are read unsigned: past 2038 they only make sense so. Seconds outside what a
    /// date can hold, or a microsecond field out of range (a corrupt record), are dropped rather than trusted.
    /// </summary>
    internal static DateTimeOffset ToTime(long seconds, long microseconds)
    {
        var time = seconds is >= 0 and <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
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
