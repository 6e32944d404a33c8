/*
 * A stand-in wtsapi32.dll for testing SessionKiller under Wine.
 *
 * It serves the sessions of a scenario file (env WTSSIM_SCENARIO) through the real WTS function
 * signatures and structures, as declared by mingw-w64's own <wtsapi32.h>, and appends one line per
 * call to a log (env WTSSIM_LOG). The scenario format is described in README.md.
 *
 * Errors are reported like the real API: FALSE (or NULL) plus SetLastError.
 */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <wtsapi32.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- What mingw-w64's header lacks, declared from Microsoft's documentation. ---- */

typedef struct _WTS_SESSION_INFO_1W {
    DWORD ExecEnvId;
    WTS_CONNECTSTATE_CLASS State;
    DWORD SessionId;
    LPWSTR pSessionName;
    LPWSTR pHostName;
    LPWSTR pUserName;
    LPWSTR pDomainName;
    LPWSTR pFarmName;
} WTS_SESSION_INFO_1W, *PWTS_SESSION_INFO_1W;

typedef struct _WTSINFOEX_LEVEL1_W {
    ULONG SessionId;
    WTS_CONNECTSTATE_CLASS SessionState;
    LONG SessionFlags;
    WCHAR WinStationName[WINSTATIONNAME_LENGTH + 1];
    WCHAR UserName[USERNAME_LENGTH + 1];
    WCHAR DomainName[DOMAIN_LENGTH + 1];
    LARGE_INTEGER LogonTime;
    LARGE_INTEGER ConnectTime;
    LARGE_INTEGER DisconnectTime;
    LARGE_INTEGER LastInputTime;
    LARGE_INTEGER CurrentTime;
    DWORD IncomingBytes;
    DWORD OutgoingBytes;
    DWORD IncomingFrames;
    DWORD OutgoingFrames;
    DWORD IncomingCompressedBytes;
    DWORD OutgoingCompressedBytes;
} WTSINFOEX_LEVEL1_W, *PWTSINFOEX_LEVEL1_W;

typedef union _WTSINFOEX_LEVEL_W {
    WTSINFOEX_LEVEL1_W WTSInfoExLevel1;
} WTSINFOEX_LEVEL_W, *PWTSINFOEX_LEVEL_W;

typedef struct _WTSINFOEXW {
    DWORD Level;
    WTSINFOEX_LEVEL_W Data;
} WTSINFOEXW, *PWTSINFOEXW;

typedef enum _WTS_TYPE_CLASS {
    WTSTypeProcessInfoLevel0,
    WTSTypeProcessInfoLevel1,
    WTSTypeSessionInfoLevel1
} WTS_TYPE_CLASS;

#define WTS_INFO_SESSION_INFO_EX ((WTS_INFO_CLASS)25)
#define WTS_SESSIONSTATE_UNKNOWN 0xFFFFFFFF
#define WTS_SESSIONSTATE_LOCK 0x00000000
#define WTS_SESSIONSTATE_UNLOCK 0x00000001

/* The layouts SessionKiller's own tests check too (docs/wts-api.md); here the compiler checks them. */
#ifdef _WIN64
_Static_assert(sizeof(WTS_SESSION_INFOW) == 24, "WTS_SESSION_INFOW");
_Static_assert(offsetof(WTS_SESSION_INFOW, State) == 16, "WTS_SESSION_INFOW.State");
_Static_assert(sizeof(WTS_SESSION_INFO_1W) == 56, "WTS_SESSION_INFO_1W");
_Static_assert(offsetof(WTS_SESSION_INFO_1W, pSessionName) == 16, "WTS_SESSION_INFO_1W.pSessionName");
_Static_assert(offsetof(WTS_SESSION_INFO_1W, pFarmName) == 48, "WTS_SESSION_INFO_1W.pFarmName");
_Static_assert(sizeof(WTSINFOW) == 216, "WTSINFOW");
_Static_assert(offsetof(WTSINFOW, Domain) == 96, "WTSINFOW.Domain");
_Static_assert(offsetof(WTSINFOW, UserName) == 130, "WTSINFOW.UserName");
_Static_assert(offsetof(WTSINFOW, ConnectTime) == 176, "WTSINFOW.ConnectTime");
_Static_assert(offsetof(WTSINFOW, CurrentTime) == 208, "WTSINFOW.CurrentTime");
_Static_assert(sizeof(WTSINFOEXW) == 232, "WTSINFOEXW");
_Static_assert(offsetof(WTSINFOEXW, Data) == 8, "WTSINFOEXW.Data");
_Static_assert(sizeof(WTSINFOEX_LEVEL1_W) == 224, "WTSINFOEX_LEVEL1_W");
_Static_assert(offsetof(WTSINFOEX_LEVEL1_W, WinStationName) == 12, "WTSINFOEX_LEVEL1_W.WinStationName");
_Static_assert(offsetof(WTSINFOEX_LEVEL1_W, UserName) == 78, "WTSINFOEX_LEVEL1_W.UserName");
_Static_assert(offsetof(WTSINFOEX_LEVEL1_W, DomainName) == 120, "WTSINFOEX_LEVEL1_W.DomainName");
_Static_assert(offsetof(WTSINFOEX_LEVEL1_W, LogonTime) == 160, "WTSINFOEX_LEVEL1_W.LogonTime");
_Static_assert(offsetof(WTSINFOEX_LEVEL1_W, CurrentTime) == 192, "WTSINFOEX_LEVEL1_W.CurrentTime");
_Static_assert(sizeof(WTS_CLIENT_ADDRESS) == 24, "WTS_CLIENT_ADDRESS");
_Static_assert(sizeof(WTS_PROCESS_INFOW) == 24, "WTS_PROCESS_INFOW");
_Static_assert(offsetof(WTS_PROCESS_INFOW, pUserSid) == 16, "WTS_PROCESS_INFOW.pUserSid");
#endif

#define ERROR_CTX_WINSTATION_NOT_FOUND_CODE 7022
#define RPC_S_SERVER_UNAVAILABLE_CODE 1722

/* ---- The simulated world. ---- */

#define NAME_LEN 64
#define MAX_SERVERS 32
#define MAX_SESSIONS 4096
#define MAX_RULES 128
#define MAX_PROCESSES 512
#define MAX_LIVE 1024
#define LINE_LEN 1024

