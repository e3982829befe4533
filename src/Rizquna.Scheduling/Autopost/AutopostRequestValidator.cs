using System.Text.Json;

namespace Rizquna.Scheduling.Autopost;

/// <summary>Checks a whole enqueue request and turns it into a new item; every problem is reported by field.</summary>
internal static class AutopostRequestValidator
{
    internal const int MaxTitle = 500;
    internal const int MaxSummary = 5_000;
    internal const int MaxUrl = 2_048;
    internal const int MaxDedupKey = 200;
    internal const int MaxChannels = 50;
    internal const int MaxDataBytes = 64 * 1024;

    public static AutopostItem Validate(AutopostEnqueueRequest request, AutopostOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string problem)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(problem);
        }

        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Add("title", "is required.");
        }
        else if (title.Length > MaxTitle)
        {
            Add("title", $"must be at most {MaxTitle} characters (got {title.Length}).");
        }

        var summary = string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim();
        if (summary is { Length: > MaxSummary })
        {
            Add("summary", $"must be at most {MaxSummary} characters (got {summary.Length}).");
        }

        var link = ParseUrl(request.Link, "link", Add);
        var imageUrl = ParseUrl(request.ImageUrl, "image_url", Add);

        JsonElement? data = null;
        if (request.Data is { } rawData && rawData.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            if (rawData.ValueKind != JsonValueKind.Object)
            {
                Add("data", $"must be a JSON object (got {rawData.ValueKind}).");
            }
            else if (rawData.GetRawText().Length > MaxDataBytes)
            {
                Add("data", $"must be at most {MaxDataBytes} characters of JSON.");
            }
            else
            {
                data = rawData.Clone();
            }
        }

        var channels = new List<string>();
        var requested = request.Channels is { Count: > 0 } ? request.Channels : options.DefaultChannels;
        if (requested.Count == 0)
        {
            Add("channels", "at least one channel is required (none given and no default channels configured).");
        }
        else if (requested.Count > MaxChannels)
        {
            Add("channels", $"must list at most {MaxChannels} channels (got {requested.Count}).");
        }
        else
        {
            var fromRequest = request.Channels is { Count: > 0 };
            for (var i = 0; i < requested.Count; i++)
            {
                var field = fromRequest ? $"channels[{i}]" : "channels";
                var channel = AutopostChannels.Normalize(requested[i]);
                if (channel is null)
                {
                    Add(field, $"'{requested[i]}' is not a channel: use platform/account, e.g. facebook/001.");
                }
                else if (!options.Channels.ContainsKey(channel))
                {
                    Add(field, $"'{channel}' is not a configured channel (Autopost:Channels).");
                }
                else if (channels.Contains(channel, StringComparer.Ordinal))
                {
                    Add(field, $"'{channel}' is listed twice.");
                }
                else
                {
                    channels.Add(channel);
                }
            }
        }

        var dedupKey = string.IsNullOrWhiteSpace(request.DedupKey) ? AutopostDedupKeys.FromData(data) : request.DedupKey.Trim();
        if (dedupKey is { Length: > MaxDedupKey })
        {
            Add("dedup_key", $"must be at most {MaxDedupKey} characters (got {dedupKey.Length}).");
        }

        var template = string.IsNullOrWhiteSpace(request.Template) ? null : request.Template.Trim();
        var variant = string.IsNullOrWhiteSpace(request.Variant) ? null : request.Variant.Trim();
        if (request.PublishAt is { } publishAt && (publishAt.Year < 2000 || publishAt.Year > 9000))
        {
            Add("publish_at", "is not a plausible instant.");
        }

        if (errors.Count > 0)
        {
            var final = new Dictionary<string, string[]>(errors.Count, StringComparer.Ordinal);
            foreach (var (field, list) in errors)
            {
                final[field] = [.. list];
            }

            throw new AutopostValidationException(final);
        }

        var results = new AutopostChannelResult[channels.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new AutopostChannelResult { Channel = channels[i] };
        }

        return new AutopostItem
        {
            Id = 0,
            Title = title!,
            Summary = summary,
            Link = link,
            ImageUrl = imageUrl,
            Data = data,
            Template = template,
            Variant = variant,
            DedupKey = dedupKey,
            PublishAt = (request.PublishAt ?? now).ToUniversalTime(),
            Status = AutopostStatus.Ready,
            CreatedAt = now,
            UpdatedAt = now,
            Channels = results,
        };
    }

    private static Uri? ParseUrl(string? value, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxUrl)
        {
            add(field, $"must be at most {MaxUrl} characters.");
            return null;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            add(field, "must be an absolute http or https URL.");
            return null;
        }

        return uri;
    }
}
