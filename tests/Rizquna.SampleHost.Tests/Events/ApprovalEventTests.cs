using System.Net;
using System.Text.Json;
using Rizquna.Scheduling.Approvals;
using Rizquna.SampleHost.Tests.Infrastructure;

namespace Rizquna.SampleHost.Tests.Events;

public sealed class ApprovalEventTests
{
    [Fact]
    public async Task Approval_requested_event_and_timeline_carry_the_approval_id_that_approves_it()
    {
        await using var receiver = await FakeServer.StartAsync();
        receiver.Handler = _ => (200, "{}");
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Rizquna:Events:Urls:0"] = new Uri(receiver.BaseAddress, "/n8n/hook").AbsoluteUri,
            ["Rizquna:Events:Secret"] = "event-secret-abcdef0123456789",
            ["Rizquna:Events:PollInterval"] = "00:00:00.050",
            ["Rizquna:Host:AutopostPollInterval"] = "00:00:00.050",
        });
        var gate = host.Services.GetRequiredService<ApprovalService>();
        var pending = await gate.CheckAsync(new ApprovalRequest { ActionKey = "delete:telegram/001:42", ActionType = "delete", CorrelationId = "run-7" });
        Assert.Equal(ApprovalGateStatus.Pending, pending.Status);

        var delivered = await Eventually.WaitAsync(() => Task.FromResult(receiver.Requests.FirstOrDefault(r => r.Body.Contains("approval.requested"))), "approval.requested delivered");
        using var envelope = JsonDocument.Parse(delivered.Body);
        var payload = envelope.RootElement.GetProperty("payload");
        var approvalId = payload.GetProperty("approval_id").GetString();
        Assert.Equal(pending.ApprovalId, approvalId);
        Assert.Equal("run-7", payload.GetProperty("correlation_id").GetString());

        using var timeline = JsonDocument.Parse(await host.Client.GetStringAsync("/api/timeline?type=approval.requested"));
        Assert.Equal(approvalId, timeline.RootElement.GetProperty("items")[0].GetProperty("subject_id").GetString());

        var approve = await host.Client.PostAsync(payload.GetProperty("approve_path").GetString(), null);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(ApprovalGateStatus.Proceed, (await gate.CheckAsync(new ApprovalRequest { ActionKey = "delete:telegram/001:42", ActionType = "delete" })).Status);
    }
}
