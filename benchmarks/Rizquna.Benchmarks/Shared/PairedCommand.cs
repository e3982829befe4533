using Rizquna.Benchmarks.Telegram;
using Rizquna.Benchmarks.Waha;

namespace Rizquna.Benchmarks.Shared;

/// <summary>
/// <c>paired telegram|waha [rounds]</c>: runs a <see cref="PairedRatio"/> measurement instead of BenchmarkDotNet and prints
/// its Markdown table with the load average.
/// </summary>
internal static class PairedCommand
{
    private static readonly Dictionary<string, Func<int, PairedRatio.Result>> Suites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = static rounds => TelegramPairedRatio.Run(rounds),
        ["waha"] = static rounds => WahaPairedRatio.Run(rounds),
    };

    /// <summary>True when <paramref name="args"/> asked for a paired run (which then ran).</summary>
    public static bool TryRun(string[] args)
    {
        if (args is not ["paired", .. var rest])
        {
            return false;
        }

        var rounds = rest.Length > 1 && int.TryParse(rest[1], out var r) ? r : 1_000;
        var names = rest.Length > 0 && rest[0] != "all" ? [rest[0]] : Suites.Keys.ToArray();
        foreach (var name in names)
        {
            if (!Suites.TryGetValue(name, out var run))
            {
                Console.Error.WriteLine($"Unknown paired suite '{name}'; known: {string.Join(", ", Suites.Keys)}.");
                Environment.ExitCode = 2;
                return true;
            }

            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
            var result = run(rounds);
            Console.WriteLine($"## {name} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {result.Rounds} rounds × {result.CallsPerRound} calls, load before: {load}, after: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
            Console.WriteLine();
            Console.WriteLine(result.ToMarkdown());
        }

        return true;
    }
}
