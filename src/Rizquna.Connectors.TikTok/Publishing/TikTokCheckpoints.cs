namespace Rizquna.Connectors.TikTok;

/// <summary>The host's <see cref="IPublishCheckpointStore"/>, or a process-local one when the connector is used alone.</summary>
internal sealed class TikTokCheckpoints(IPublishCheckpointStore store)
{
    public IPublishCheckpointStore Store { get; } = store;
}
