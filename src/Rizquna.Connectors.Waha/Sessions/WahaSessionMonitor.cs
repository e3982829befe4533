using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Waha.Api;
using Rizquna.Connectors.Waha.Diagnostics;

namespace Rizquna.Connectors.Waha.Sessions;

/// <summary>
/// Remembers which sessions need an operator (QR scan, failed, stopped). Such a session pauses its account: sends fail at
/// once, without a call, until the session is seen WORKING again or <see cref="WahaOptions.SessionRecheckInterval"/> has
/// passed (then one send goes through to find out). Each outage raises exactly one alert, to every reporter except
/// WhatsApp itself (a broken session cannot deliver its own alert).
/// </summary>
internal sealed class WahaSessionMonitor
{
    internal const string WhatsAppReporterName = "whatsapp";

    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    private readonly IServiceProvider? _services;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<WahaOptions> _options;
    private readonly ILogger _logger;

    public WahaSessionMonitor(IOptionsMonitor<WahaOptions> options, TimeProvider? time = null, IServiceProvider? services = null, ILogger<WahaSessionMonitor>? logger = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _services = services;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Throws the session-state error while the session is paused and not yet due for a recheck.</summary>
    public void ThrowIfPaused(string session)
    {
        if (_sessions.TryGetValue(session, out var state) && state.TryGetPause(_time.GetUtcNow(), _options.CurrentValue.SessionRecheckInterval) is { } status)
        {
            throw WahaErrorMapper.SessionState(status, session);
        }
    }

    /// <summary>True while the session is known to need an operator.</summary>
    public bool IsPaused(string session) => _sessions.TryGetValue(session, out var state) && state.Status is not null;

    /// <summary>A call succeeded: the session works.</summary>
    public void NoteWorking(string session)
    {
        if (_sessions.TryGetValue(session, out var state))
        {
            state.Clear();
        }
    }

    /// <summary>Records a session status from any source (inspection, 422, webhook) and alerts once per outage.</summary>
    public async Task ObserveAsync(AccountRef account, string session, string? status, CancellationToken cancellationToken = default)
    {
        if (status == WahaSessionStatus.Working)
        {
            NoteWorking(session);
            return;
        }

        if (!WahaSessionStatus.NeedsOperator(status))
        {
            return; // STARTING or unknown: not (yet) a problem.
        }

        var now = _time.GetUtcNow();
        var state = _sessions.GetOrAdd(session, static _ => new SessionState());
        if (!state.Pause(status!, now))
        {
            return; // already alerted for this outage
        }

        WahaLog.SessionPaused(_logger, session, status!);
        WahaMetrics.SessionsPaused.Add(1, new KeyValuePair<string, object?>("status", status));
        var report = new Report(
            $"WhatsApp session '{session}' needs attention: scan the QR code",
            $"The WAHA session '{session}' of account {account} is {status} since {now:u}. Messages to and from this account are paused.\n"
            + "Open the WAHA dashboard (or GET /api/" + session + "/auth/qr), scan the QR code with the phone, and start the session if it is stopped.",
            ReportSeverity.Critical,
            now)
        {
            Type = "alert.waha.session",
        };
        await AlertAsync(report, cancellationToken).ConfigureAwait(false);
    }

    private async Task AlertAsync(Report report, CancellationToken cancellationToken)
    {
        var reporters = _services?.GetServices<IReporter>() ?? [];
        var delivered = false;
        foreach (var reporter in reporters)
        {
            if (string.Equals(reporter.Name, WhatsAppReporterName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                await reporter.SendAsync(report, cancellationToken).ConfigureAwait(false);
                delivered = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WahaLog.AlertFailed(_logger, reporter.Name, ex.GetType().Name);
            }
        }

        if (!delivered)
        {
            WahaLog.AlertNotDelivered(_logger, report.Title);
        }
    }

    private sealed class SessionState
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _since;

        public string? Status { get; private set; }

        /// <summary>Pauses; true only on the transition from working to paused (the moment to alert).</summary>
        public bool Pause(string status, DateTimeOffset now)
        {
            lock (_gate)
            {
                var wasPaused = Status is not null;
                Status = status;
                _since = now; // a fresh observation restarts the recheck interval
                return !wasPaused;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                Status = null;
            }
        }

        public string? TryGetPause(DateTimeOffset now, TimeSpan recheck)
        {
            lock (_gate)
            {
                return Status is not null && now - _since < recheck ? Status : null;
            }
        }
    }
}
