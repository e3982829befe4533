using System.Net;
using Rizquna.Connectors.Meta.Graph;
using Rizquna.Connectors.Meta.Graph.Models;
using RichardSzalay.MockHttp;

namespace Rizquna.Connectors.Meta.Tests;

public sealed class GraphErrorMappingTests
{
    public static TheoryData<int, int?, bool?, int, PlatformErrorKind> Cases() => new()
    {
        // 190 and its subcodes.
        { 190, 463, null, 400, PlatformErrorKind.AuthExpired },          // expired
        { 190, 467, null, 400, PlatformErrorKind.AuthExpired },          // invalid access token
        { 190, null, null, 400, PlatformErrorKind.AuthExpired },
        { 190, 460, null, 400, PlatformErrorKind.ReauthorizationRequired }, // password changed
        { 190, 458, null, 400, PlatformErrorKind.ReauthorizationRequired }, // app not authorised
        { 190, 459, null, 400, PlatformErrorKind.ReauthorizationRequired }, // checkpointed
        { 190, 464, null, 400, PlatformErrorKind.ReauthorizationRequired },
        { 190, 492, null, 400, PlatformErrorKind.ReauthorizationRequired }, // session invalid
        { 102, null, null, 400, PlatformErrorKind.AuthExpired },
        // Rate limits.
        { 4, null, null, 400, PlatformErrorKind.RateLimited },
        { 17, null, null, 400, PlatformErrorKind.RateLimited },
        { 32, null, null, 400, PlatformErrorKind.RateLimited },
        { 613, 1996, null, 400, PlatformErrorKind.RateLimited },
        { 80000, null, null, 400, PlatformErrorKind.RateLimited },
        { 80001, null, null, 400, PlatformErrorKind.RateLimited },
        { 80002, null, null, 400, PlatformErrorKind.RateLimited },
        { 80006, null, null, 400, PlatformErrorKind.RateLimited },
        { 80014, null, null, 400, PlatformErrorKind.RateLimited },
        { 9, 2207042, null, 400, PlatformErrorKind.RateLimited },        // IG publishing limit
        { 4, 2207051, null, 400, PlatformErrorKind.RateLimited },        // suspected spam: long cooldown
        { 368, null, null, 400, PlatformErrorKind.RateLimited },         // policy block: long cooldown
        // Transient.
        { 1, null, null, 500, PlatformErrorKind.Transient },
        { 2, null, null, 500, PlatformErrorKind.Transient },
        { 100, null, true, 400, PlatformErrorKind.Transient },          // is_transient wins over invalid parameter
        { 12345, null, true, 400, PlatformErrorKind.Transient },
        { 9004, 2207052, null, 400, PlatformErrorKind.Transient },      // media fetch failed: retryable
        { -2, 2207003, null, 400, PlatformErrorKind.Transient },
        { -1, 2207001, null, 400, PlatformErrorKind.Transient },
        { 24, 2207008, null, 400, PlatformErrorKind.Transient },
        { 9007, 2207027, null, 400, PlatformErrorKind.Transient },      // not ready yet
        // Invalid content.
        { 100, null, null, 400, PlatformErrorKind.InvalidContent },
        { 100, 2207023, null, 400, PlatformErrorKind.InvalidContent },
        { 100, 2207028, null, 400, PlatformErrorKind.InvalidContent },
        { 36000, 2207004, false, 400, PlatformErrorKind.InvalidContent },
        { 36003, 2207009, null, 400, PlatformErrorKind.InvalidContent },
        { 36004, 2207010, null, 400, PlatformErrorKind.InvalidContent },
        { 352, 2207026, null, 400, PlatformErrorKind.InvalidContent },
        { 100, 1366046, null, 400, PlatformErrorKind.InvalidContent },
        // Permanent, forbidden.
        { 506, null, null, 400, PlatformErrorKind.Permanent },
        { 100, 1366051, null, 400, PlatformErrorKind.Permanent },
        { 10, null, null, 403, PlatformErrorKind.Forbidden },
        { 200, null, null, 403, PlatformErrorKind.Forbidden },
        { 25, 2207050, null, 400, PlatformErrorKind.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_graph_error_maps_to_its_kind(int code, int? subcode, bool? transient, int status, PlatformErrorKind expected)
    {
        using var meta = new MetaHarness();
        meta.Http.When(HttpMethod.Get, MetaHarness.Base + "me").Respond(_ => MetaHarness.Json((HttpStatusCode)status, MetaHarness.Error(code, subcode, transient: transient)));
        var graph = meta.Get<GraphClient>();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => graph.GetAsync(MetaHarness.Page, "me", GraphJsonContext.Default.IdResponse, default));

        Assert.Equal(expected, ex.Kind);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.PlatformCode);
        Assert.Equal(subcode?.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.PlatformSubcode);
        Assert.Equal("AbCdTrace", ex.TraceId);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Contains("\"code\":" + code, ex.RawBody);
    }

