namespace Rizquna.Scheduling.Autopost;

/// <summary>The SQLite <c>synchronous</c> level of the autopost store (always in WAL mode).</summary>
public enum AutopostSqliteSynchronous
{
    /// <summary>
    /// Every commit (a batch's claim, a batch's results) is on disk before the call returns: a claim survives a power cut,
    /// so a channel whose attempt had started is always reconciled, never blindly re-sent. Costs one fsync per commit.
    /// </summary>
    Full,

    /// <summary>
    /// Commits survive a crash of the process but the last ones may be lost in a power cut or OS crash; then a claimed
    /// batch can come back as if never claimed and be sent again. Several times faster on disks with slow fsync.
    /// </summary>
    Normal,
}
