using System.Text;
using BenchmarkDotNet.Attributes;
using Rizquna.Connectors.Telegram;

namespace Rizquna.Benchmarks.Telegram;

/// <summary>
/// HTML escaping plus line-boundary splitting of a 50 KB nightly report into 4,096-character Telegram messages
/// (target ≤ 200 µs). The report has the shape of lane C's recap: one line per account, with characters to escape.
/// </summary>
[MemoryDiagnoser]
public class TelegramReportFormattingBenchmarks
{
    private Report _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = new StringBuilder();
        var i = 0;
        while (body.Length < 50 * 1024)
        {
            body.Append("akun ").Append(i.ToString("000")).Append(": post OK 3/3, reply 12 <ok>, gagal 1 & retry 2 — error: \"timeout\"\n");
            i++;
        }

        _report = new Report("Laporan malam <21:00>", body.ToString(), ReportSeverity.Warning, DateTimeOffset.UnixEpoch);
    }

    [Benchmark]
    public int EscapeAndSplit50KbReport() => TelegramReporter.Format(_report, 4096).Count;
}
