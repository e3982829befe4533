namespace Rizquna.SampleHost.Admin;

/// <summary>
/// Serves the read-only dashboard: static HTML and JS embedded in the assembly (so it works from any content root),
/// which call the API with a token the operator types in (kept in the tab's session storage only).
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", () => Asset("index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/admin/admin.js", () => Asset("admin.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/admin/admin.css", () => Asset("admin.css", "text/css; charset=utf-8")).ExcludeFromDescription();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    private static IResult Asset(string name, string contentType)
    {
        var bytes = Cache.GetOrAdd(name, static n =>
        {
            using var stream = typeof(AdminEndpoints).Assembly.GetManifestResourceStream("Rizquna.SampleHost.Admin.wwwroot." + n);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        return bytes is null ? Results.NotFound() : Results.Bytes(bytes, contentType);
    }
}
