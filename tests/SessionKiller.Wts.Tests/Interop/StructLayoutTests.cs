using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SessionKiller.Wts.Interop;

namespace SessionKiller.Wts.Tests.Interop;

/// <summary>
/// The x64 sizes and offsets of Microsoft's structures (shared/reference/wts-api.md, checked there
/// against mingw-w64's headers; the stand-in DLL checks the same numbers at compile time).
/// Both the marshalled layout and the in-memory one the readers use through pointers are checked.
/// </summary>
public sealed class StructLayoutTests
{
    public static TheoryData<Type, int> Sizes => new()
    {
        { typeof(WTS_SESSION_INFOW), 24 },
        { typeof(WTS_SESSION_INFO_1W), 56 },
        { typeof(WTSINFOW), 216 },
        { typeof(WTSINFOEXW), 232 },
        { typeof(WTSINFOEX_LEVEL_W), 224 },
        { typeof(WTSINFOEX_LEVEL1_W), 224 },
        { typeof(WTS_CLIENT_ADDRESS), 24 },
        { typeof(WTS_PROCESS_INFOW), 24 },
    };

    public static TheoryData<Type, string, int> Offsets => new()
    {
        { typeof(WTS_SESSION_INFOW), nameof(WTS_SESSION_INFOW.SessionId), 0 },
        { typeof(WTS_SESSION_INFOW), nameof(WTS_SESSION_INFOW.pWinStationName), 8 },
        { typeof(WTS_SESSION_INFOW), nameof(WTS_SESSION_INFOW.State), 16 },

        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.ExecEnvId), 0 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.State), 4 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.SessionId), 8 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.pSessionName), 16 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.pHostName), 24 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.pUserName), 32 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.pDomainName), 40 },
        { typeof(WTS_SESSION_INFO_1W), nameof(WTS_SESSION_INFO_1W.pFarmName), 48 },

        { typeof(WTSINFOW), nameof(WTSINFOW.State), 0 },
        { typeof(WTSINFOW), nameof(WTSINFOW.SessionId), 4 },
        { typeof(WTSINFOW), nameof(WTSINFOW.IncomingBytes), 8 },
        { typeof(WTSINFOW), nameof(WTSINFOW.OutgoingBytes), 12 },
        { typeof(WTSINFOW), nameof(WTSINFOW.IncomingFrames), 16 },
        { typeof(WTSINFOW), nameof(WTSINFOW.OutgoingFrames), 20 },
        { typeof(WTSINFOW), nameof(WTSINFOW.IncomingCompressedBytes), 24 },
        { typeof(WTSINFOW), nameof(WTSINFOW.OutgoingCompressedBytes), 28 },
        { typeof(WTSINFOW), nameof(WTSINFOW.WinStationName), 32 },
        { typeof(WTSINFOW), nameof(WTSINFOW.Domain), 96 },
        { typeof(WTSINFOW), nameof(WTSINFOW.UserName), 130 },
        { typeof(WTSINFOW), nameof(WTSINFOW.ConnectTime), 176 },
        { typeof(WTSINFOW), nameof(WTSINFOW.DisconnectTime), 184 },
        { typeof(WTSINFOW), nameof(WTSINFOW.LastInputTime), 192 },
        { typeof(WTSINFOW), nameof(WTSINFOW.LogonTime), 200 },
        { typeof(WTSINFOW), nameof(WTSINFOW.CurrentTime), 208 },

        { typeof(WTSINFOEXW), nameof(WTSINFOEXW.Level), 0 },
        { typeof(WTSINFOEXW), nameof(WTSINFOEXW.Data), 8 },
        { typeof(WTSINFOEX_LEVEL_W), nameof(WTSINFOEX_LEVEL_W.WTSInfoExLevel1), 0 },

        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.SessionId), 0 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.SessionState), 4 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.SessionFlags), 8 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.WinStationName), 12 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.UserName), 78 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.DomainName), 120 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.LogonTime), 160 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.ConnectTime), 168 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.DisconnectTime), 176 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.LastInputTime), 184 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.CurrentTime), 192 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.IncomingBytes), 200 },
        { typeof(WTSINFOEX_LEVEL1_W), nameof(WTSINFOEX_LEVEL1_W.OutgoingCompressedBytes), 220 },

        { typeof(WTS_CLIENT_ADDRESS), nameof(WTS_CLIENT_ADDRESS.AddressFamily), 0 },
        { typeof(WTS_CLIENT_ADDRESS), nameof(WTS_CLIENT_ADDRESS.Address), 4 },

        { typeof(WTS_PROCESS_INFOW), nameof(WTS_PROCESS_INFOW.SessionId), 0 },
        { typeof(WTS_PROCESS_INFOW), nameof(WTS_PROCESS_INFOW.ProcessId), 4 },
        { typeof(WTS_PROCESS_INFOW), nameof(WTS_PROCESS_INFOW.pProcessName), 8 },
        { typeof(WTS_PROCESS_INFOW), nameof(WTS_PROCESS_INFOW.pUserSid), 16 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Marshalled_size_is_the_native_x64_size(Type type, int size) =>
        Assert.Equal(size, Marshal.SizeOf(type));

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Marshalled_field_offset_is_the_native_x64_offset(Type type, string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));

    [Fact]
    public void In_memory_sizes_match_the_native_sizes_the_readers_step_by()
    {
        Assert.Equal(24, Unsafe.SizeOf<WTS_SESSION_INFOW>());
        Assert.Equal(56, Unsafe.SizeOf<WTS_SESSION_INFO_1W>());
        Assert.Equal(216, Unsafe.SizeOf<WTSINFOW>());
        Assert.Equal(232, Unsafe.SizeOf<WTSINFOEXW>());
        Assert.Equal(224, Unsafe.SizeOf<WTSINFOEX_LEVEL1_W>());
        Assert.Equal(24, Unsafe.SizeOf<WTS_CLIENT_ADDRESS>());
        Assert.Equal(24, Unsafe.SizeOf<WTS_PROCESS_INFOW>());
    }

    [Fact]
    public unsafe void In_memory_offsets_of_the_fixed_arrays_and_times_match_the_native_ones()
    {
        WTSINFOW info;
        var start = (byte*)&info;
        Assert.Equal(32, (byte*)info.WinStationName - start);
        Assert.Equal(96, (byte*)info.Domain - start);
        Assert.Equal(130, (byte*)info.UserName - start);
        Assert.Equal(176, (byte*)&info.ConnectTime - start);
        Assert.Equal(208, (byte*)&info.CurrentTime - start);

        WTSINFOEXW infoEx;
        var exStart = (byte*)&infoEx;
        var level1 = &infoEx.Data.WTSInfoExLevel1;
        Assert.Equal(8, (byte*)level1 - exStart);
        Assert.Equal(8 + 8, (byte*)&level1->SessionFlags - exStart);
        Assert.Equal(8 + 12, (byte*)level1->WinStationName - exStart);
        Assert.Equal(8 + 78, (byte*)level1->UserName - exStart);
        Assert.Equal(8 + 120, (byte*)level1->DomainName - exStart);
        Assert.Equal(8 + 160, (byte*)&level1->LogonTime - exStart);
        Assert.Equal(8 + 192, (byte*)&level1->CurrentTime - exStart);

        WTS_CLIENT_ADDRESS address;
        Assert.Equal(4, (byte*)address.Address - (byte*)&address);
    }

    [Fact]
    public void Enums_carry_the_win32_values()
    {
        Assert.Equal(4, (int)WTS_CONNECTSTATE_CLASS.WTSDisconnected);
        Assert.Equal(6, (int)WTS_CONNECTSTATE_CLASS.WTSListen);
        Assert.Equal(9, (int)WTS_CONNECTSTATE_CLASS.WTSInit);
        Assert.Equal(10, (int)WTS_INFO_CLASS.WTSClientName);
        Assert.Equal(14, (int)WTS_INFO_CLASS.WTSClientAddress);
        Assert.Equal(24, (int)WTS_INFO_CLASS.WTSSessionInfo);
        Assert.Equal(25, (int)WTS_INFO_CLASS.WTSSessionInfoEx);
        Assert.Equal(29, (int)WTS_INFO_CLASS.WTSIsRemoteSession);
        Assert.Equal(2, (int)WTS_TYPE_CLASS.WTSTypeSessionInfoLevel1);
    }

    [Fact]
    public void Connect_states_map_one_to_one_onto_the_core_session_states()
    {
        foreach (var state in Enum.GetValues<WTS_CONNECTSTATE_CLASS>())
        {
            var core = (SessionKiller.Core.Sessions.SessionState)(int)state;
            Assert.Equal(state.ToString()[3..], core.ToString());
        }
    }
}
