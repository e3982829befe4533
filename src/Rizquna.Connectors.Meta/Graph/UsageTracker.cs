using System.Collections.Concurrent;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// The latest usage Meta reported, app-wide and per account (Page id or Instagram user id). Once a reading reaches the
/// threshold, calls for that scope are refused as "rate limited" until Meta's regain time (or
/// <see cref="MetaOptions.UsageBlockDuration"/>) has passed, instead of spending the last calls.
/// </summary>
internal sealed class UsageTracker
{
    private readonly ConcurrentDictionary<string, AccountUsage> _accounts = new(StringComparer.Ordinal);
    private readonly AccountUsage _app = new();

    /// <summary>The last parsed usage headers, shared by every Graph client of the container.</summary>
    public UsageHeaderMemo HeaderMemo { get; } = new();

    /// <summary>Records a response's usage for <paramref name="accountId"/>.</summary>
    public void Observe(string accountId, UsageReading reading, DateTimeOffset now, int thresholdPercent, TimeSpan blockDuration)
    {
        if (reading.IsEmpty)
        {
            return;
        }

        if (reading.AppPercent >= 0)
        {
            _app.Update(reading.AppPercent, reading.AppPercent >= thresholdPercent ? reading.RegainAccessIn : null, now, thresholdPercent, blockDuration);
        }

        if (reading.AccountPercent >= 0 || reading.RegainAccessIn is not null)
        {
            var usage = _accounts.GetOrAdd(accountId, static _ => new AccountUsage());
            usage.Update(Math.Max(0, reading.AccountPercent), reading.RegainAccessIn, now, thresholdPercent, blockDuration);
        }
    }

    /// <summary>How long calls for <paramref name="accountId"/> stay refused, or null when they may go ahead.</summary>
    public (TimeSpan Wait, double Percent, bool AppWide)? BlockedFor(string accountId, DateTimeOffset now)
    {
        if (_app.BlockedFor(now) is { } appWait)
        {
            return (appWait, _app.Percent, true);
        }

        if (_accounts.TryGetValue(accountId, out var usage) && usage.BlockedFor(now) is { } wait)
        {
            return (wait, usage.Percent, false);
        }

        return null;
    }

    /// <summary>The last usage percentage seen for the account (max of its headers), or null when none was seen.</summary>
    public double? PercentFor(string accountId) => _accounts.TryGetValue(accountId, out var usage) ? usage.Percent : null;

    /// <summary>The last app-wide usage percentage seen, or null.</summary>
    public double? AppPercent => _app.Percent < 0 ? null : _app.Percent;

    private sealed class AccountUsage
    {
        private readonly Lock _gate = new();
        private long _blockedUntilTicks;

        public double Percent { get; private set; } = -1;

        public void Update(double percent, TimeSpan? regain, DateTimeOffset now, int threshold, TimeSpan blockDuration)
        {
            lock (_gate)
            {
                Percent = percent;
                if (percent >= threshold || regain is { Ticks: > 0 })
                {
                    var until = now + (regain is { Ticks: > 0 } r ? r : blockDuration);
                    _blockedUntilTicks = until.UtcTicks;
                }
                else
                {
                    _blockedUntilTicks = 0;
                }
            }
        }

        public TimeSpan? BlockedFor(DateTimeOffset now)
        {
            var until = Volatile.Read(ref _blockedUntilTicks);
            var wait = until - now.UtcTicks;
            return until != 0 && wait > 0 ? TimeSpan.FromTicks(wait) : null;
        }
    }
}
