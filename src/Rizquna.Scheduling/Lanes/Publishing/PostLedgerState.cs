namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>Where one content item stands for one account.</summary>
public enum PostLedgerState
{
    /// <summary>The intent is recorded and the platform may have been called: reconcile before publishing again.</summary>
    Publishing,
    /// <summary>Published; never posted again.</summary>
    Published,
    /// <summary>Known not to be posted (a refused call): may be tried again.</summary>
    Retryable,
    /// <summary>Failed for good (invalid content, unreadable item): skipped from now on.</summary>
    Failed,
    /// <summary>May or may not be posted and nothing can tell (no reconciler): skipped until an operator decides.</summary>
    Unknown,
}
