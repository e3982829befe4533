namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>Where lane B takes the items it publishes for an account, in publishing order.</summary>
public interface IContentSource
{
    /// <summary>Every entry for the account, in the order they are to be published (published ones included: the lane skips them).</summary>
    Task<IReadOnlyList<ContentEntry>> ListAsync(AccountRef account, CancellationToken cancellationToken = default);
}
