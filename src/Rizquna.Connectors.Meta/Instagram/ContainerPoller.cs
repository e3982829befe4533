using System.Text.RegularExpressions;
using Rizquna.Connectors.Meta.Graph;

namespace Rizquna.Connectors.Meta.Instagram;

/// <summary>
/// Waits for an Instagram container to be ready: reads <c>status_code</c> with a doubling delay until FINISHED (or
/// PUBLISHED). ERROR and EXPIRED end with the status text in the error; staying IN_PROGRESS past
/// <see cref="MetaOptions.ContainerPollTimeout"/> ends as transient (the container id is kept for the next attempt).
/// </summary>
internal sealed partial class ContainerPoller(GraphClient graph)
{
    public const string Finished = "FINISHED";
    public const string Published = "PUBLISHED";
    public const string Error = "ERROR";
    public const string Expired = "EXPIRED";
    public const string InProgress = "IN_PROGRESS";

    /// <summary>Reads the container's status once.</summary>
    public async Task<(string? StatusCode, string? Status)> ReadAsync(AccountRef account, string containerId, CancellationToken cancellationToken)
    {
        var status = await graph.GetAsync(account, GraphPaths.Escape(containerId) + "?fields=status_code,status",
            Graph.GraphJsonContext.Default.ContainerStatus, cancellationToken).ConfigureAwait(false);
        return (status.StatusCode, status.Status);
    }

    /// <summary>Returns FINISHED or PUBLISHED; throws on ERROR, EXPIRED or timeout.</summary>
    public async Task<string> WaitAsync(AccountRef account, string containerId, CancellationToken cancellationToken)
    {
        var options = graph.Options;
        var time = graph.Time;
        var deadline = time.GetUtcNow() + options.ContainerPollTimeout;
        var delay = options.ContainerPollInitialDelay;
        while (true)
        {
            var (code, status) = await ReadAsync(account, containerId, cancellationToken).ConfigureAwait(false);
            switch (code)
            {
                case Finished or Published:
                    return code;
                case Error:
                    throw Failed(containerId, code, status);
                case Expired:
                    throw new PlatformException(PlatformId.Instagram, PlatformErrorKind.Transient,
                        $"instagram: container {containerId} EXPIRED before publishing ({status}); a new container is needed.");
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new PlatformException(PlatformId.Instagram, PlatformErrorKind.Transient,
                    $"instagram: container {containerId} was still {code ?? "without status"} after {options.ContainerPollTimeout}; the next attempt resumes it.");
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 > options.ContainerPollMaxDelay ? options.ContainerPollMaxDelay : delay * 2;
        }
    }

    private static PlatformException Failed(string containerId, string code, string? status)
    {
        // "If status_code is ERROR, this value will be an error subcode" (exact format UNVERIFIED): classify by it when present.
        int? subcode = status is not null && Subcode().Match(status) is { Success: true } m ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var kind = subcode is { } s ? GraphErrorKinds.Classify(null, s, false, status, 400).Kind : PlatformErrorKind.InvalidContent;
        return new PlatformException(PlatformId.Instagram, kind, $"instagram: container {containerId} ended in {code}: {status ?? "(no status text)"}")
        {
            PlatformSubcode = subcode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"\b2207\d{3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Subcode();
}
