namespace Rizquna.Scheduling.Autopost;

/// <summary>Filters and paging for <see cref="IAutopostQueue.ListAsync"/>. Items come newest first.</summary>
public sealed record AutopostQuery
{
    /// <summary>The largest page size accepted.</summary>
    public const int MaxLimit = 500;

    /// <summary>Only items with this status.</summary>
    public AutopostStatus? Status { get; init; }

    /// <summary>Only items with this channel (<c>platform/account</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>Only items whose publish time is at or after this instant.</summary>
    public DateTimeOffset? PublishFrom { get; init; }

    /// <summary>Only items whose publish time is before this instant.</summary>
    public DateTimeOffset? PublishTo { get; init; }

    /// <summary>Page size, 1..<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The <see cref="AutopostPage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }
}