/* A rule for OP_OPEN or OP_ENUMERATE also hits the Ex function; OP_OPEN_EX and OP_ENUMERATE_EX hit only it. */
enum op { OP_OPEN, OP_ENUMERATE, OP_QUERY, OP_LOGOFF, OP_DISCONNECT, OP_MESSAGE, OP_PROCESSES, OP_OPEN_EX, OP_ENUMERATE_EX, OP_ANY };

typedef struct {
    WCHAR name[NAME_LEN];
    BOOL known;           /* named by the scenario; an unknown server is unreachable */
    DWORD enumerations;   /* WTSEnumerateSessions(Ex)W calls served so far */
    DWORD hang_ms;
} server_t;

typedef struct {
    BOOL present;
    int server;
    DWORD id;
    WTS_CONNECTSTATE_CLASS state;
    WCHAR user[NAME_LEN];
    WCHAR domain[NAME_LEN];
    WCHAR station[NAME_LEN];
    WCHAR client[NAME_LEN];
    LONGLONG logon;
    LONGLONG connect;
    LONGLONG disconnect;
    LONGLONG lastinput;
    LONG lock_flags;
    DWORD address_family;
    BYTE address[16];
    BOOL disconnected_by_call; /* by WTSDisconnectSession, in this run or (WTSSIM_STATE) an earlier one */
} session_t;

typedef struct {
    int server;
    int op;
    BOOL any_id;
    DWORD id;
    int info_class;       /* -1: any */
    DWORD error;
    int times;            /* -1: always */
} fail_t;

typedef struct {
    int server;
    DWORD id;
    DWORD reply;
    DWORD delay_ms;
} answer_t;

typedef struct {
    int server;
    DWORD id;
    DWORD after;
    BOOL applied;
    char pairs[LINE_LEN]; /* the key=value pairs to apply, as written */
} swap_t;

typedef struct {
    int server;
    DWORD session;
    DWORD pid;
    WCHAR name[NAME_LEN];
} process_t;

enum buffer_kind { BUF_PLAIN, BUF_SESSIONS_LEVEL1 };

typedef struct {
    void *ptr;
    int kind;
    DWORD count;
} live_t;

static CRITICAL_SECTION lock;
static BOOL loaded;
static DWORD load_error;          /* non-zero: the scenario could not be read; every call fails with it */
static LONGLONG clock_now;        /* 0: the real clock */
static WCHAR log_path[MAX_PATH];
static WCHAR state_path[MAX_PATH]; /* WTSSIM_STATE: what carries over from one run to the next; empty: nothing */
static server_t servers[MAX_SERVERS];
static int server_count;
static session_t sessions[MAX_SESSIONS];
static int session_count;
static fail_t fails[MAX_RULES];
static int fail_count;
static answer_t answers[MAX_RULES];
static int answer_count;
static swap_t swaps[MAX_RULES];
static int swap_count;
static process_t processes[MAX_PROCESSES];
static int process_count;
static live_t live[MAX_LIVE];
static volatile LONG live_count;

#define SERVER_MAGIC 0x5753494D /* "WSIM" */
typedef struct {
    DWORD magic;
    int server;
} server_handle_t;

/* ---- Logging: one line per call, appended and flushed at once. ---- */

static void path_from_env(const WCHAR *variable, WCHAR *out, DWORD size)
{
    WCHAR raw[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(variable, raw, MAX_PATH);
    out[0] = 0;
    if (n == 0 || n >= MAX_PATH) return;
    if (raw[0] == L'/') {
        /* A Unix path: Wine's Z: drive is the Unix root. */
        _snwprintf(out, size, L"Z:%ls", raw);
        out[size - 1] = 0;
        for (WCHAR *p = out; *p; p++) if (*p == L'/') *p = L'\\';
    } else {
        wcsncpy(out, raw, size - 1);
        out[size - 1] = 0;
    }
}

static void sim_log(const WCHAR *format, ...)
{
    WCHAR line[2048];
    char utf8[6144];
    va_list args;
    HANDLE file;
    int n;
    DWORD written;

    if (!log_path[0]) return;
    va_start(args, format);
    n = _vsnwprintf(line, 2046, format, args);
    va_end(args);
    if (n < 0) n = 2046;
    line[n++] = L'\n';
    line[n] = 0;
    n = WideCharToMultiByte(CP_UTF8, 0, line, n, utf8, sizeof(utf8), NULL, NULL);
    file = CreateFileW(log_path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) return;
    WriteFile(file, utf8, (DWORD)n, &written, NULL);
    FlushFileBuffers(file);
    CloseHandle(file);
}

/* Quotes text for the log: exactly `chars` characters, with \, " and line breaks escaped. */
static void quote(const WCHAR *text, DWORD chars, WCHAR *out, size_t size)
{
    size_t o = 0;
    out[o++] = L'"';
    for (DWORD i = 0; text && i < chars && o + 4 < size; i++) {
        WCHAR c = text[i];
        if (c == L'"' || c == L'\\') { out[o++] = L'\\'; out[o++] = c; }
        else if (c == L'\n') { out[o++] = L'\\'; out[o++] = L'n'; }
        else if (c == L'\r') { out[o++] = L'\\'; out[o++] = L'r'; }
        else if (c == 0) { out[o++] = L'\\'; out[o++] = L'0'; }
        else out[o++] = c;
    }
    out[o++] = L'"';
    out[o] = 0;
}

/* ---- Scenario parsing. ---- */

static void widen(const char *text, WCHAR *out, int size)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, text, -1, out, size);
    if (n == 0) out[0] = 0;
    out[size - 1] = 0;
}

static int find_server(const WCHAR *name, BOOL create)
{
    for (int i = 0; i < server_count; i++)
        if (_wcsicmp(servers[i].name, name) == 0) return i;
    if (!create || server_count == MAX_SERVERS) return -1;
    wcsncpy(servers[server_count].name, name, NAME_LEN - 1);
    return server_count++;
}

static int find_server_utf8(const char *name)
{
    WCHAR wide[NAME_LEN];
    widen(name, wide, NAME_LEN);
    int index = find_server(wide, TRUE);
    if (index >= 0) servers[index].known = TRUE;
    return index;
}

