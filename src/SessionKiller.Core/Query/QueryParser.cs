using System.Buffers;
using System.Globalization;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Query;

/// <summary>
/// Turns what a person typed after the keyword into a <see cref="SessionQuery"/>, or into the first problem found.
/// </summary>
/// <remarks>
/// The grammar, token by token (tokens are separated by white space and control characters):
/// <list type="bullet">
/// <item><c>bob</c>, <c>contoso\bob</c>, <c>10.1.4.7</c>, <c>fe80::1</c>: a free word; every word must match (user,
/// DOMAIN\user, client name, client address or station).</item>
/// <item><c>"ann marie"</c>: a quoted term, one word with its spaces; never a filter. <c>""</c> is ignored.</item>
/// <item><c>#3</c>: a session id (0 to <see cref="int.MaxValue"/>).</item>
/// <item><c>@rds01</c>, <c>bob@rds01</c>, <c>#3@rds01</c>: a server; <c>@localhost</c> and <c>@.</c> mean this computer.</item>
/// <item><c>idle:&gt;30m</c>, <c>idle:&lt;2h</c>, <c>idle:1h30m</c>: idle longer or shorter than an amount; without a
/// comparison it means longer than. Amounts are whole or decimal numbers (<c>1.5h</c>) with a unit s, m, h or d,
/// and may be chained (<c>1h30m</c>), up to <see cref="MaxIdleDays"/> days.</item>
/// <item><c>state:disc</c>, <c>state:active,disc</c>: states by name or by the start of a name (case-insensitive);
/// a start that names several states means all of them, and several <c>state:</c> filters add up.</item>
/// </list>
/// A query names at most one session id, one server and one idle filter: repeating one with a different value is
/// a problem, not "last wins", because an admin who typed both meant something a single query cannot do, and
/// silently dropping one would show sessions they did not ask for.
/// Never throws; runs in time linear in the length of the text.
/// </remarks>
public static class QueryParser
{
    /// <summary>Longer text is refused before it is read (a query is typed by a person).</summary>
    public const int MaxLength = 256;

    /// <summary>The largest idle amount accepted; far beyond any real session, far below <see cref="TimeSpan.MaxValue"/>.</summary>
    public const int MaxIdleDays = 100_000;

    private const string IdleFilterName = "idle";
    private const string StateFilterName = "state";

    private static readonly SearchValues<char> AddressCharacters = SearchValues.Create("0123456789abcdefABCDEF:.");

    private static readonly SessionState[] AllStates = Enum.GetValues<SessionState>();

    private static readonly string[] AllStateNames = Array.ConvertAll(AllStates, state => state.ToString());

    private static readonly string StateNames = string.Join(", ", AllStates);

    public static string GrammarHelp { get; } =
        "Type a name, \"quoted name\", #id, @server, idle:>30m, idle:<2h (s m h d), state:disc";

