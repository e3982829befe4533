using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Autopost.Storage;

/// <summary>
/// A durable <see cref="IAutopostStore"/> on SQLite (WAL; synchronous FULL by default, see <see cref="AutopostSqliteSynchronous"/>). One open connection serves the store, so
/// its statements stay prepared; a draining worker records a batch's results and claims the next batch in one transaction
/// (<see cref="CompleteAndClaimNextAsync"/>: one fsync per batch under synchronous FULL). Concurrent inserts are group-committed
/// (see <see cref="InsertAsync(AutopostItem, CancellationToken)"/>).
/// Several processes may share the file: claims take the write lock (BEGIN IMMEDIATE) and completions check the claim token.
/// </summary>
public sealed partial class SqliteAutopostStore : IAutopostStore, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _selectItem;
    private readonly SqliteCommand _selectChannels;
    private readonly SqliteCommand _insertItem;
    private readonly SqliteCommand _insertChannel;
    private readonly SqliteCommand _selectDue;
    private readonly SqliteCommand _markClaimed;
    private readonly SqliteCommand _markStarted;
    private readonly SqliteCommand _completeItem;
    private readonly SqliteCommand _updateItem;
    private readonly SqliteCommand _updateChannel;
    private readonly SqliteCommand _findRecent;
    private bool _disposed;

    /// <summary>Opens (and creates when needed) the store at <paramref name="connectionString"/>, e.g. <c>Data Source=rizquna.db</c>.</summary>
    public SqliteAutopostStore(string connectionString)
        : this(connectionString, AutopostSqliteSynchronous.Full)
    {
    }

    /// <summary>Opens the store with the given durability (see <see cref="AutopostSqliteSynchronous"/>).</summary>
    public SqliteAutopostStore(string connectionString, AutopostSqliteSynchronous synchronous)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var level = synchronous switch
        {
            AutopostSqliteSynchronous.Full => "FULL",
            AutopostSqliteSynchronous.Normal => "NORMAL",
            _ => throw new ArgumentOutOfRangeException(nameof(synchronous)),
        };

        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={level}; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint={AutoCheckpointPages};" + SqliteAutopostSchema.Create;
            setup.ExecuteNonQuery();
        }

        _selectItem = Prepare($"SELECT {SqliteAutopostSchema.ItemColumns} FROM autopost_items WHERE seq = $seq", "$seq");
        _selectChannels = Prepare($"SELECT {SqliteAutopostSchema.ChannelColumns} FROM autopost_channels WHERE item_seq = $seq ORDER BY ordinal", "$seq");
        _insertItem = Prepare(
            "INSERT INTO autopost_items(title, summary, link, image_url, data, template, variant, dedup_key, publish_at, status, due_at, created_at, updated_at) " +
            "VALUES($title, $summary, $link, $image, $data, $template, $variant, $dedup, $publish, $status, $due, $created, $updated) RETURNING seq",
            "$title", "$summary", "$link", "$image", "$data", "$template", "$variant", "$dedup", "$publish", "$status", "$due", "$created", "$updated");
        _insertChannel = Prepare(
            "INSERT INTO autopost_channels(item_seq, ordinal, channel, dedup_key, status, attempts) VALUES($seq, $ordinal, $channel, $dedup, 'pending', 0)",
            "$seq", "$ordinal", "$channel", "$dedup");
        _selectDue = Prepare("SELECT seq FROM autopost_items WHERE due_at <= $now ORDER BY due_at, seq LIMIT $max", "$now", "$max");
        _markClaimed = Prepare(
            "UPDATE autopost_items SET status = 'posting', due_at = $lease, claim_token = $token, updated_at = $now WHERE seq = $seq",
            "$lease", "$token", "$now", "$seq");
        _markStarted = Prepare(
            "UPDATE autopost_channels SET attempt_started_at = COALESCE(attempt_started_at, $now) " +
            "WHERE item_seq = $seq AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $now)",
            "$now", "$seq");
        _completeItem = Prepare(
            "UPDATE autopost_items SET status = $status, due_at = $due, claim_token = NULL, updated_at = $updated " +
            "WHERE seq = $seq AND claim_token = $token AND status = 'posting'",
            "$status", "$due", "$updated", "$seq", "$token");
        _updateItem = Prepare(
            "UPDATE autopost_items SET status = $status, due_at = $due, claim_token = NULL, updated_at = $updated WHERE seq = $seq",
            "$status", "$due", "$updated", "$seq");
        _updateChannel = Prepare(
            "UPDATE autopost_channels SET status = $status, attempts = $attempts, next_attempt_at = $next, attempt_started_at = $started, " +
            "approval_id = $approval, post_id = $post, url = $url, posted_at = $posted, error = $error, skipped_because_of = $skip, outcome_at = $outcome " +
            "WHERE item_seq = $seq AND ordinal = $ordinal",
            "$status", "$attempts", "$next", "$started", "$approval", "$post", "$url", "$posted", "$error", "$skip", "$outcome", "$seq", "$ordinal");
        _findRecent = Prepare(
            "SELECT item_seq FROM autopost_channels WHERE channel = $channel AND dedup_key = $dedup AND posted_at >= $since AND item_seq <> $exclude " +
            "ORDER BY posted_at DESC LIMIT 1",
            "$channel", "$dedup", "$since", "$exclude");
        _writer = Task.Run(WriteInsertsAsync);
        StartCheckpointer(connectionString);
    }

    /// <summary>Writes one item inside the writer's open transaction (the caller holds the lock); returns its id.</summary>
    private long InsertOne(AutopostItem item, SqliteTransaction transaction)
    {
        AutopostTransitions.Summarize(item.Channels, item.PublishAt, out var dueAt);
        var p = Bind(_insertItem, transaction);
        p[0].Value = item.Title;
        p[1].Value = Db(item.Summary);
        p[2].Value = Db(item.Link?.OriginalString);
        p[3].Value = Db(item.ImageUrl?.OriginalString);
        p[4].Value = item.Data is { } data ? data.GetRawText() : DBNull.Value;
        p[5].Value = Db(item.Template);
        p[6].Value = Db(item.Variant);
        p[7].Value = Db(item.DedupKey);
        p[8].Value = Ms(item.PublishAt);
        p[9].Value = SqliteAutopostSchema.ToText(item.Status);
        p[10].Value = Db(dueAt);
        p[11].Value = Ms(item.CreatedAt);
        p[12].Value = Ms(item.UpdatedAt);
        var seq = (long)_insertItem.ExecuteScalar()!;

        var c = Bind(_insertChannel, transaction);
        for (var i = 0; i < item.Channels.Count; i++)
        {
            c[0].Value = seq;
            c[1].Value = i;
            c[2].Value = item.Channels[i].Channel;
            c[3].Value = Db(item.DedupKey);
            _insertChannel.ExecuteNonQuery();
        }

        return seq;
    }

    /// <inheritdoc />
    public async Task<AutopostItem?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return ReadItem(id, null);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AutopostItem>> ListAsync(AutopostQuery query, long? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            var sql = new StringBuilder("SELECT seq FROM autopost_items i WHERE 1 = 1");
            if (query.Status is { } status)
            {
                sql.Append(" AND status = $status");
                command.Parameters.AddWithValue("$status", SqliteAutopostSchema.ToText(status));
            }

            if (query.PublishFrom is { } from)
            {
                sql.Append(" AND publish_at >= $from");
                command.Parameters.AddWithValue("$from", Ms(from));
            }

            if (query.PublishTo is { } to)
            {
                sql.Append(" AND publish_at < $to");
                command.Parameters.AddWithValue("$to", Ms(to));
            }

            if (beforeId is { } before)
            {
                sql.Append(" AND seq < $before");
                command.Parameters.AddWithValue("$before", before);
            }

            if (query.Channel is { } channel)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM autopost_channels c WHERE c.item_seq = i.seq AND c.channel = $channel)");
                command.Parameters.AddWithValue("$channel", channel);
            }

            sql.Append(" ORDER BY seq DESC LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit);
            command.CommandText = sql.ToString();
            var ids = new List<long>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            var items = new List<AutopostItem>(ids.Count);
            foreach (var id in ids)
            {
                items.Add(ReadItem(id, null)!);
            }

            return items;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public Task<AutopostCommandResult> CancelAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyAsync(id, item => AutopostTransitions.Cancel(item, now), cancellationToken);

    /// <inheritdoc />
    public Task<AutopostCommandResult> RetryNowAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyAsync(id, item => AutopostTransitions.RetryNow(item, now), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AutopostClaim>> ClaimDueAsync(DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            var claims = Claim(transaction, now, max, leaseUntil);
            transaction.Commit();
            return claims;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> CompleteAsync(IReadOnlyList<AutopostCompletion> completions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            var recorded = Complete(transaction, completions);
            transaction.Commit();
            return recorded;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AutopostClaim>> CompleteAndClaimNextAsync(
        IReadOnlyList<AutopostCompletion> completions, DateTimeOffset now, int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One transaction, one fsync: the results are written first, so the claim below already sees them.
            using var transaction = _connection.BeginTransaction();
            Complete(transaction, completions);
            var claims = Claim(transaction, now, max, leaseUntil);
            transaction.Commit();
            return claims;
        }
        finally
        {
            _lock.Release();
        }
    }

    private List<AutopostClaim> Claim(SqliteTransaction transaction, DateTimeOffset now, int max, DateTimeOffset leaseUntil)
    {
        var nowMs = Ms(now);
        var due = Bind(_selectDue, transaction);
        due[0].Value = nowMs;
        due[1].Value = max;
        var ids = new List<long>(max);
        using (var reader = _selectDue.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var claims = new List<AutopostClaim>(ids.Count);
        var claimed = Bind(_markClaimed, transaction);
        var started = Bind(_markStarted, transaction);
        foreach (var id in ids)
        {
            var item = ReadItem(id, transaction)!;
            var token = Random.Shared.NextInt64(1, long.MaxValue);
            claimed[0].Value = Ms(leaseUntil);
            claimed[1].Value = token;
            claimed[2].Value = nowMs;
            claimed[3].Value = id;
            _markClaimed.ExecuteNonQuery();
            started[0].Value = nowMs;
            started[1].Value = id;
            _markStarted.ExecuteNonQuery();
            claims.Add(new AutopostClaim(item, token, now));
        }

        return claims;
    }

    private int Complete(SqliteTransaction transaction, IReadOnlyList<AutopostCompletion> completions)
    {
        var p = Bind(_completeItem, transaction);
        Bind(_updateChannel, transaction);
        var recorded = 0;
        foreach (var completion in completions)
        {
            var item = completion.Item;
            var status = AutopostTransitions.Summarize(item.Channels, item.PublishAt, out var dueAt);
            p[0].Value = SqliteAutopostSchema.ToText(status);
            p[1].Value = Db(dueAt);
            p[2].Value = Ms(item.UpdatedAt);
            p[3].Value = item.Id;
            p[4].Value = completion.ClaimToken;
            if (_completeItem.ExecuteNonQuery() == 1)
            {
                WriteChannels(item);
                recorded++;
            }
        }

        return recorded;
    }

    /// <inheritdoc />
    public async Task<long?> FindRecentPostAsync(string channel, string dedupKey, DateTimeOffset since, long excludeItemId, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var p = Bind(_findRecent, null);
            p[0].Value = channel;
            p[1].Value = dedupKey;
            p[2].Value = Ms(since);
            p[3].Value = excludeItemId;
            return _findRecent.ExecuteScalar() is long id ? id : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AutopostChannelRecord>> ListChannelOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText =
                $"SELECT c.item_seq, i.title, c.outcome_at, {Prefixed("c.", SqliteAutopostSchema.ChannelColumns)} FROM autopost_channels c " +
                "JOIN autopost_items i ON i.seq = c.item_seq WHERE c.outcome_at >= $from AND c.outcome_at < $to ORDER BY c.outcome_at, c.item_seq";
            command.Parameters.AddWithValue("$from", Ms(from));
            command.Parameters.AddWithValue("$to", Ms(to));
            var records = new List<AutopostChannelRecord>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records.Add(new AutopostChannelRecord(reader.GetInt64(0), reader.GetString(1), ReadChannel(reader, 3), FromMs(reader.GetInt64(2))));
            }

            return records;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        StopWriter();
        StopCheckpointer();
        DisposeIdempotency();
        foreach (var command in new[] { _selectItem, _selectChannels, _insertItem, _insertChannel, _selectDue, _markClaimed, _markStarted, _completeItem, _updateItem, _updateChannel, _findRecent })
        {
            command.Dispose();
        }

        _connection.Dispose();
        _lock.Dispose();
    }

    private async Task<AutopostCommandResult> ApplyAsync(long id, Func<AutopostItem, AutopostCommandResult> transition, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            var item = ReadItem(id, transaction);
            if (item is null)
            {
                return new AutopostCommandResult(AutopostCommandStatus.NotFound, null, $"No autopost item {id}.");
            }

            var result = transition(item);
            if (result.Status != AutopostCommandStatus.Done)
            {
                return result;
            }

            var updated = result.Item!;
            AutopostTransitions.Summarize(updated.Channels, updated.PublishAt, out var dueAt);
            var p = Bind(_updateItem, transaction);
            p[0].Value = SqliteAutopostSchema.ToText(updated.Status);
            p[1].Value = updated.Status == AutopostStatus.Cancelled ? DBNull.Value : Db(dueAt);
            p[2].Value = Ms(updated.UpdatedAt);
            p[3].Value = id;
            _updateItem.ExecuteNonQuery();
            Bind(_updateChannel, transaction);
            WriteChannels(updated);
            transaction.Commit();
            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    private void WriteChannels(AutopostItem item)
    {
        var c = _updateChannel.Parameters;
        for (var i = 0; i < item.Channels.Count; i++)
        {
            var channel = item.Channels[i];
            c[0].Value = SqliteAutopostSchema.ToText(channel.Status);
            c[1].Value = channel.Attempts;
            c[2].Value = Db(channel.NextAttemptAt);
            c[3].Value = Db(channel.AttemptStartedAt);
            c[4].Value = Db(channel.ApprovalId);
            c[5].Value = Db(channel.PlatformPostId);
            c[6].Value = Db(channel.Url?.OriginalString);
            c[7].Value = Db(channel.PostedAt);
            c[8].Value = Db(channel.Error);
            c[9].Value = channel.SkippedBecauseOf is { } skip ? skip : DBNull.Value;
            c[10].Value = Db(InMemoryAutopostStore.AutopostOutcomeTime(item, channel));
            c[11].Value = item.Id;
            c[12].Value = i;
            _updateChannel.ExecuteNonQuery();
        }
    }

    private AutopostItem? ReadItem(long id, SqliteTransaction? transaction)
    {
        var p = Bind(_selectItem, transaction);
        p[0].Value = id;
        AutopostItem item;
        using (var reader = _selectItem.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            item = new AutopostItem
            {
                Id = reader.GetInt64(0),
                Title = reader.GetString(1),
                Summary = Text(reader, 2),
                Link = Text(reader, 3) is { } link ? new Uri(link) : null,
                ImageUrl = Text(reader, 4) is { } image ? new Uri(image) : null,
                Data = Text(reader, 5) is { } data ? ParseJson(data) : null,
                Template = Text(reader, 6),
                Variant = Text(reader, 7),
                DedupKey = Text(reader, 8),
                PublishAt = FromMs(reader.GetInt64(9)),
                Status = SqliteAutopostSchema.ItemStatus(reader.GetString(10)),
                CreatedAt = FromMs(reader.GetInt64(11)),
                UpdatedAt = FromMs(reader.GetInt64(12)),
                Channels = [],
            };
        }

        var c = Bind(_selectChannels, transaction);
        c[0].Value = id;
        var channels = new List<AutopostChannelResult>(2);
        using (var reader = _selectChannels.ExecuteReader())
        {
            while (reader.Read())
            {
                channels.Add(ReadChannel(reader, 0));
            }
        }

        return item with { Channels = channels };
    }

    private static AutopostChannelResult ReadChannel(SqliteDataReader reader, int o) => new()
    {
        Channel = reader.GetString(o),
        Status = SqliteAutopostSchema.ChannelStatus(reader.GetString(o + 1)),
        Attempts = reader.GetInt32(o + 2),
        NextAttemptAt = Time(reader, o + 3),
        AttemptStartedAt = Time(reader, o + 4),
        ApprovalId = Text(reader, o + 5),
        PlatformPostId = Text(reader, o + 6),
        Url = Text(reader, o + 7) is { } url ? new Uri(url) : null,
        PostedAt = Time(reader, o + 8),
        Error = Text(reader, o + 9),
        SkippedBecauseOf = reader.IsDBNull(o + 10) ? null : reader.GetInt64(o + 10),
    };

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Prefixed(string prefix, string columns) => prefix + columns.Replace(", ", ", " + prefix, StringComparison.Ordinal);

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    private static SqliteParameterCollection Bind(SqliteCommand command, SqliteTransaction? transaction)
    {
        command.Transaction = transaction;
        return command.Parameters;
    }

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static object Db(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
