using System.Text.Json;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>Reads Graph's error envelope from a response body, tolerating bodies that are not JSON.</summary>
internal static class GraphErrorParser
{
    /// <summary>The error in <paramref name="body"/>, or null when the body has no Graph error envelope.</summary>
    public static GraphError? Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize(body, GraphJsonContext.Default.GraphErrorEnvelope);
            return envelope?.Error is { } e
                ? new GraphError(e.Message, e.Type, e.Code, e.ErrorSubcode, e.IsTransient ?? false, e.FbtraceId, e.ErrorUserTitle, e.ErrorUserMsg)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The error in a text body (tests, webhook payloads); see <see cref="Parse(ReadOnlySpan{byte})"/>.</summary>
    public static GraphError? Parse(string? body) =>
        string.IsNullOrEmpty(body) ? null : Parse(System.Text.Encoding.UTF8.GetBytes(body));
}
