namespace Rizquna;

/// <summary>What reconciliation found.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileStatus status, PublishResult? result)
    {
        Status = status;
        Result = result;
    }

    /// <summary>Found, not found, or still unknown.</summary>
    public ReconcileStatus Status { get; }

    /// <summary>The post, when found.</summary>
    public PublishResult? Result { get; }

    /// <summary>The post exists: record it, do not publish again.</summary>
    public static ReconcileResult Found(PublishResult result) => new(ReconcileStatus.Found, result ?? throw new ArgumentNullException(nameof(result)));

    /// <summary>The platform shows no such post: publishing again is safe.</summary>
    public static ReconcileResult NotFound { get; } = new(ReconcileStatus.NotFound, null);

    /// <summary>The platform cannot tell yet (still processing, or the check itself failed): try again later.</summary>
    public static ReconcileResult Unknown { get; } = new(ReconcileStatus.Unknown, null);
}

/// <summary>Outcome of a reconciliation.</summary>
public enum ReconcileStatus
{
    /// <summary>The post exists.</summary>
    Found,
    /// <summary>The post does not exist.</summary>
    NotFound,
    /// <summary>Cannot tell yet.</summary>
    Unknown,
}
