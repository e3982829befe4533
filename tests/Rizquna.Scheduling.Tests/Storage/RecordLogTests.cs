using Rizquna.Scheduling.Storage.InMemory;

namespace Rizquna.Scheduling.Tests.Storage;

/// <summary>The in-memory store's capped log keeps positional ids across chunks and drops.</summary>
public sealed class RecordLogTests
{
    [Theory]
    [InlineData(10, 25)]
    [InlineData(5_000, 12_345)]
    [InlineData(10_000, 9_000)]
    public void Ids_are_positions_and_the_oldest_half_goes_when_full(int max, int adds)
    {
        var log = new RecordLog<string>();
        var kept = new List<(long Id, string Item)>();
        for (var i = 1; i <= adds; i++)
        {
            // The model: a plain list with the same drop rule.
            if (kept.Count >= max)
            {
                kept.RemoveRange(0, Math.Max(1, kept.Count / 2));
            }

            Assert.Equal(i, log.Add("r" + i, max));
            kept.Add((i, "r" + i));
        }

        Assert.Equal(kept.Count, log.Count);
        Assert.Equal(adds, log.LastId);
        for (var i = 0; i < kept.Count; i++)
        {
            Assert.Equal(kept[i].Item, log[i]);
        }

        // Everything after id 0, in pages of 7 picking even ids only; ids still name the same items.
        var seen = new List<(long, string)>();
        long after = 0;
        while (true)
        {
            var page = log.Query(after, 7, 0, static (_, s) => int.Parse(s[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0, static (s, id) => (id, s));
            seen.AddRange(page.Items);
            if (page.NextAfter is not { } next)
            {
                break;
            }

            after = next;
        }

        Assert.Equal(kept.Where(k => k.Id % 2 == 0).Select(k => (k.Id, k.Item)), seen);
    }
}
