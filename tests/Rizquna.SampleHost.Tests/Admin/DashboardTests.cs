using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Rizquna.SampleHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Rizquna.SampleHost.Tests.Admin;

/// <summary>
/// Opens /admin in Debian's headless Chromium against the real host and reads the DOM after the page's scripts ran:
/// real queue data is rendered and the tables sort by status and by time. In CI (CI=true) Chromium must be present.
/// </summary>
public sealed partial class DashboardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_renders_real_data_and_sorts_by_status_and_time()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.NotEqual("true", Environment.GetEnvironmentVariable("CI")?.ToLowerInvariant());
            output.WriteLine("SKIPPED: chromium is not installed (apt-get install chromium); the dashboard test did not run.");
            Console.WriteLine("SKIPPED: DashboardTests — chromium is not installed.");
            return;
        }

        await using var host = await RunningHost.StartAsync(HostSettings.WithChannels());
        var page = await host.Anonymous.GetAsync("/admin");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"/admin answered {page.StatusCode}: " + string.Join("\n", host.Logs.Lines.Where(l => l.Contains("Exception"))));
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/admin/admin.js")).StatusCode);
        var ids = new List<long>();
        foreach (var (title, at) in new[] { ("Alpha item", "2031-01-01T08:00:00Z"), ("Bravo item", "2033-01-01T08:00:00Z"), ("Charlie item", "2032-01-01T08:00:00Z") })
        {
            var response = await host.Client.PostAsync("/api/autopost/ingest", new StringContent(
                $$"""{"title":"{{title}}","summary":"s","link":"https://example.com/{{title.Length}}","publish_at":"{{at}}"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.Add(doc.RootElement.GetProperty("id").GetInt64());
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync($"/api/autopost/queue/{ids[1]}/cancel", null)).StatusCode);

        var byStatus = await DumpAsync(chromium, host, "sort=status&dir=asc");
        Assert.Contains("data-loaded=\"true\"", byStatus);
        var queue = QueueRows(byStatus);
        Assert.Equal(3, queue.Count);
        Assert.Equal(["cancelled", "ready", "ready"], queue.Select(r => r.Status));
        Assert.Equal("Bravo item", queue[0].Title);
        Assert.Contains("DRY-RUN", byStatus);
        Assert.Matches("ops_|tg_|fb_", byStatus); // jobs of the generated plan are listed

        var byTime = await DumpAsync(chromium, host, "sort=time&dir=desc");
        Assert.Equal(["Bravo item", "Charlie item", "Alpha item"], QueueRows(byTime).Select(r => r.Title));
        var byTimeAsc = await DumpAsync(chromium, host, "sort=time&dir=asc");
        Assert.Equal(["Alpha item", "Charlie item", "Bravo item"], QueueRows(byTimeAsc).Select(r => r.Title));
    }

    private async Task<string> DumpAsync(string chromium, RunningHost host, string fragment)
    {
        var url = new Uri(host.BaseAddress, "/admin").AbsoluteUri + "#token=" + RunningHost.Token + "&" + fragment;
        var profile = Path.Combine(host.DataDirectory, "chromium-" + Guid.NewGuid().ToString("n"));
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                     "--virtual-time-budget=20000", "--dump-dom", url })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var html = await dom;
        if (!html.Contains("data-loaded=\"true\"", StringComparison.Ordinal))
        {
            output.WriteLine(await errors);
            output.WriteLine(html);
        }

        return html;
    }

    private static List<(string Title, string Status)> QueueRows(string html)
    {
        var table = QueueTable().Match(html);
        Assert.True(table.Success, "the queue table is in the DOM");
        return QueueRow().Matches(table.Value)
            .Select(m => (WebUtility.HtmlDecode(m.Groups["title"].Value), m.Groups["status"].Value))
            .ToList();
    }

    private static string? FindChromium()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex("""<table id="queue".*?</table>""", RegexOptions.Singleline)]
    private static partial Regex QueueTable();

    [GeneratedRegex("""<tr data-time="[^"]*" data-status="(?<status>[^"]*)"><td>\d+</td><td>(?<title>[^<]*)</td>""")]
    private static partial Regex QueueRow();
}
