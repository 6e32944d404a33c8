namespace SessionKiller.Core.Query;

/// <summary>Either a query or the reason the text is not one.</summary>
public sealed record QueryParseResult
{
    private QueryParseResult(SessionQuery? query, QueryProblem? problem)
    {
        Query = query;
        Problem = problem;
    }

    public SessionQuery? Query { get; }

    public QueryProblem? Problem { get; }

    public static QueryParseResult Valid(SessionQuery query) => new(query, null);

    public static QueryParseResult Invalid(QueryProblem problem) => new(null, problem);
}

public enum QueryProblemKind
{
    UnknownFilter,
    MalformedIdle,
    UnknownState,
    MalformedSessionId,
    EmptyServer,
    UnbalancedQuote,
    TooLong,

    /// <summary>A second session id, server or idle filter that differs from the first (<c>#3 #5</c>).</summary>
    ConflictingFilters,
}

/// <summary>What is wrong with a query: the kind (for hosts that translate), the offending token, and a sentence.</summary>
public sealed record QueryProblem(QueryProblemKind Kind, string Token, string Message);
