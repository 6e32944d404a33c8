using System.Collections.ObjectModel;

namespace Wox.Plugin;

/// <summary>What the user typed, split the way PowerToys Run splits it.</summary>
public class Query
{
    public const string TermSeparator = " ";

    public const string ActionKeywordSeparator = ";";

    public const string GlobalPluginWildcardSign = "*";

    private readonly string _query;
    private string _rawQuery;
    private string _search;
    private ReadOnlyCollection<string> _terms;

    public Query()
    {
    }

    public Query(string query, string actionKeyword = "")
    {
        _query = query;
        RawUserQuery = query;
        ActionKeyword = actionKeyword;
    }

    /// <summary>The text with runs of spaces collapsed, action keyword included.</summary>
    public string RawQuery =>
        _rawQuery ??= string.Join(TermSeparator, (_query ?? string.Empty).Split(TermSeparator, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text exactly as typed.</summary>
    public string RawUserQuery { get; internal set; }

    /// <summary>The text after the action keyword, trimmed.</summary>
    public string Search => _search ??= RawQuery.Substring((ActionKeyword ?? string.Empty).Length).Trim();

    public ReadOnlyCollection<string> Terms =>
        _terms ??= new ReadOnlyCollection<string>(
            (_query ?? string.Empty).Trim().Substring((ActionKeyword ?? string.Empty).Length)
                .Split(TermSeparator, StringSplitOptions.RemoveEmptyEntries));

    public string ActionKeyword { get; set; }

    public string FirstSearch => SplitSearch(0);

    public string SecondSearch => SplitSearch(1);

    public string ThirdSearch => SplitSearch(2);

    public string SecondToEndSearch => string.Join(TermSeparator, Terms.Skip(string.IsNullOrEmpty(ActionKeyword) ? 1 : 2));

    public override string ToString() => RawQuery;

    private string SplitSearch(int index)
    {
        var at = string.IsNullOrEmpty(ActionKeyword) ? index : index + 1;
        return at < Terms.Count ? Terms[at] : string.Empty;
    }
}
