using Rizquna.Scheduling.Autopost;

namespace Rizquna.Scheduling.Tests.Autopost;

/// <summary>Items as a store receives them (id not yet assigned): one Facebook channel, due at their creation.</summary>
internal static class AutopostDrafts
{
    public static AutopostItem Item(string title, DateTimeOffset createdAt) => new()
    {
        Id = 0,
        Title = title,
        PublishAt = createdAt,
        Status = AutopostStatus.Ready,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        Channels = [new AutopostChannelResult { Channel = "facebook/001" }],
    };
}
