using System.Text.Json;

namespace Rizquna.SampleHost.Tests.Infrastructure;

/// <summary>Bot API shapes from platform-contracts.md §3: {"ok":true,"result":…}; every send returns a Message.</summary>
public static class FakeTelegram
{
    private static int _messageId = 100;

    public static (int Status, string Body) Handle(RecordedRequest request)
    {
        var method = request.PathAndQuery.Split('?')[0].Split('/').Last();
        return method switch
        {
            "sendMessage" or "sendPhoto" or "sendVideo" => (200, JsonSerializer.Serialize(new
            {
                ok = true,
                result = new
                {
                    message_id = Interlocked.Increment(ref _messageId),
                    chat = new { id = -1001234567890, type = "channel", title = "Demo" },
                    date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    text = "sent",
                },
            })),
            "getUpdates" => (200, """{"ok":true,"result":[]}"""),
            "getMe" => (200, """{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"Demo","username":"demo_bot"}}"""),
            _ => (200, """{"ok":true,"result":true}"""),
        };
    }

    /// <summary>The form or JSON field of a recorded Bot API call.</summary>
    public static string? Field(RecordedRequest request, string name)
    {
        if (request.Body.TrimStart().StartsWith('{'))
        {
            using var doc = JsonDocument.Parse(request.Body);
            return doc.RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;
        }

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Body);
        return form.TryGetValue(name, out var v) ? v.ToString() : null;
    }
}
