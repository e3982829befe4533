namespace Rizquna.Connectors.Meta.Graph.Models;

internal sealed class GraphErrorEnvelope
{
    public GraphErrorBody? Error { get; set; }
}

internal sealed class GraphErrorBody
{
    public string? Message { get; set; }
    public string? Type { get; set; }
    public int? Code { get; set; }
    public int? ErrorSubcode { get; set; }
    public string? ErrorUserTitle { get; set; }
    public string? ErrorUserMsg { get; set; }
    public bool? IsTransient { get; set; }
    public string? FbtraceId { get; set; }
}

/// <summary>The common create response: <c>{"id":"..","post_id":"..","permalink_url":".."}</c>.</summary>
internal sealed class IdResponse
{
    public string? Id { get; set; }
    public string? PostId { get; set; }
    public string? PermalinkUrl { get; set; }
    public bool? Success { get; set; }
}

/// <summary>A Graph list: <c>{"data":[...],"paging":{"cursors":{"before","after"},"next"}}</c>.</summary>
internal sealed class GraphList<T>
{
    public List<T>? Data { get; set; }
    public GraphPaging? Paging { get; set; }
}

internal sealed class GraphPaging
{
    public GraphCursors? Cursors { get; set; }
    public string? Next { get; set; }
}

internal sealed class GraphCursors
{
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class GraphUser
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Username { get; set; }
}
