namespace Rizquna.Scheduling.Plans;

/// <summary>One account's platform-side identity.</summary>
public sealed class AccountSettings
{
    /// <summary>The platform-side id (Page id, Instagram user id, chat id, WAHA session…). Defaults to the account key.</summary>
    public string? PlatformAccountId { get; set; }

    /// <summary>A reference to the account's credential (a key in the credential store), never the secret itself.</summary>
    public string? CredentialRef { get; set; }

    /// <summary>Other platform-side ids (e.g. <c>page_id</c> for an Instagram account); passed to the jobs as parameters.</summary>
    public Dictionary<string, string> Ids { get; set; } = new(StringComparer.Ordinal);
}
