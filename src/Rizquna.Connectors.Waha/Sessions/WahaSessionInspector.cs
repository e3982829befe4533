using Rizquna.Connectors.Waha.Api;

namespace Rizquna.Connectors.Waha.Sessions;

/// <summary>
/// Session health from <c>GET /api/sessions/{session}</c>: WORKING is healthy; SCAN_QR_CODE, FAILED and STOPPED pause the
/// account and raise one alert ("scan the QR code"); STARTING is reported unhealthy without an alert. A refused API key or a
/// missing session is reported as unhealthy with the reason; transport and server failures are thrown as
/// <see cref="PlatformException"/> (the health is unknown, not bad).
/// </summary>
internal sealed class WahaSessionInspector : ITokenInspector
{
    private readonly WahaClient _client;
    private readonly WahaSessionMonitor _monitor;

    public WahaSessionInspector(WahaClient client, WahaSessionMonitor monitor)
    {
        _client = client;
        _monitor = monitor;
    }

    public PlatformId Platform => PlatformId.WhatsApp;

    public async Task<TokenHealth> InspectAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var session = _client.SessionOf(account);
        string? status;
        try
        {
            status = (await _client.GetSessionAsync(account, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.ReauthorizationRequired && ex.PlatformCode is not null)
        {
            status = ex.PlatformCode; // a 422 session-state answer is the state itself
        }
        catch (PlatformException ex) when (ex.Kind is PlatformErrorKind.AuthExpired)
        {
            return Unhealthy("the WAHA gateway refused the API key: check Rizquna:Waha:ApiKey");
        }
        catch (PlatformException ex) when (ex.HttpStatus == 404)
        {
            return Unhealthy($"the WAHA session '{session}' does not exist on the gateway: create and start it, then scan the QR code");
        }

        await _monitor.ObserveAsync(account, session, status, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            WahaSessionStatus.Working => new TokenHealth { IsValid = true },
            WahaSessionStatus.Starting => Unhealthy($"the WAHA session '{session}' is starting"),
            _ when WahaSessionStatus.NeedsOperator(status) => Unhealthy($"the WAHA session '{session}' is {status}: scan the QR code"),
            _ => Unhealthy($"the WAHA session '{session}' reports an unknown status '{status}'"),
        };
    }

    private static TokenHealth Unhealthy(string problem) => new() { IsValid = false, Problem = problem };
}
