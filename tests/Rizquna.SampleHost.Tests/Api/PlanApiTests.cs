using System.Net;
using System.Text;
using System.Text.Json;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Api;

public sealed class PlanApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Jobs_generate_rollback_enable_disable_timeline_and_approvals_map_onto_the_kernel()
    {
        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels());

        using var jobs = JsonDocument.Parse(await host.Client.GetStringAsync("/api/jobs"));
        Assert.Equal(1, jobs.RootElement.GetProperty("version").GetInt32());
        var list = jobs.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        Assert.NotEmpty(list);
        var postJob = list.First(j => j.GetProperty("lane").GetString() == "post");
        Assert.True(postJob.TryGetProperty("next_run_at", out _), "jobs show their next run");
        var name = postJob.GetProperty("name").GetString()!;

        var disabled = await host.Client.PostAsync($"/api/jobs/{name}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        using (var after = JsonDocument.Parse(await host.Client.GetStringAsync("/api/jobs")))
        {
            Assert.False(after.RootElement.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == name).GetProperty("enabled").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync($"/api/jobs/{name}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.PostAsync("/api/jobs/no_such_job/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.PostAsync($"/api/jobs/{name}/disable", null)).StatusCode);

        using (var generated = JsonDocument.Parse(await (await host.Client.PostAsync("/api/jobs/generate", null)).Content.ReadAsStringAsync()))
        {
            Assert.False(generated.RootElement.GetProperty("created").GetBoolean());
            Assert.Equal(1, generated.RootElement.GetProperty("version").GetInt32());
        }

        var rollback = await host.Client.PostAsync("/api/jobs/rollback", Json("""{"version":1}"""));
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        using (var rolled = JsonDocument.Parse(await rollback.Content.ReadAsStringAsync()))
        {
            Assert.Equal(2, rolled.RootElement.GetProperty("version").GetInt32());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.PostAsync("/api/jobs/rollback", Json("""{"version":99}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.PostAsync("/api/jobs/rollback", Json("""{"version":"one"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.PostAsync("/api/jobs/rollback", Json("""{"version":"""))).StatusCode);

        using var timeline = JsonDocument.Parse(await host.Client.GetStringAsync("/api/timeline?type=job.disabled,plan.rolled_back"));
        var types = timeline.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("job.disabled", types);
        Assert.Contains("plan.rolled_back", types);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/timeline?from=notatime")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/approvals?status=pending")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/approvals?status=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.PostAsync("/api/approvals/nope/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/reports/daily?date=31-01-2025")).StatusCode);
    }
}
