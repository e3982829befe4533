namespace Rizquna.Connectors.TikTok.Tests.Fakes;

/// <summary>Response bodies in the real shapes of platform-contracts §2.</summary>
internal static class Bodies
{
    public const string Json = "application/json";

    public static string Ok(string data) =>
        "{\"data\":" + data + ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"202210112248442CB9319E1FB30C1073F3\"}}";

    public static string Error(string code, string message = "something went wrong") =>
        "{\"data\":{},\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"log_id\":\"202210112248442CB9319E1FB30C1073F3\"}}";

    public static string CreatorInfo(string options = "\"PUBLIC_TO_EVERYONE\",\"MUTUAL_FOLLOW_FRIENDS\",\"SELF_ONLY\"", int maxDuration = 300, bool commentDisabled = false) =>
        Ok($$"""{"creator_avatar_url":"https://p16.example/a.jpg","creator_username":"tiktok","creator_nickname":"TikTok Official","privacy_level_options":[{{options}}],"comment_disabled":{{(commentDisabled ? "true" : "false")}},"duet_disabled":false,"stitch_disabled":true,"max_video_post_duration_sec":{{maxDuration}}}""");

    public static string FileInit(string publishId = "v_pub_file~v2-1.123456789") =>
        Ok($$"""{"publish_id":"{{publishId}}","upload_url":"{{TikTokFixture.UploadUrl}}"}""");

    public static string UrlInit(string publishId = "v_pub_url~v2-1.123456789") => Ok($$"""{"publish_id":"{{publishId}}"}""");

    public static string Status(string status, string extra = "") =>
        Ok($$"""{"status":"{{status}}"{{extra}}}""");

    public static string Complete => Status("PUBLISH_COMPLETE", ",\"publicaly_available_post_id\":[7204849475428240000],\"uploaded_bytes\":50000123");

    public static string Token(string access = "act.rotated0000000000000000000000", string refresh = "rft.rotated0000000000000000000000", long expiresIn = 7200, long refreshExpiresIn = 15552000) =>
        $$"""{"access_token":"{{access}}","expires_in":{{expiresIn}},"open_id":"afd97af1-b87b-48b9-ac98-410aghda5344","refresh_expires_in":{{refreshExpiresIn}},"refresh_token":"{{refresh}}","scope":"user.info.basic,video.publish","token_type":"Bearer"}""";

    public static string OAuthError(string error = "invalid_grant") =>
        $$"""{"error":"{{error}}","error_description":"Refresh token is invalid or expired.","log_id":"20230525092208A9B5F6E2D4D7D4A5D6C1"}""";
}
