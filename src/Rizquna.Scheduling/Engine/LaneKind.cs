namespace Rizquna.Scheduling.Engine;

/// <summary>The lane a job belongs to (seed 000): A replies on an interval, B posts in the morning, C reports at night.</summary>
public enum LaneKind
{
    /// <summary>Lane A: poll the inbox and reply (<c>&lt;prefix&gt;_reply_&lt;account&gt;</c>).</summary>
    Reply,
    /// <summary>Lane B: publish the next item (<c>&lt;prefix&gt;_post_&lt;account&gt;</c>).</summary>
    Post,
    /// <summary>Lane C: the nightly report (<c>&lt;prefix&gt;_report_night</c>).</summary>
    Report,
    /// <summary>The autopost queue worker and other jobs a host adds.</summary>
    Custom,
}
