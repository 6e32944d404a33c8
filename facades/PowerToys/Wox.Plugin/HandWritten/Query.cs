using System.Collections.ObjectModel;

namespace Wox.Plugin;

// Behaviour the plugin relies on, written here from what PowerToys documents and does (not copied): what the user
// typed, runs of spaces collapsed, split after the action keyword.
public partial class Query
{
    private readonly string _query;

    public partial Query(string query, string actionKeyword)
    {
        _query = query;
        ActionKeyword = actionKeyword;
    }

    public partial string RawQuery => string.Join(TermSeparator, _query.Split(TermSeparator, StringSplitOptions.RemoveEmptyEntries));

    public partial string RawUserQuery => _query;

    public partial string Search => RawQuery.Substring(ActionKeyword?.Length ?? 0).Trim();

    public partial ReadOnlyCollection<string> Terms =>
        new(_query.Trim().Substring(ActionKeyword.Length).Split(TermSeparator, StringSplitOptions.RemoveEmptyEntries));

    public partial string FirstSearch => SplitSearch(0);

    public partial string SecondSearch => SplitSearch(1);

    public partial string ThirdSearch => SplitSearch(2);

    public partial string SecondToEndSearch => string.Join(TermSeparator, Terms.Skip(string.IsNullOrEmpty(ActionKeyword) ? 1 : 2));

    public override partial string ToString() => RawQuery;

    private string SplitSearch(int index)
    {
        var at = string.IsNullOrEmpty(ActionKeyword) ? index : index + 1;
        return at < Terms.Count ? Terms[at] : string.Empty;
    }
}
