namespace SessionKiller.Core.Catalog;

/// <summary>What a query is answered from.</summary>
/// <param name="Snapshot">The catalog's snapshot, as it is now.</param>
/// <param name="ListedAt">
/// Set after a pause, while the read the query started is under way: when the oldest server in the
/// snapshot was last heard from, so a host can show how old the list is. Null when the snapshot is current.
/// </param>
public sealed record CatalogView(CatalogSnapshot Snapshot, DateTimeOffset? ListedAt);