    public static QueryParseResult Parse(string? text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length > MaxLength)
        {
            var start = Shorten(span);
            return Problem(
                QueryProblemKind.TooLong,
                start,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The query \"{start}\" is {span.Length:N0} characters long; at most {MaxLength} are accepted."));
        }

        var builder = new Builder();
        var position = 0;
        while (position < span.Length)
        {
            var c = span[position];
            if (IsSeparator(c))
            {
                position++;
                continue;
            }

            if (c == '"')
            {
                var close = span[(position + 1)..].IndexOf('"');
                if (close < 0)
                {
                    var token = span[position..].ToString();
                    return Problem(
                        QueryProblemKind.UnbalancedQuote,
                        token,
                        $"The quote in {token} is not closed: put a \" at the end of the name, or leave the quote out.");
                }

                builder.AddTerm(span.Slice(position + 1, close).Trim());
                position += close + 2;
                continue;
            }

            // A word runs to the next separator or quote; a quote starts a new term.
            var end = position;
            while (end < span.Length && !IsSeparator(span[end]) && span[end] != '"')
            {
                end++;
            }

            var problem = ParseWord(span[position..end], builder);
            if (problem is not null)
            {
                return QueryParseResult.Invalid(problem);
            }

            position = end;
        }

        return QueryParseResult.Valid(builder.Build());
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    private static QueryProblem? ParseWord(ReadOnlySpan<char> word, Builder builder)
    {
        // "bob@rds01" and "#3@rds01": the part after the first @ is the server. A leading @ is a server alone.
        var at = word.IndexOf('@');
        if (at >= 0)
        {
            // "@\\" normalizes to nothing: as empty as "@".
            var server = ServerNames.Normalize(word[(at + 1)..].ToString());
            if (server.Length == 0 || word.Length == at + 1)
            {
                return new QueryProblem(
                    QueryProblemKind.EmptyServer,
                    word.ToString(),
                    $"\"{word}\" names no server: write @ and a server name, such as @rds01, or @localhost for this computer.");
            }

            var problem = builder.SetServer(word.ToString(), server);
            if (problem is not null || at == 0)
            {
                return problem;
            }

            word = word[..at];
        }

        if (word[0] == '#')
        {
            return ParseSessionId(word, builder);
        }

        // "face:b00c::1" starts like a filter, but only hex digits, colons and dots make an IPv6 address (or its start).
        var colon = word.IndexOf(':');
        if (colon > 0 && IsAllLetters(word[..colon]) && word.ContainsAnyExcept(AddressCharacters))
        {
            var name = word[..colon];
            var value = word[(colon + 1)..];
            if (name.Equals(IdleFilterName, StringComparison.OrdinalIgnoreCase))
            {
                return ParseIdle(word, value, builder);
            }

            if (name.Equals(StateFilterName, StringComparison.OrdinalIgnoreCase))
            {
                return ParseStates(word, value, builder);
            }

            return new QueryProblem(
                QueryProblemKind.UnknownFilter,
                word.ToString(),
                $"\"{word}\" is not a filter: the filters are idle: and state:. To search for the text itself, put it in quotes: \"{word}\".");
        }

        builder.AddTerm(word);
        return null;
    }

    private static bool IsAllLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static QueryProblem? ParseSessionId(ReadOnlySpan<char> word, Builder builder)
    {
        // NumberStyles.None: ASCII digits only, no sign, no spaces; TryParse refuses overflow.
        if (!int.TryParse(word[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new QueryProblem(
                QueryProblemKind.MalformedSessionId,
                word.ToString(),
                $"\"{word}\" is not a session id: write # and a whole number from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, such as #3.");
        }

        return builder.SetSessionId(word.ToString(), id);
    }

    private static QueryProblem? ParseIdle(ReadOnlySpan<char> word, ReadOnlySpan<char> value, Builder builder)
    {
        var comparison = IdleComparison.LongerThan;
        if (!value.IsEmpty && value[0] is '>' or '<')
        {
            comparison = value[0] == '>' ? IdleComparison.LongerThan : IdleComparison.ShorterThan;
            value = value[1..];
        }

        var seconds = ParseDuration(value);
        if (seconds is null)
        {
            return new QueryProblem(
                QueryProblemKind.MalformedIdle,
                word.ToString(),
                $"\"{word}\" is not an idle filter: write idle:>30m (idle longer than) or idle:<2h (shorter than), with a whole or decimal number and a unit s, m, h or d.");
        }

        if (seconds.Value > MaxIdleDays * 86_400d)
        {
            return new QueryProblem(
                QueryProblemKind.MalformedIdle,
                word.ToString(),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"\"{word}\" is too long an idle time: at most {MaxIdleDays}d is accepted."));
        }

        return builder.SetIdle(word.ToString(), new IdleFilter(comparison, TimeSpan.FromTicks((long)Math.Round(seconds.Value * TimeSpan.TicksPerSecond))));
    }

    /// <summary>Seconds in "30m", "1.5h" or "1h30m"; null when it is not that shape.</summary>
    /// <remarks>A double cannot overflow on 256 characters of digits (at worst it is infinity, which the caller refuses).</remarks>
    private static double? ParseDuration(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var total = 0d;
        var position = 0;
        while (position < text.Length)
        {
            var amount = 0d;
            var digits = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                amount = (amount * 10) + (text[position] - '0');
                position++;
                digits++;
            }

            if (digits == 0)
            {
                return null;
            }

            if (position < text.Length && text[position] == '.')
            {
                position++;
                var scale = 0.1;
                var fractionDigits = 0;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    amount += (text[position] - '0') * scale;
                    scale /= 10;
                    position++;
                    fractionDigits++;
                }

                if (fractionDigits == 0)
                {
                    return null;
                }
            }

            if (position == text.Length)
            {
                return null;
            }

            double? unit = char.ToLowerInvariant(text[position]) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3_600,
                'd' => 86_400,
                _ => null,
            };
            if (unit is null)
            {
                return null;
            }

            total += amount * unit.Value;
            position++;
        }

        return total;
    }

    private static QueryProblem? ParseStates(ReadOnlySpan<char> word, ReadOnlySpan<char> value, Builder builder)
    {
        // "state:active,disc": each part names one state, or all states it is the start of.
        while (true)
        {
            var comma = value.IndexOf(',');
            var part = comma < 0 ? value : value[..comma];
            if (!AddStates(part, builder))
            {
                return new QueryProblem(
                    QueryProblemKind.UnknownState,
                    word.ToString(),
                    $"\"{word}\" names no session state: write state: and a state or the start of one, such as state:disc; the states are {StateNames}.");
            }

            if (comma < 0)
            {
                return null;
            }

            value = value[(comma + 1)..];
        }
    }

    private static bool AddStates(ReadOnlySpan<char> part, Builder builder)
    {
        if (part.IsEmpty)
        {
            return false;
        }

        // A full name means that state only, even when it starts another name.
        for (var i = 0; i < AllStates.Length; i++)
        {
            if (part.Equals(AllStateNames[i], StringComparison.OrdinalIgnoreCase))
            {
                builder.AddState(AllStates[i]);
                return true;
            }
        }

        var found = false;
        for (var i = 0; i < AllStates.Length; i++)
        {
            if (AllStateNames[i].AsSpan().StartsWith(part, StringComparison.OrdinalIgnoreCase))
            {
                builder.AddState(AllStates[i]);
                found = true;
            }
        }

        return found;
    }

    private static QueryParseResult Problem(QueryProblemKind kind, string token, string message) =>
        QueryParseResult.Invalid(new QueryProblem(kind, token, message));

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 32 ? text.ToString() : string.Concat(text[..32], "…");

    /// <summary>Collects the parts of one query; refuses a second, different id, server or idle filter.</summary>
    private sealed class Builder
    {
        private List<string>? terms;
        private int? sessionId;
        private string? sessionIdToken;
        private string? server;
        private string? serverToken;
        private IdleFilter? idle;
        private string? idleToken;
        private List<SessionState>? states;

        public void AddTerm(ReadOnlySpan<char> term)
        {
            if (!term.IsEmpty)
            {
                (terms ??= []).Add(term.ToString());
            }
        }

        public QueryProblem? SetSessionId(string token, int id)
        {
            if (sessionId is { } existing && existing != id)
            {
                return Conflict(token, sessionIdToken!, "session id");
            }

            sessionId = id;
            sessionIdToken = token;
            return null;
        }

        public QueryProblem? SetServer(string token, string name)
        {
            if (server is not null && !ServerNames.AreSame(server, name))
            {
                return Conflict(token, serverToken!, "server");
            }

            // The same server spelled again keeps the first spelling.
            server ??= name;
            serverToken ??= token;
            return null;
        }

        public QueryProblem? SetIdle(string token, IdleFilter filter)
        {
            if (idle is not null && idle != filter)
            {
                return Conflict(token, idleToken!, "idle filter");
            }

            idle = filter;
            idleToken = token;
            return null;
        }

        public void AddState(SessionState state)
        {
            states ??= [];
            if (!states.Contains(state))
            {
                states.Add(state);
            }
        }

        public SessionQuery Build()
        {
            if (terms is null && sessionId is null && server is null && idle is null && states is null)
            {
                return SessionQuery.Everyone;
            }

            states?.Sort();
            return new SessionQuery
            {
                Terms = terms is null ? [] : terms.ToArray(),
                SessionId = sessionId,
                Server = server,
                Idle = idle,
                States = states?.ToArray(),
            };
        }

        private static QueryProblem Conflict(string token, string earlierToken, string what) =>
            new(
                QueryProblemKind.ConflictingFilters,
                token,
                $"\"{token}\" contradicts \"{earlierToken}\": a query names at most one {what}; keep one of them.");
    }
}
