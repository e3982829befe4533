namespace Rizquna;

/// <summary>Delivers reports and alerts to operators (a Telegram admin chat, a WhatsApp admin chat, a log, a webhook).</summary>
public interface IReporter
{
    /// <summary>A short name for logs and settings, e.g. <c>telegram</c>.</summary>
    string Name { get; }

    /// <summary>Delivers the report.</summary>
    Task SendAsync(Report report, CancellationToken cancellationToken = default);
}
