namespace Rizquna.Connectors.Waha;

/// <summary>The states of a WAHA session (<c>status</c> of <c>GET /api/sessions/{session}</c>).</summary>
public static class WahaSessionStatus
{
    /// <summary>Connected and usable.</summary>
    public const string Working = "WORKING";
    /// <summary>Starting up; not yet usable, not yet a problem.</summary>
    public const string Starting = "STARTING";
    /// <summary>Waiting for someone to scan the QR code with the phone.</summary>
    public const string ScanQrCode = "SCAN_QR_CODE";
    /// <summary>Failed (logged out, browser crashed); needs a restart and usually a QR scan.</summary>
    public const string Failed = "FAILED";
    /// <summary>Stopped on the gateway.</summary>
    public const string Stopped = "STOPPED";

    /// <summary>True for the states that pause the account until an operator acts.</summary>
    public static bool NeedsOperator(string? status) =>
        status is ScanQrCode or Failed or Stopped;
}
