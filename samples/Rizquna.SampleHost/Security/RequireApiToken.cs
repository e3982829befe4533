using Rizquna.SampleHost.Errors;

namespace Rizquna.SampleHost.Security;

/// <summary>Endpoint filter: the request must carry one of the configured bearer tokens.</summary>
internal sealed class RequireApiToken(ApiTokens tokens) : IEndpointFilter
{
    /// <summary>The key under which the caller's token index is stored in <see cref="HttpContext.Items"/>.</summary>
    public const string ClientItem = "rizquna.client";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var index = tokens.Match(context.HttpContext.Request);
        if (index < 0)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Unauthorized();
        }

        context.HttpContext.Items[ClientItem] = "token-" + index;
        return await next(context);
    }
}
