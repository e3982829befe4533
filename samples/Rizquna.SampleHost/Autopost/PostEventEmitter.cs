using Rizquna.Scheduling.Autopost;
using Rizquna.SampleHost.Events;

namespace Rizquna.SampleHost.Autopost;

/// <summary>
/// Turns channel outcomes recorded by the lanes' worker into <c>post.published</c> / <c>post.failed</c> events. Reads
/// a sliding window of outcomes; each outcome's event id is derived from it, so the outbox keeps one per outcome.
/// </summary>
internal sealed class PostEventEmitter(IAutopostStore store, EventOutbox outbox, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public async Task EmitNewOutcomesAsync(CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var record in await store.ListChannelOutcomesAsync(now - Window, now + TimeSpan.FromSeconds(1), cancellationToken))
        {
            var result = record.Result;
            var type = result.Status switch
            {
                AutopostChannelStatus.Posted => EventTypes.PostPublished,
                AutopostChannelStatus.Failed => EventTypes.PostFailed,
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            await outbox.PublishOnceAsync($"{type}:{record.ItemId}:{result.Channel}", type, new
            {
                queue_item_id = record.ItemId,
                title = record.Title,
                channel = result.Channel,
                platform_post_id = result.PlatformPostId,
                url = result.Url,
                posted_at = result.PostedAt,
                attempts = result.Attempts,
                error = result.Error,
            }, cancellationToken);
        }
    }
}
