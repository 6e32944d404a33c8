using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>The ranking rules, written once; smaller keys rank first.</summary>
/// <remarks>
/// <list type="number">
/// <item>The caller's own session is always last.</item>
/// <item>With words: the score, best first (<see cref="WordMatcher"/>: the kind of match, exact, prefix, substring,
/// fuzzy, typo; then the field it matched, user, DOMAIN\user, client name, client address, station); then
/// Disconnected sessions, other non-active states, Active ones; then the longest idle first.</item>
/// <item>Without words (a listing): the longest idle first, then the same state order.</item>
/// <item>Unknown idle time after any known one; then server name, session id, and the caller's order.</item>
/// </list>
/// All but the first two rules do not depend on what was typed: the index sorts each list by them once
/// (<see cref="CompareUnscored"/>), and a query ranks a session by one number, <see cref="Key"/>: own session,
/// score, place in that order.
/// </remarks>
internal static class Ranking
{
    private const int PlaceBits = 32;
    private const int ScoreBits = 8;

    /// <summary>The rank of a session at <paramref name="place"/> in the index's order with this score.</summary>
    public static long Key(bool own, int score, int place) =>
        ((own ? 1L : 0L) << (PlaceBits + ScoreBits)) | ((long)(WordMatcher.BestScore - score) << PlaceBits) | (uint)place;

    public static int ScoreOf(long key) => WordMatcher.BestScore - (int)((key >> PlaceBits) & ((1 << ScoreBits) - 1));

    public static int PlaceOf(long key) => (int)(uint)key;

    /// <summary>
    /// The lowest score with which a session at <paramref name="place"/> ranks before <paramref name="key"/>
    /// (above <see cref="WordMatcher.BestScore"/> when none does).
    /// </summary>
    public static int ScoreToBeat(bool own, int place, long key)
    {
        var ownTier = own ? 1L : 0L;
        var keyTier = key >> (PlaceBits + ScoreBits);
        if (ownTier != keyTier)
        {
            return ownTier < keyTier ? WordMatcher.NoMatch + 1 : WordMatcher.BestScore + 1;
        }

        var score = ScoreOf(key);
        return place < PlaceOf(key) ? score : score + 1;
    }

    /// <summary>The order of sessions that tie on own session and score (positions into <paramref name="sessions"/>).</summary>
    public static Comparison<int> CompareUnscored(IReadOnlyList<SessionInfo> sessions, bool withWords) => (left, right) =>
    {
        SessionInfo x = sessions[left], y = sessions[right];
        var order = withWords ? StateOrder(x.State).CompareTo(StateOrder(y.State)) : 0;
        order = order != 0 ? order : (y.IdleTime?.Ticks ?? long.MinValue).CompareTo(x.IdleTime?.Ticks ?? long.MinValue);
        order = order != 0 ? order : StateOrder(x.State).CompareTo(StateOrder(y.State));
        order = order != 0 ? order : string.Compare(x.ServerName, y.ServerName, StringComparison.OrdinalIgnoreCase);
        order = order != 0 ? order : x.SessionId.CompareTo(y.SessionId);
        return order != 0 ? order : left.CompareTo(right);
    };

    /// <summary>Disconnected first (the usual target), then the other non-active states, then Active.</summary>
    private static int StateOrder(SessionState state) => state switch
    {
        SessionState.Disconnected => 0,
        SessionState.Active => 2,
        _ => 1,
    };
}
