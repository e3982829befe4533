using System.Collections.Concurrent;

namespace Rizquna.Scheduling.Triggers;

/// <summary>
/// The UTC ranges in which a zone's clocks repeat an hour (the second pass of a fall-back overlap), precomputed
/// once per zone for 2000–2150 so the cron hot path checks them with a binary search and no allocation.
/// </summary>
internal sealed class FallBackWindows
{
    private static readonly ConcurrentDictionary<string, FallBackWindows> Cache = new(StringComparer.Ordinal);

    private readonly long[] _secondPassStart;
    private readonly long[] _secondPassEnd;
    private readonly long[] _delta;

    private FallBackWindows(List<(long Start, long End, long Delta)> windows)
    {
        _secondPassStart = new long[windows.Count];
        _secondPassEnd = new long[windows.Count];
        _delta = new long[windows.Count];
        for (var i = 0; i < windows.Count; i++)
        {
            (_secondPassStart[i], _secondPassEnd[i], _delta[i]) = windows[i];
        }
    }

    public static FallBackWindows For(TimeZoneInfo zone) => Cache.GetOrAdd(zone.Id, static (_, z) => Compute(z), zone);

    /// <summary>
    /// When <paramref name="utcTicks"/> lies in a second pass, returns how far back the same wall-clock time was in
    /// the first pass; otherwise zero.
    /// </summary>
    public long SecondPassDelta(long utcTicks)
    {
        var starts = _secondPassStart;
        if (starts.Length == 0)
        {
            return 0;
        }

        // Index of the last window starting at or before the instant.
        var i = Array.BinarySearch(starts, utcTicks);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && utcTicks < _secondPassEnd[i] ? _delta[i] : 0;
    }

    private static FallBackWindows Compute(TimeZoneInfo zone)
    {
        var windows = new List<(long, long, long)>();
        var day = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2150, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(day);
        while (day < end)
        {
            var next = day.AddDays(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset < offset)
            {
                // Find the transition instant to the minute by bisection.
                DateTimeOffset lo = day, hi = next;
                while (hi - lo > TimeSpan.FromMinutes(1))
                {
                    var mid = lo + ((hi - lo) / 2);
                    if (zone.GetUtcOffset(mid) == offset)
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                var delta = (offset - nextOffset).Ticks;
                windows.Add((hi.UtcTicks, hi.UtcTicks + delta, delta));
            }

            offset = nextOffset;
            day = next;
        }

        return new FallBackWindows(windows);
    }
}