/* An ISO 8601 UTC time (2026-01-05T08:00:00Z, seconds and Z optional) or a raw FILETIME number. */
static BOOL parse_time(const char *text, LONGLONG *out)
{
    SYSTEMTIME st = {0};
    FILETIME ft;
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (strchr(text, '-') == NULL) {
        char *end;
        *out = _strtoi64(text, &end, 10);
        return *end == 0;
    }
    if (sscanf(text, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3) return FALSE;
    st.wYear = (WORD)y; st.wMonth = (WORD)mo; st.wDay = (WORD)d;
    st.wHour = (WORD)h; st.wMinute = (WORD)mi; st.wSecond = (WORD)s;
    if (!SystemTimeToFileTime(&st, &ft)) return FALSE;
    *out = ((LONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
    return TRUE;
}

static BOOL parse_state(const char *text, WTS_CONNECTSTATE_CLASS *out)
{
    static const char *names[] = { "active", "connected", "connectquery", "shadow", "disconnected",
                                   "idle", "listen", "reset", "down", "init" };
    for (int i = 0; i < 10; i++)
        if (_stricmp(text, names[i]) == 0) { *out = (WTS_CONNECTSTATE_CLASS)i; return TRUE; }
    if (text[0] >= '0' && text[0] <= '9') { *out = (WTS_CONNECTSTATE_CLASS)atoi(text); return TRUE; }
    return FALSE;
}

static BOOL parse_address(const char *text, session_t *session)
{
    memset(session->address, 0, sizeof(session->address));
    if (strchr(text, ':')) {
        session->address_family = AF_INET6;
        return InetPtonA(AF_INET6, text, session->address) == 1;
    }
    session->address_family = AF_INET;
    return InetPtonA(AF_INET, text, session->address) == 1;
}

static BOOL parse_op(const char *text, int *out)
{
    static const char *names[] = { "open", "enumerate", "query", "logoff", "disconnect", "message", "processes",
                                   "open-ex", "enumerate-ex", "any" };
    for (int i = 0; i <= OP_ANY; i++)
        if (_stricmp(text, names[i]) == 0) { *out = i; return TRUE; }
    return FALSE;
}

static BOOL parse_reply(const char *text, DWORD *out)
{
    if (_stricmp(text, "yes") == 0) *out = IDYES;
    else if (_stricmp(text, "no") == 0) *out = IDNO;
    else if (_stricmp(text, "timeout") == 0) *out = IDTIMEOUT;
    else if (_stricmp(text, "ok") == 0) *out = IDOK;
    else if (text[0] >= '0' && text[0] <= '9') *out = (DWORD)strtoul(text, NULL, 10);
    else return FALSE;
    return TRUE;
}

/* Applies one key=value of a `session` or `swap` line. */
static BOOL apply_session_field(session_t *session, const char *key, const char *value)
{
    if (strcmp(key, "user") == 0) widen(value, session->user, NAME_LEN);
    else if (strcmp(key, "domain") == 0) widen(value, session->domain, NAME_LEN);
    else if (strcmp(key, "station") == 0) widen(value, session->station, NAME_LEN);
    else if (strcmp(key, "client") == 0) widen(value, session->client, NAME_LEN);
    else if (strcmp(key, "state") == 0) return parse_state(value, &session->state);
    else if (strcmp(key, "logon") == 0) return parse_time(value, &session->logon);
    else if (strcmp(key, "connect") == 0) return parse_time(value, &session->connect);
    else if (strcmp(key, "disconnect") == 0) return parse_time(value, &session->disconnect);
    else if (strcmp(key, "lastinput") == 0) return parse_time(value, &session->lastinput);
    else if (strcmp(key, "addr") == 0) return parse_address(value, session);
    else if (strcmp(key, "lock") == 0) {
        if (_stricmp(value, "locked") == 0) session->lock_flags = WTS_SESSIONSTATE_LOCK;
        else if (_stricmp(value, "unlocked") == 0) session->lock_flags = WTS_SESSIONSTATE_UNLOCK;
        else if (_stricmp(value, "unknown") == 0) session->lock_flags = (LONG)WTS_SESSIONSTATE_UNKNOWN;
        else return FALSE;
    }
    else return FALSE;
    return TRUE;
}

typedef struct {
    char *keys[32];
    char *values[32];
    int count;
} pairs_t;

/* Splits "k=v k=v" in place; a token without '=' is an error. */
static BOOL split_pairs(char *text, pairs_t *pairs)
{
    char *context = NULL;
    pairs->count = 0;
    for (char *token = strtok_s(text, " \t", &context); token; token = strtok_s(NULL, " \t", &context)) {
        char *equals = strchr(token, '=');
        if (!equals || pairs->count == 32) return FALSE;
        *equals = 0;
        pairs->keys[pairs->count] = token;
        pairs->values[pairs->count] = equals + 1;
        pairs->count++;
    }
    return TRUE;
}

static const char *pair(const pairs_t *pairs, const char *key)
{
    for (int i = 0; i < pairs->count; i++)
        if (strcmp(pairs->keys[i], key) == 0) return pairs->values[i];
    return NULL;
}

static int pair_server(const pairs_t *pairs)
{
    const char *name = pair(pairs, "server");
    return find_server_utf8(name ? name : "localhost");
}

static BOOL parse_line(char *line)
{
    char *context = NULL;
    char *keyword = strtok_s(line, " \t", &context);
    char *rest = context ? context : "";
    char copy[LINE_LEN];
    pairs_t pairs;
    const char *value;

    if (!keyword || keyword[0] == '#') return TRUE;
    strncpy(copy, rest, LINE_LEN - 1);
    copy[LINE_LEN - 1] = 0;
    if (!split_pairs(rest, &pairs)) return FALSE;

    if (strcmp(keyword, "server") == 0) {
        value = pair(&pairs, "name");
        if (!value) return FALSE;
        return find_server_utf8(value) >= 0;
    }
    if (strcmp(keyword, "clock") == 0) {
        value = pair(&pairs, "now");
        return value && parse_time(value, &clock_now);
    }
    if (strcmp(keyword, "session") == 0) {
        session_t *session;
        if (session_count == MAX_SESSIONS || !(value = pair(&pairs, "id"))) return FALSE;
        session = &sessions[session_count++];
        memset(session, 0, sizeof(*session));
        session->present = TRUE;
        session->server = pair_server(&pairs);
        session->id = strtoul(value, NULL, 10);
        session->state = WTSActive;
        session->lock_flags = (LONG)WTS_SESSIONSTATE_UNKNOWN;
        for (int i = 0; i < pairs.count; i++) {
            if (strcmp(pairs.keys[i], "server") == 0 || strcmp(pairs.keys[i], "id") == 0) continue;
            if (!apply_session_field(session, pairs.keys[i], pairs.values[i])) return FALSE;
        }
        if (session->connect == 0) session->connect = session->logon;
        return session->server >= 0;
    }
    if (strcmp(keyword, "fail") == 0) {
        fail_t *fail;
        if (fail_count == MAX_RULES) return FALSE;
        fail = &fails[fail_count++];
        fail->server = pair_server(&pairs);
        if (!(value = pair(&pairs, "op")) || !parse_op(value, &fail->op)) return FALSE;
        if (!(value = pair(&pairs, "error"))) return FALSE;
        fail->error = strtoul(value, NULL, 10);
        value = pair(&pairs, "id");
        fail->any_id = value == NULL;
        fail->id = value ? strtoul(value, NULL, 10) : 0;
        value = pair(&pairs, "class");
        fail->info_class = value ? atoi(value) : -1;
        value = pair(&pairs, "times");
        fail->times = value ? atoi(value) : -1;
        return fail->server >= 0;
    }
    if (strcmp(keyword, "answer") == 0) {
        answer_t *answer;
        if (answer_count == MAX_RULES) return FALSE;
        answer = &answers[answer_count++];
        answer->server = pair_server(&pairs);
        if (!(value = pair(&pairs, "id"))) return FALSE;
        answer->id = strtoul(value, NULL, 10);
        if (!(value = pair(&pairs, "reply")) || !parse_reply(value, &answer->reply)) return FALSE;
        value = pair(&pairs, "delay");
        answer->delay_ms = value ? strtoul(value, NULL, 10) : 0;
        return answer->server >= 0;
    }
    if (strcmp(keyword, "swap") == 0) {
        swap_t *swap;
        session_t check = {0};
        if (swap_count == MAX_RULES) return FALSE;
        swap = &swaps[swap_count++];
        swap->server = pair_server(&pairs);
        if (!(value = pair(&pairs, "id"))) return FALSE;
        swap->id = strtoul(value, NULL, 10);
        value = pair(&pairs, "after");
        swap->after = value ? strtoul(value, NULL, 10) : 1;
        strcpy(swap->pairs, copy);
        /* Check the fields now, so a typo fails at load and not in the middle of a test. */
        for (int i = 0; i < pairs.count; i++) {
            if (strcmp(pairs.keys[i], "server") == 0 || strcmp(pairs.keys[i], "id") == 0
                || strcmp(pairs.keys[i], "after") == 0) continue;
            if (!apply_session_field(&check, pairs.keys[i], pairs.values[i])) return FALSE;
        }
        return swap->server >= 0;
    }
    if (strcmp(keyword, "hang") == 0) {
        int index = pair_server(&pairs);
        if (index < 0) return FALSE;
        value = pair(&pairs, "ms");
        servers[index].hang_ms = value ? strtoul(value, NULL, 10) : 600000;
        return TRUE;
    }
    if (strcmp(keyword, "process") == 0) {
        process_t *process;
        if (process_count == MAX_PROCESSES) return FALSE;
        process = &processes[process_count++];
        process->server = pair_server(&pairs);
        if (!(value = pair(&pairs, "id"))) return FALSE;
        process->session = strtoul(value, NULL, 10);
        if (!(value = pair(&pairs, "pid"))) return FALSE;
        process->pid = strtoul(value, NULL, 10);
        if (!(value = pair(&pairs, "name"))) return FALSE;
        widen(value, process->name, NAME_LEN);
        return process->server >= 0;
    }
    return FALSE;
}

static void load_scenario(void)
{
    WCHAR path[MAX_PATH];
    char line[LINE_LEN];
    FILE *file;
    int number = 0;

    path_from_env(L"WTSSIM_LOG", log_path, MAX_PATH);
    servers[find_server(L"localhost", TRUE)].known = TRUE;
    path_from_env(L"WTSSIM_SCENARIO", path, MAX_PATH);
    if (!path[0]) return;
    file = _wfopen(path, L"r");
    if (!file) {
        sim_log(L"WTSSIM_ERROR cannot open scenario %ls", path);
        load_error = ERROR_FILE_NOT_FOUND;
        return;
    }
    while (fgets(line, sizeof(line), file)) {
        size_t length = strlen(line);
        number++;
        while (length && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
        if (!parse_line(line)) {
            sim_log(L"WTSSIM_ERROR scenario line %d is not understood", number);
            load_error = ERROR_INVALID_DATA;
            break;
        }
    }
    fclose(file);
}

static void load_state(void);

static void enter(void)
{
    EnterCriticalSection(&lock);
    if (!loaded) {
        loaded = TRUE;
        load_scenario();
        load_state();
    }
}

static void leave(void)
{
    LeaveCriticalSection(&lock);
}

/* ---- Helpers the exported functions share (called with the lock held). ---- */

static LONGLONG now(void)
{
    FILETIME ft;
    if (clock_now) return clock_now;
    GetSystemTimeAsFileTime(&ft);
    return ((LONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
}

/* The server behind a handle, or -1 (and ERROR_INVALID_HANDLE). NULL is this computer. */
static int server_of(HANDLE handle)
{
    server_handle_t *h = (server_handle_t *)handle;
    if (handle == WTS_CURRENT_SERVER_HANDLE) return find_server(L"localhost", TRUE);
    if (IsBadReadPtr(h, sizeof(*h)) || h->magic != SERVER_MAGIC) return -1;
    return h->server;
}

static const WCHAR *server_name(int server)
{
    return server >= 0 ? servers[server].name : L"(invalid handle)";
}

/* An injected failure for this call, or 0. */
static DWORD injected(int server, int op, DWORD id, int info_class)
{
    for (int i = 0; i < fail_count; i++) {
        fail_t *fail = &fails[i];
        BOOL op_matches = fail->op == op || fail->op == OP_ANY
            || (fail->op == OP_OPEN && op == OP_OPEN_EX) || (fail->op == OP_ENUMERATE && op == OP_ENUMERATE_EX);
        if (fail->server != server || !op_matches || fail->times == 0) continue;
        if (!fail->any_id && fail->id != id) continue;
        if (fail->info_class >= 0 && fail->info_class != info_class) continue;
        if (fail->times > 0) fail->times--;
        return fail->error;
    }
    return 0;
}

/* What every call on a server checks first: a readable scenario, a valid handle, a reachable server. */
static DWORD precheck(int server, int op, DWORD id, int info_class)
{
    DWORD error;
    if (load_error) return load_error;
    if (server < 0) return ERROR_INVALID_HANDLE;
    if ((error = injected(server, op, id, info_class)) != 0) return error;
    if (!servers[server].known) return RPC_S_SERVER_UNAVAILABLE_CODE;
    return 0;
}

static void hang_if_asked(int server)
{
    DWORD ms;
    EnterCriticalSection(&lock);
    ms = server >= 0 ? servers[server].hang_ms : 0;
    LeaveCriticalSection(&lock);
    if (ms) {
        sim_log(L"WTSSIM_HANG server=%ls ms=%lu", server_name(server), ms);
        Sleep(ms);
    }
}

/* Every call on a server starts alike: find the server, hang first if the scenario says so (without
   holding the lock, so other calls go on), then hold the lock for the rest of the call. */
static int begin_call(HANDLE hServer)
{
    int server;

    enter();
    server = server_of(hServer);
    leave();
    hang_if_asked(server);
    enter();
    return server;
}

static session_t *find_session(int server, DWORD id)
{
    for (int i = 0; i < session_count; i++)
        if (sessions[i].present && sessions[i].server == server && sessions[i].id == id) return &sessions[i];
    return NULL;
}

static void apply_swaps(int server)
{
    for (int i = 0; i < swap_count; i++) {
        swap_t *swap = &swaps[i];
        session_t *session;
        char copy[LINE_LEN];
        pairs_t pairs;
        /* `after` enumerations show the old owner; the next one shows the new. */
        if (swap->applied || swap->server != server || servers[server].enumerations < swap->after) continue;
        swap->applied = TRUE;
        session = find_session(server, swap->id);
        if (!session) continue;
        strcpy(copy, swap->pairs);
        split_pairs(copy, &pairs);
        for (int k = 0; k < pairs.count; k++) {
            if (strcmp(pairs.keys[k], "server") == 0 || strcmp(pairs.keys[k], "id") == 0
                || strcmp(pairs.keys[k], "after") == 0) continue;
            apply_session_field(session, pairs.keys[k], pairs.values[k]);
        }
        sim_log(L"WTSSIM_SWAP server=%ls id=%lu user=%ls\\%ls", server_name(server), swap->id, session->domain, session->user);
    }
}

/* ---- What carries over between runs (env WTSSIM_STATE): a file the stand-in rewrites after each change. ---- */

static void utf8_of(const WCHAR *text, char *out, int size)
{
    if (WideCharToMultiByte(CP_UTF8, 0, text, -1, out, size, NULL, NULL) == 0) out[0] = 0;
}

/* Writes enumeration counts and the sessions ended or disconnected by a call; one run at a time per file. */
static void save_state(void)
{
    char name[NAME_LEN * 3];
    FILE *file;
    if (!state_path[0]) return;
    file = _wfopen(state_path, L"w");
    if (!file) {
        sim_log(L"WTSSIM_ERROR cannot write state %ls", state_path);
        return;
    }
    for (int i = 0; i < server_count; i++) {
        if (!servers[i].enumerations) continue;
        utf8_of(servers[i].name, name, sizeof(name));
        fprintf(file, "enumerations server=%s count=%lu\n", name, servers[i].enumerations);
    }
    for (int i = 0; i < session_count; i++) {
        session_t *s = &sessions[i];
        utf8_of(servers[s->server].name, name, sizeof(name));
        if (!s->present) fprintf(file, "ended server=%s id=%lu\n", name, s->id);
        else if (s->disconnected_by_call) fprintf(file, "disconnected server=%s id=%lu at=%lld\n", name, s->id, s->disconnect);
    }
    fclose(file);
}

/* Replays what earlier runs did on top of the scenario; no file yet means nothing has happened. */
static void load_state(void)
{
    char line[LINE_LEN];
    FILE *file;
    path_from_env(L"WTSSIM_STATE", state_path, MAX_PATH);
    if (!state_path[0] || load_error) return;
    file = _wfopen(state_path, L"r");
    if (!file) return;
    while (fgets(line, sizeof(line), file)) {
        size_t length = strlen(line);
        char *context = NULL;
        char *keyword;
        const char *value;
        WCHAR wide[NAME_LEN];
        pairs_t pairs;
        session_t *session;
        int server;
        BOOL understood = FALSE;

        while (length && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
        keyword = strtok_s(line, " \t", &context);
        if (!keyword) continue;
        if (split_pairs(context ? context : "", &pairs) && (value = pair(&pairs, "server")) != NULL) {
            widen(value, wide, NAME_LEN);
            server = find_server(wide, FALSE);
            if (server >= 0 && strcmp(keyword, "enumerations") == 0 && (value = pair(&pairs, "count")) != NULL) {
                servers[server].enumerations = strtoul(value, NULL, 10);
                understood = TRUE;
            } else if (server >= 0 && (value = pair(&pairs, "id")) != NULL
                       && (session = find_session(server, strtoul(value, NULL, 10))) != NULL) {
                if (strcmp(keyword, "ended") == 0) {
                    session->present = FALSE;
                    understood = TRUE;
                } else if (strcmp(keyword, "disconnected") == 0 && (value = pair(&pairs, "at")) != NULL) {
                    session->state = WTSDisconnected;
                    session->disconnected_by_call = TRUE;
                    understood = parse_time(value, &session->disconnect);
                }
            }
        }
        if (!understood) sim_log(L"WTSSIM_ERROR state line \"%hs\" is not understood", keyword);
    }
    fclose(file);
    /* A swap due after the enumerations of earlier runs has happened before this run looks. */
    for (int i = 0; i < server_count; i++) apply_swaps(i);
}

static void *sim_alloc(size_t size, int kind, DWORD count)
{
    void *ptr = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size ? size : 1);
    if (ptr && live_count < MAX_LIVE) {
        live[live_count].ptr = ptr;
        live[live_count].kind = kind;
        live[live_count].count = count;
        live_count++;
    }
    return ptr;
}

/* Forgets a live buffer; returns FALSE (and logs) when it was not one of ours or freed the wrong way. */
static BOOL sim_free(void *ptr, int kind, DWORD count, const WCHAR *how)
{
    for (int i = 0; i < live_count; i++) {
        if (live[i].ptr != ptr) continue;
        if (live[i].kind != kind || (kind == BUF_SESSIONS_LEVEL1 && live[i].count != count)) {
            sim_log(L"WTSSIM_ERROR %ls on a buffer that needs another free (kind %d count %lu)", how, live[i].kind, live[i].count);
        }
        live[i] = live[--live_count];
        HeapFree(GetProcessHeap(), 0, ptr);
        return TRUE;
    }
    sim_log(L"WTSSIM_ERROR %ls on a pointer this DLL did not hand out", how);
    return FALSE;
}

static size_t string_bytes(const WCHAR *text)
{
    return (wcslen(text) + 1) * sizeof(WCHAR);
}

/* Copies a string into a buffer's string area and returns where it went. */
static LPWSTR put_string(BYTE **cursor, const WCHAR *text)
{
    LPWSTR at = (LPWSTR)*cursor;
    size_t bytes = string_bytes(text);
    memcpy(at, text, bytes);
    *cursor += bytes;
    return at;
}

/* Like the real structures, a name that fills the array gets no terminating NUL (and a longer one is cut). */
static void copy_fixed(WCHAR *target, size_t capacity, const WCHAR *text)
{
    size_t length = wcslen(text);
    memset(target, 0, capacity * sizeof(WCHAR));
    memcpy(target, text, (length < capacity ? length : capacity) * sizeof(WCHAR));
}

static int count_sessions(int server)
{
    int count = 0;
    for (int i = 0; i < session_count; i++)
        if (sessions[i].present && sessions[i].server == server) count++;
    return count;
}

static BOOL finish(DWORD error)
{
    SetLastError(error);
    return error == 0;
}

static const WCHAR *result_text(DWORD error, WCHAR *buffer)
{
    if (error == 0) return L"ok";
    swprintf(buffer, 32, L"error=%lu", error);
    return buffer;
}

/* ---- The exported functions. ---- */

static HANDLE open_server(const WCHAR *function, int op, LPWSTR pServerName)
{
    server_handle_t *handle = NULL;
    DWORD error;
    WCHAR result[32];
    int server;
    enter();
    server = find_server(pServerName ? pServerName : L"localhost", TRUE);
    error = load_error ? load_error : server < 0 ? ERROR_NOT_ENOUGH_MEMORY : injected(server, op, 0, -1);
    if (!error) {
        handle = (server_handle_t *)HeapAlloc(GetProcessHeap(), 0, sizeof(*handle));
        handle->magic = SERVER_MAGIC;
        handle->server = server;
    }
    sim_log(L"%ls server=%ls -> %ls", function, pServerName ? pServerName : L"(null)", result_text(error, result));
    leave();
    SetLastError(error);
    return (HANDLE)handle;
}

HANDLE WINAPI WTSOpenServerW(LPWSTR pServerName)
{
    return open_server(L"WTSOpenServerW", OP_OPEN, pServerName);
}

HANDLE WINAPI WTSOpenServerExW(LPWSTR pServerName)
{
    return open_server(L"WTSOpenServerExW", OP_OPEN_EX, pServerName);
}

VOID WINAPI WTSCloseServer(HANDLE hServer)
{
    server_handle_t *handle = (server_handle_t *)hServer;
    int server;
    enter();
    server = server_of(hServer);
    sim_log(L"WTSCloseServer server=%ls", server_name(server));
    if (hServer && server >= 0) {
        handle->magic = 0;
        HeapFree(GetProcessHeap(), 0, handle);
    }
    leave();
}

WINBOOL WINAPI WTSEnumerateSessionsExW(HANDLE hServer, DWORD *pLevel, DWORD Filter, PWTS_SESSION_INFO_1W *ppSessionInfo, DWORD *pCount)
{
    int server;
    DWORD error;
    WCHAR result[32];
    DWORD level = pLevel ? *pLevel : 0;

    server = begin_call(hServer);
    *ppSessionInfo = NULL;
    *pCount = 0;
    error = precheck(server, OP_ENUMERATE_EX, 0, -1);
    if (!error && level != 1) error = ERROR_INVALID_PARAMETER;
    if (!error) {
        int count;
        size_t bytes;
        BYTE *cursor;
        WTS_SESSION_INFO_1W *rows;
        int row = 0;

        apply_swaps(server);
        servers[server].enumerations++;
        save_state();
        count = count_sessions(server);
        bytes = count * sizeof(WTS_SESSION_INFO_1W);
        for (int i = 0; i < session_count; i++) {
            if (!sessions[i].present || sessions[i].server != server) continue;
            bytes += string_bytes(sessions[i].station) + string_bytes(servers[server].name)
                + string_bytes(sessions[i].user) + string_bytes(sessions[i].domain) + sizeof(WCHAR);
        }
        rows = (WTS_SESSION_INFO_1W *)sim_alloc(bytes, BUF_SESSIONS_LEVEL1, (DWORD)count);
        cursor = (BYTE *)(rows + count);
        for (int i = 0; i < session_count; i++) {
            session_t *s = &sessions[i];
            if (!s->present || s->server != server) continue;
            rows[row].ExecEnvId = s->id;
            rows[row].State = s->state;
            rows[row].SessionId = s->id;
            rows[row].pSessionName = put_string(&cursor, s->station);
            rows[row].pHostName = put_string(&cursor, servers[server].name);
            rows[row].pUserName = put_string(&cursor, s->user);
            rows[row].pDomainName = put_string(&cursor, s->domain);
            rows[row].pFarmName = put_string(&cursor, L"");
            row++;
        }
        *ppSessionInfo = rows;
        *pCount = (DWORD)count;
    }
    sim_log(L"WTSEnumerateSessionsExW server=%ls level=%lu filter=%lu -> %ls count=%lu",
            server_name(server), level, Filter, result_text(error, result), *pCount);
    leave();
    return finish(error);
}

WINBOOL WINAPI WTSEnumerateSessionsW(HANDLE hServer, DWORD Reserved, DWORD Version, PWTS_SESSION_INFOW *ppSessionInfo, DWORD *pCount)
{
    int server;
    DWORD error;
    WCHAR result[32];

    server = begin_call(hServer);
    *ppSessionInfo = NULL;
    *pCount = 0;
    error = precheck(server, OP_ENUMERATE, 0, -1);
    if (!error && (Reserved != 0 || Version != 1)) error = ERROR_INVALID_PARAMETER;
    if (!error) {
        int count;
        size_t bytes;
        BYTE *cursor;
        WTS_SESSION_INFOW *rows;
        int row = 0;

        apply_swaps(server);
        servers[server].enumerations++;
        save_state();
        count = count_sessions(server);
        bytes = count * sizeof(WTS_SESSION_INFOW);
        for (int i = 0; i < session_count; i++)
            if (sessions[i].present && sessions[i].server == server) bytes += string_bytes(sessions[i].station);
        rows = (WTS_SESSION_INFOW *)sim_alloc(bytes, BUF_PLAIN, (DWORD)count);
        cursor = (BYTE *)(rows + count);
        for (int i = 0; i < session_count; i++) {
            session_t *s = &sessions[i];
            if (!s->present || s->server != server) continue;
            rows[row].SessionId = s->id;
            rows[row].pWinStationName = put_string(&cursor, s->station);
            rows[row].State = s->state;
            row++;
        }
        *ppSessionInfo = rows;
        *pCount = (DWORD)count;
    }
    sim_log(L"WTSEnumerateSessionsW server=%ls reserved=%lu version=%lu -> %ls count=%lu",
            server_name(server), Reserved, Version, result_text(error, result), *pCount);
    leave();
    return finish(error);
}

/* Fills a buffer for one info class; returns the error, or 0. */
static DWORD query(session_t *s, WTS_INFO_CLASS info_class, LPWSTR *ppBuffer, DWORD *pBytes)
{
    void *buffer = NULL;
    DWORD bytes = 0;

    switch ((int)info_class) {
    case WTSSessionInfo: {
        WTSINFOW *info;
        bytes = sizeof(WTSINFOW);
        info = (WTSINFOW *)(buffer = sim_alloc(bytes, BUF_PLAIN, 1));
        info->State = s->state;
        info->SessionId = s->id;
        copy_fixed(info->WinStationName, WINSTATIONNAME_LENGTH, s->station);
        copy_fixed(info->Domain, DOMAIN_LENGTH, s->domain);
        copy_fixed(info->UserName, USERNAME_LENGTH + 1, s->user);
        info->ConnectTime.QuadPart = s->connect;
        info->DisconnectTime.QuadPart = s->disconnect;
        info->LastInputTime.QuadPart = s->lastinput;
        info->LogonTime.QuadPart = s->logon;
        info->CurrentTime.QuadPart = now();
        break;
    }
    case (int)WTS_INFO_SESSION_INFO_EX: {
        WTSINFOEXW *info;
        WTSINFOEX_LEVEL1_W *level1;
        bytes = sizeof(WTSINFOEXW);
        info = (WTSINFOEXW *)(buffer = sim_alloc(bytes, BUF_PLAIN, 1));
        info->Level = 1;
        level1 = &info->Data.WTSInfoExLevel1;
        level1->SessionId = s->id;
        level1->SessionState = s->state;
        level1->SessionFlags = s->lock_flags;
        copy_fixed(level1->WinStationName, WINSTATIONNAME_LENGTH + 1, s->station);
        copy_fixed(level1->UserName, USERNAME_LENGTH + 1, s->user);
        copy_fixed(level1->DomainName, DOMAIN_LENGTH + 1, s->domain);
        level1->LogonTime.QuadPart = s->logon;
        level1->ConnectTime.QuadPart = s->connect;
        level1->DisconnectTime.QuadPart = s->disconnect;
        level1->LastInputTime.QuadPart = s->lastinput;
        level1->CurrentTime.QuadPart = now();
        break;
    }
    case WTSClientAddress: {
        WTS_CLIENT_ADDRESS *address;
        bytes = sizeof(WTS_CLIENT_ADDRESS);
        address = (WTS_CLIENT_ADDRESS *)(buffer = sim_alloc(bytes, BUF_PLAIN, 1));
        address->AddressFamily = s->address_family;
        if (s->address_family == AF_INET) memcpy(address->Address + 2, s->address, 4);
        else if (s->address_family == AF_INET6) memcpy(address->Address, s->address, 16);
        break;
    }
    case WTSSessionId:
    case WTSConnectState: {
        DWORD value = info_class == WTSSessionId ? s->id : (DWORD)s->state;
        bytes = sizeof(DWORD);
        buffer = sim_alloc(bytes, BUF_PLAIN, 1);
        memcpy(buffer, &value, sizeof(value));
        break;
    }
    case WTSClientName:
    case WTSUserName:
    case WTSDomainName:
    case WTSWinStationName: {
        const WCHAR *text = info_class == WTSClientName ? s->client
            : info_class == WTSUserName ? s->user
            : info_class == WTSDomainName ? s->domain : s->station;
        bytes = (DWORD)string_bytes(text);
        buffer = sim_alloc(bytes, BUF_PLAIN, 1);
        memcpy(buffer, text, bytes);
        break;
    }
    default:
        return ERROR_INVALID_PARAMETER;
    }
    *ppBuffer = (LPWSTR)buffer;
    *pBytes = bytes;
    return 0;
}

WINBOOL WINAPI WTSQuerySessionInformationW(HANDLE hServer, DWORD SessionId, WTS_INFO_CLASS WTSInfoClass, LPWSTR *ppBuffer, DWORD *pBytesReturned)
{
    int server;
    DWORD error;
    WCHAR result[32];
    session_t *session;

    server = begin_call(hServer);
    *ppBuffer = NULL;
    *pBytesReturned = 0;
    error = precheck(server, OP_QUERY, SessionId, (int)WTSInfoClass);
    if (!error) {
        session = find_session(server, SessionId);
        error = session ? query(session, WTSInfoClass, ppBuffer, pBytesReturned) : ERROR_CTX_WINSTATION_NOT_FOUND_CODE;
    }
    sim_log(L"WTSQuerySessionInformationW server=%ls id=%lu class=%d -> %ls bytes=%lu",
            server_name(server), SessionId, (int)WTSInfoClass, result_text(error, result), *pBytesReturned);
    leave();
    return finish(error);
}

VOID WINAPI WTSFreeMemory(PVOID pMemory)
{
    BOOL ok = TRUE;
    enter();
    if (pMemory) ok = sim_free(pMemory, BUF_PLAIN, 0, L"WTSFreeMemory");
    sim_log(L"WTSFreeMemory -> %ls", ok ? L"ok" : L"error");
    leave();
}

WINBOOL WINAPI WTSFreeMemoryExW(WTS_TYPE_CLASS WTSTypeClass, PVOID pMemory, ULONG NumberOfEntries)
{
    BOOL ok = TRUE;
    enter();
    if (pMemory) {
        int kind = WTSTypeClass == WTSTypeSessionInfoLevel1 ? BUF_SESSIONS_LEVEL1 : -1;
        ok = sim_free(pMemory, kind, NumberOfEntries, L"WTSFreeMemoryExW");
    }
    sim_log(L"WTSFreeMemoryExW type=%d count=%lu -> %ls", (int)WTSTypeClass, NumberOfEntries, ok ? L"ok" : L"error");
    leave();
    return finish(ok ? 0 : ERROR_INVALID_PARAMETER);
}

static WINBOOL end_session(const WCHAR *function, int op, HANDLE hServer, DWORD SessionId, WINBOOL bWait)
{
    int server;
    DWORD error;
    WCHAR result[32];
    session_t *session;

    server = begin_call(hServer);
    error = precheck(server, op, SessionId, -1);
    if (!error) {
        session = find_session(server, SessionId);
        if (!session) error = ERROR_CTX_WINSTATION_NOT_FOUND_CODE;
        else if (op == OP_LOGOFF) session->present = FALSE;
        else {
            session->state = WTSDisconnected;
            session->disconnect = now();
            session->disconnected_by_call = TRUE;
        }
        save_state();
    }
    sim_log(L"%ls server=%ls id=%lu wait=%d -> %ls", function, server_name(server), SessionId, bWait ? 1 : 0, result_text(error, result));
    leave();
    return finish(error);
}

WINBOOL WINAPI WTSLogoffSession(HANDLE hServer, DWORD SessionId, WINBOOL bWait)
{
    return end_session(L"WTSLogoffSession", OP_LOGOFF, hServer, SessionId, bWait);
}

WINBOOL WINAPI WTSDisconnectSession(HANDLE hServer, DWORD SessionId, WINBOOL bWait)
{
    return end_session(L"WTSDisconnectSession", OP_DISCONNECT, hServer, SessionId, bWait);
}

WINBOOL WINAPI WTSSendMessageW(HANDLE hServer, DWORD SessionId, LPWSTR pTitle, DWORD TitleLength, LPWSTR pMessage,
                               DWORD MessageLength, DWORD Style, DWORD Timeout, DWORD *pResponse, WINBOOL bWait)
{
    int server;
    DWORD error;
    DWORD reply = 0;
    DWORD delay = 0;
    WCHAR result[32];
    WCHAR title[600];
    WCHAR text[1200];

    server = begin_call(hServer);
    /* The lengths are in bytes: quote exactly that many, so a length in characters shows as cut text. */
    quote(pTitle, TitleLength / sizeof(WCHAR), title, 600);
    quote(pMessage, MessageLength / sizeof(WCHAR), text, 1200);
    error = precheck(server, OP_MESSAGE, SessionId, -1);
    if (!error && !find_session(server, SessionId)) error = ERROR_CTX_WINSTATION_NOT_FOUND_CODE;
    if (!error) {
        if (!bWait) reply = IDASYNC;
        else {
            reply = (Style & 0xF) == MB_OK ? IDOK : IDTIMEOUT;
            for (int i = 0; i < answer_count; i++) {
                if (answers[i].server == server && answers[i].id == SessionId) {
                    reply = answers[i].reply;
                    delay = answers[i].delay_ms;
                    break;
                }
            }
        }
        *pResponse = reply;
    }
    sim_log(L"WTSSendMessageW server=%ls id=%lu style=0x%lx timeout=%lu wait=%d titlebytes=%lu textbytes=%lu title=%ls text=%ls -> %ls reply=%lu",
            server_name(server), SessionId, Style, Timeout, bWait ? 1 : 0, TitleLength, MessageLength, title, text,
            result_text(error, result), reply);
    leave();
    if (delay) Sleep(delay);
    return finish(error);
}

WINBOOL WINAPI WTSEnumerateProcessesW(HANDLE hServer, DWORD Reserved, DWORD Version, PWTS_PROCESS_INFOW *ppProcessInfo, DWORD *pCount)
{
    int server;
    DWORD error;
    WCHAR result[32];

    server = begin_call(hServer);
    *ppProcessInfo = NULL;
    *pCount = 0;
    error = precheck(server, OP_PROCESSES, 0, -1);
    if (!error && (Reserved != 0 || Version != 1)) error = ERROR_INVALID_PARAMETER;
    if (!error) {
        int count = 0, row = 0;
        size_t bytes;
        BYTE *cursor;
        WTS_PROCESS_INFOW *rows;
        for (int i = 0; i < process_count; i++)
            if (processes[i].server == server) count++;
        bytes = count * sizeof(WTS_PROCESS_INFOW);
        for (int i = 0; i < process_count; i++)
            if (processes[i].server == server) bytes += string_bytes(processes[i].name);
        rows = (WTS_PROCESS_INFOW *)sim_alloc(bytes, BUF_PLAIN, (DWORD)count);
        cursor = (BYTE *)(rows + count);
        for (int i = 0; i < process_count; i++) {
            if (processes[i].server != server) continue;
            rows[row].SessionId = processes[i].session;
            rows[row].ProcessId = processes[i].pid;
            rows[row].pProcessName = put_string(&cursor, processes[i].name);
            rows[row].pUserSid = NULL;
            row++;
        }
        *ppProcessInfo = rows;
        *pCount = (DWORD)count;
    }
    sim_log(L"WTSEnumerateProcessesW server=%ls reserved=%lu version=%lu -> %ls count=%lu",
            server_name(server), Reserved, Version, result_text(error, result), *pCount);
    leave();
    return finish(error);
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance;
    if (reason == DLL_PROCESS_ATTACH) {
        InitializeCriticalSection(&lock);
    } else if (reason == DLL_PROCESS_DETACH) {
        /* No lock here: at process exit another thread may have died holding it. */
        if (loaded) sim_log(L"WTSSIM_EXIT outstanding=%ld", live_count);
        if (!reserved) DeleteCriticalSection(&lock);
    }
    return TRUE;
}
