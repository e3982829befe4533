using System.Globalization;

namespace Rizquna.Connectors.Meta.Inbox;

/// <summary>
/// The Meta inbox cursor: the creation time (unix seconds, Graph's resolution) and id of the last item handed out,
/// as <c>{seconds}:{id}</c>. Items are ordered by time, then id, so two items of the same second are not lost.
/// </summary>
internal readonly record struct InboxPosition(long Seconds, string Id)
{
    public static InboxPosition Of(DateTimeOffset createdAt, string id) => new(createdAt.ToUnixTimeSeconds(), id);

    public static InboxPosition? Parse(InboxCursor? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var value = cursor.Value;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(value.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new ArgumentException($"'{value}' is not a Meta inbox cursor (expected '<unix seconds>:<id>').", nameof(cursor));
        }

        return new InboxPosition(seconds, value[(colon + 1)..]);
    }

    public InboxCursor ToCursor() => new(Seconds.ToString(CultureInfo.InvariantCulture) + ":" + Id);

    /// <summary>True when this position comes after <paramref name="other"/>.</summary>
    public bool IsAfter(InboxPosition other) =>
        Seconds > other.Seconds || (Seconds == other.Seconds && string.CompareOrdinal(Id, other.Id) > 0);

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(Seconds);
}
