using System.Globalization;
using System.Text.Json;

namespace Rizquna.SampleHost.Ingest;

/// <summary>
/// Checks an ingest body field by field and names every problem, so one response tells the caller everything to fix.
/// Unknown fields are rejected too: a misspelt <c>publishAt</c> silently ignored would publish at the wrong time.
/// </summary>
public sealed class IngestValidator(TimeProvider time, IChannelCatalog? channels = null)
{
    /// <summary>Longest title accepted.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>Longest summary accepted.</summary>
    public const int MaxSummaryLength = 10_000;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "title", "summary", "link", "image_url", "data", "channels", "publish_at",
    };

    private static readonly Dictionary<string, string> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["imageUrl"] = "image_url", ["image"] = "image_url", ["publishAt"] = "publish_at", ["publish_time"] = "publish_at",
        ["url"] = "link", ["channel"] = "channels", ["description"] = "summary", ["body"] = "summary",
    };

    /// <summary>Validates; returns the command or the errors by field.</summary>
    public (IngestCommand? Command, Dictionary<string, string[]>? Errors) Validate(JsonElement root, TimeSpan maxPublishAtAge)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            Add("$", $"The body must be a JSON object, not {Describe(root.ValueKind)}.");
            return (null, Flatten(errors));
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                Add(property.Name, Hints.TryGetValue(property.Name, out var hint)
                    ? $"Unknown field; did you mean '{hint}'?"
                    : "Unknown field. Allowed: title, summary, link, image_url, data, channels, publish_at.");
            }
        }

        var title = RequiredString(root, "title", MaxTitleLength, Add);
        var summary = RequiredString(root, "summary", MaxSummaryLength, Add);
        var link = Url(root, "link", required: true, Add);
        var image = Url(root, "image_url", required: false, Add);

        JsonElement? data = null;
        if (root.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null)
        {
            if (dataElement.ValueKind == JsonValueKind.Object)
            {
                data = dataElement.Clone();
            }
            else
            {
                Add("data", $"Must be a JSON object, not {Describe(dataElement.ValueKind)}.");
            }
        }

        var channelList = new List<string>();
        if (root.TryGetProperty("channels", out var channelsElement) && channelsElement.ValueKind != JsonValueKind.Null)
        {
            if (channelsElement.ValueKind != JsonValueKind.Array)
            {
                Add("channels", $"Must be an array of channel names such as \"telegram/001\", not {Describe(channelsElement.ValueKind)}.");
            }
            else
            {
                var index = 0;
                foreach (var item in channelsElement.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                    {
                        Add($"channels[{index}]", "Must be a non-empty string.");
                    }
                    else if (channels is null)
                    {
                        channelList.Add(item.GetString()!.Trim());
                    }
                    else if (channels.Resolve(item.GetString()!) is { } resolved)
                    {
                        foreach (var channel in resolved)
                        {
                            if (!channelList.Contains(channel, StringComparer.Ordinal))
                            {
                                channelList.Add(channel);
                            }
                        }
                    }
                    else
                    {
                        Add($"channels[{index}]", $"Unknown channel '{item.GetString()}'. Known: {string.Join(", ", channels.All)}.");
                    }

                    index++;
                }
            }
        }

        DateTimeOffset? publishAt = null;
        if (root.TryGetProperty("publish_at", out var at) && at.ValueKind != JsonValueKind.Null)
        {
            if (at.ValueKind != JsonValueKind.String)
            {
                Add("publish_at", $"Must be an ISO-8601 string with an offset (e.g. 2025-01-31T08:00:00Z), not {Describe(at.ValueKind)}.");
            }
            else if (!DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                     || !HasOffset(at.GetString()!))
            {
                Add("publish_at", $"'{at.GetString()}' is not an ISO-8601 time with an offset (e.g. 2025-01-31T08:00:00Z).");
            }
            else if (parsed < time.GetUtcNow() - maxPublishAtAge)
            {
                Add("publish_at", $"{parsed.ToUniversalTime():O} is more than {maxPublishAtAge.TotalMinutes:0} minutes in the past.");
            }
            else
            {
                publishAt = parsed.ToUniversalTime();
            }
        }

        if (errors.Count > 0)
        {
            return (null, Flatten(errors));
        }

        return (new IngestCommand
        {
            Title = title!,
            Summary = summary!,
            Link = link!,
            ImageUrl = image,
            Data = data,
            Channels = channelList,
            PublishAt = publishAt,
        }, null);
    }

    private static string? RequiredString(JsonElement root, string name, int max, Action<string, string> add)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            add(name, "Required.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            add(name, $"Must be a string, not {Describe(value.ValueKind)}.");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            add(name, "Must not be empty.");
            return null;
        }

        if (text.Length > max)
        {
            add(name, $"Is {text.Length} characters long; the limit is {max}.");
            return null;
        }

        return text.Trim();
    }

    private static Uri? Url(JsonElement root, string name, bool required, Action<string, string> add)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                add(name, "Required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            add(name, $"Must be a string URL, not {Describe(value.ValueKind)}.");
            return null;
        }

        var text = value.GetString()!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            add(name, $"'{Shorten(text)}' is not an absolute URL (it must start with http:// or https://).");
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            add(name, $"Scheme '{uri.Scheme}' is not allowed; use http or https.");
            return null;
        }

        if (text.Length > 2048)
        {
            add(name, "Is longer than 2048 characters.");
            return null;
        }

        return uri;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0)
        {
            return false;
        }

        var tail = text.AsSpan(t);
        return tail.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || tail.LastIndexOfAny('+', '-') > 0;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static Dictionary<string, string[]> Flatten(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(static e => e.Key, static e => e.Value.ToArray(), StringComparer.Ordinal);
}