    [Fact]
    public void The_session_invalidated_message_needs_reauthorisation()
    {
        var (kind, _) = GraphErrorKinds.Classify(190, null, false, "Error validating access token: The session has been invalidated because the user changed their password.", 400);
        Assert.Equal(PlatformErrorKind.ReauthorizationRequired, kind);
    }

    [Fact]
    public void A_policy_block_recommends_the_long_cooldown()
    {
        var ex = GraphErrorMapper.Map(PlatformId.Facebook, GraphErrorParser.Parse(MetaHarness.Error(368)), 400, null, UsageReading.None, null, false, TimeSpan.FromHours(24));
        Assert.Equal(TimeSpan.FromHours(24), ex.Cooldown);
        Assert.Equal(TimeSpan.FromHours(24), ex.RetryAfter);
    }

    [Fact]
    public async Task A_rate_limit_takes_its_wait_from_estimated_time_to_regain_access()
    {
        using var meta = new MetaHarness();
        meta.Http.When(HttpMethod.Get, MetaHarness.Base + "me").Respond(_ => MetaHarness.Json(HttpStatusCode.BadRequest, MetaHarness.Error(80001),
            (UsageHeaders.BusinessUseCaseUsage, "{\"" + MetaHarness.PageId + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":12,\"total_time\":30,\"estimated_time_to_regain_access\":17}]}")));

        var ex = await Assert.ThrowsAsync<PlatformException>(() => meta.Get<GraphClient>().GetAsync(MetaHarness.Page, "me", GraphJsonContext.Default.IdResponse, default));

        Assert.Equal(PlatformErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromMinutes(17), ex.RetryAfter);
    }

    [Fact]
    public async Task A_5xx_on_a_content_creating_call_is_outcome_unknown_and_sent_once()
    {
        using var meta = new MetaHarness();
        var calls = 0;
        meta.Http.When(HttpMethod.Post, MetaHarness.Base + MetaHarness.PageId + "/feed").Respond(_ =>
        {
            calls++;
            return MetaHarness.Json(HttpStatusCode.InternalServerError, MetaHarness.Error(2, transient: true));
        });

        var ex = await Assert.ThrowsAsync<PlatformException>(() => meta.Get<GraphClient>().PostJsonAsync(MetaHarness.Page, MetaHarness.PageId + "/feed",
            new FeedRequest { Message = "hi" }, GraphJsonContext.Default.FeedRequest, GraphJsonContext.Default.IdResponse, GraphWrite.CreatesContent, default));

        Assert.Equal(PlatformErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Equal("2", ex.PlatformCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_read_failing_with_5xx_is_retried_then_transient()
    {
        using var meta = new MetaHarness();
        var calls = 0;
        meta.Http.When(HttpMethod.Get, MetaHarness.Base + "me").Respond(_ =>
        {
            calls++;
            return MetaHarness.Json(HttpStatusCode.InternalServerError, MetaHarness.Error(1));
        });

        var ex = await Assert.ThrowsAsync<PlatformException>(() => meta.Get<GraphClient>().GetAsync(MetaHarness.Page, "me", GraphJsonContext.Default.IdResponse, default));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
        Assert.Equal(4, calls); // 1 + 3 retries
    }

    [Fact]
    public void The_raw_body_is_cut_to_4_KB_and_a_body_without_envelope_still_maps()
    {
        var body = new string('x', 10_000);
        var ex = GraphErrorMapper.Map(PlatformId.Facebook, GraphErrorParser.Parse(body), 502, body, UsageReading.None, null, false, TimeSpan.FromHours(1));

        Assert.Equal(PlatformErrorKind.Transient, ex.Kind);
        Assert.True(ex.RawBody!.Length <= PlatformException.MaxRawBodyLength);
        Assert.Null(ex.PlatformCode);
    }

    [Fact]
    public void The_parser_reads_every_envelope_field()
    {
        var error = GraphErrorParser.Parse("{\"error\":{\"message\":\"The image size is too large.\",\"type\":\"OAuthException\",\"code\":36000,\"error_subcode\":2207004,\"is_transient\":false,\"error_user_title\":\"Image size too large\",\"error_user_msg\":\"The image is too large to download. It should be less than 8 MiB.\",\"fbtrace_id\":\"A6LJylpZRKw2xKLFsAP-cJh\"}}");

        Assert.NotNull(error);
        Assert.Equal(36000, error!.Code);
        Assert.Equal(2207004, error.Subcode);
        Assert.False(error.IsTransient);
        Assert.Equal("A6LJylpZRKw2xKLFsAP-cJh", error.FbTraceId);
        Assert.Equal("Image size too large", error.UserTitle);
        Assert.Null(GraphErrorParser.Parse("<html>bad gateway</html>"));
    }
}
