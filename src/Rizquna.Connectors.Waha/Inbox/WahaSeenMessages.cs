using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.Waha.Inbox;

/// <summary>
/// The message ids recently handed out per WAHA session (ids are unique within a session, whichever account the host maps it to), shared by the webhook and the poller so that a message seen by both
/// is delivered once. Bounded (<see cref="WahaOptions.SeenMessageCapacity"/>): the oldest ids are forgotten first. Process-local;
/// the kernel's store dedups across restarts by (account, id).
/// </summary>
internal sealed class WahaSeenMessages
{
    private readonly ConcurrentDictionary<string, Window> _sessions = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<WahaOptions> _options;

    public WahaSeenMessages(IOptionsMonitor<WahaOptions> options) => _options = options;

    /// <summary>True the first time an id is offered for the session; false for a duplicate.</summary>
    public bool TryMarkNew(string session, string messageId) =>
        _sessions.GetOrAdd(session, static (_, capacity) => new Window(capacity), _options.CurrentValue.SeenMessageCapacity)
            .TryAdd(messageId);

    private sealed class Window(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly Queue<string> _order = new();

        public bool TryAdd(string id)
        {
            lock (_gate)
            {
                if (!_ids.Add(id))
                {
                    return false;
                }

                _order.Enqueue(id);
                if (_order.Count > capacity)
                {
                    _ids.Remove(_order.Dequeue());
                }

                return true;
            }
        }
    }
}
