namespace Rizquna.Connectors.TikTok;

/// <summary>The <c>error.code</c> values and <c>fail_reason</c>s the connector treats specially (platform-contracts §2.1, §2.6).</summary>
public static class TikTokErrorCodes
{
    /// <summary>The access token expired or was revoked: refresh, then retry once.</summary>
    public const string AccessTokenInvalid = "access_token_invalid";
    /// <summary>The user did not grant the scope.</summary>
    public const string ScopeNotAuthorized = "scope_not_authorized";
    /// <summary>The app lacks the scope.</summary>
    public const string ScopePermissionMissed = "scope_permission_missed";
    /// <summary>Too many requests for this token.</summary>
    public const string RateLimitExceeded = "rate_limit_exceeded";
    /// <summary>Prefix of the anti-spam codes (<c>spam_risk_too_many_posts</c>, <c>spam_risk_user_banned_from_posting</c> …).</summary>
    public const string SpamRiskPrefix = "spam_risk";
    /// <summary>The app reached its daily number of posting users.</summary>
    public const string ReachedActiveUserCap = "reached_active_user_cap";
    /// <summary>The PULL_FROM_URL domain or prefix is not verified for the app.</summary>
    public const string UrlOwnershipUnverified = "url_ownership_unverified";
    /// <summary>The privacy level is not one the creator offers.</summary>
    public const string PrivacyLevelOptionMismatch = "privacy_level_option_mismatch";
    /// <summary>A parameter is wrong (posting pages spell it singular).</summary>
    public const string InvalidParam = "invalid_param";
    /// <summary>A parameter is wrong (generic error page spelling).</summary>
    public const string InvalidParams = "invalid_params";
    /// <summary>The upload is not acceptable.</summary>
    public const string InvalidFileUpload = "invalid_file_upload";
    /// <summary>An unaudited app may only post to private accounts.</summary>
    public const string UnauditedClient = "unaudited_client_can_only_post_to_private_accounts";
    /// <summary>The creator's app is too old for this kind of post.</summary>
    public const string AppVersionCheckFailed = "app_version_check_failed";
    /// <summary>A passing failure on TikTok's side.</summary>
    public const string InternalError = "internal_error";
    /// <summary>The publish id is unknown.</summary>
    public const string InvalidPublishId = "invalid_publish_id";
    /// <summary>The publish id belongs to another token.</summary>
    public const string TokenNotAuthorizedForPublishId = "token_not_authorized_for_specified_publish_id";
}
