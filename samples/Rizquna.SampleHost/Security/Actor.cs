namespace Rizquna.SampleHost.Security;

/// <summary>Who an API call acts as, for the audit log: the token's position, never the token.</summary>
internal static class Actor
{
    public static string Of(HttpContext context) =>
        "api:" + (context.Items[RequireApiToken.ClientItem] as string ?? "anonymous");
}
