namespace Rizquna.Connectors.Meta.Inbox;

/// <summary>Collects the items one poll found, then hands out those after the cursor, oldest first, each with its cursor.</summary>
internal sealed class InboxBatch(InboxPosition? after)
{
    private readonly List<(InboxPosition Position, InboxItem Item)> _items = [];

    public void Add(InboxItem item)
    {
        var position = InboxPosition.Of(item.CreatedAt, item.Id);
        if (after is { } cursor && !position.IsAfter(cursor))
        {
            return;
        }

        _items.Add((position, item));
    }

    public IReadOnlyList<InboxItem> Ordered()
    {
        _items.Sort(static (a, b) => a.Position.Seconds != b.Position.Seconds
            ? a.Position.Seconds.CompareTo(b.Position.Seconds)
            : string.CompareOrdinal(a.Position.Id, b.Position.Id));
        var result = new InboxItem[_items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _items[i].Item with { Cursor = _items[i].Position.ToCursor() };
        }

        return result;
    }
}
