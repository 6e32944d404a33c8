using System.Globalization;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Query;

namespace SessionKiller.Cli;

/// <summary>The spelling and checks of <c>--where</c> and <c>--max</c>, the options of a command on every session a query matches.</summary>
internal static class BulkSyntax
{
    public const string WhereOption = "--where";
    public const string MaxOption = "--max";

    /// <summary>A scheduled cleanup that suddenly matches more than this has probably met a wrong query.</summary>
    public const int DefaultMax = 50;

    public const int MaxMax = 100_000;

    /// <summary>What is wrong with a <c>--where</c> value; for an action, a query of name words alone is refused.</summary>
    public static string? ProblemWithWhere(string value, bool forAction)
    {
        if (CliValues.ProblemWithText(WhereOption, value, QueryParser.MaxLength) is { } problem)
        {
            return problem;
        }

        var parse = QueryParser.Parse(value);
        if (parse.Problem is { } queryProblem)
        {
            return $"{WhereOption} '{value}': {queryProblem.Message}";
        }

        return forAction && !BulkSelection.HasBulkFilter(parse.Query!)
            ? $"{WhereOption} '{value}' needs a filter (idle:, state: or @server) and no #id: a name alone never acts on a group."
            : null;
    }

    public static SessionQuery ParseWhere(string value) =>
        QueryParser.Parse(value).Query ?? throw new InvalidOperationException($"'{value}' was not checked as a query.");

    public static string? ProblemWithMax(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= MaxMax
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{MaxOption} must be a whole number from 1 to {MaxMax}, not '{value}'.");
}
