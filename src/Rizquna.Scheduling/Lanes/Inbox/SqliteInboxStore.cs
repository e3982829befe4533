using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rizquna.Scheduling.Lanes.Storage;
using static Rizquna.Scheduling.Lanes.Storage.SqliteLaneDatabase;

namespace Rizquna.Scheduling.Lanes.Inbox;

/// <summary>A durable <see cref="IInboxStore"/> on SQLite; the state change to Replying is a guarded UPDATE, so two workers never both reply.</summary>
public sealed class SqliteInboxStore : IInboxStore
{
    private const string Columns =
        "seq, account, account_id, item_id, kind, thread_id, author_id, author_name, text, created_at, is_from_self, can_reply, raw_json, metadata, received_at, state, reply_text, reply_id, note, updated_at";

    private readonly SqliteLaneDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Opens (and creates when needed) the store at <paramref name="connectionString"/>.</summary>
    public SqliteInboxStore(string connectionString, TimeProvider? time = null)
    {
        _database = new SqliteLaneDatabase(connectionString);
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken = default) =>
        await AddRangeAsync([item], cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    public Task<int> AddRangeAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return Task.FromResult(0);
        }

        var now = Ms(_time.GetUtcNow());
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT OR IGNORE INTO lane_inbox(account, account_id, item_id, kind, thread_id, author_id, author_name, text, created_at, is_from_self, can_reply, raw_json, metadata, received_at, state, updated_at) " +
            "VALUES($account, $accountId, $id, $kind, $thread, $author, $name, $text, $created, $self, $canReply, $raw, $meta, $now, 'New', $now)";
        var p = command.Parameters;
        foreach (var name in new[] { "$account", "$accountId", "$id", "$kind", "$thread", "$author", "$name", "$text", "$created", "$self", "$canReply", "$raw", "$meta", "$now" })
        {
            p.Add(new SqliteParameter(name, DBNull.Value));
        }

        var added = 0;
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            p[0].Value = item.Account.ToString();
            p[1].Value = item.Account.PlatformAccountId;
            p[2].Value = item.Id;
            p[3].Value = item.Kind.ToString();
            p[4].Value = Db(item.ThreadId);
            p[5].Value = Db(item.From?.Id);
            p[6].Value = Db(item.From?.DisplayName);
            p[7].Value = Db(item.Text);
            p[8].Value = Ms(item.CreatedAt);
            p[9].Value = item.IsFromSelf ? 1 : 0;
            p[10].Value = item.CanReply ? 1 : 0;
            p[11].Value = Db(item.RawJson);
            p[12].Value = item.Metadata.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(item.Metadata, LaneJsonContext.Default.IReadOnlyDictionaryStringString);
            p[13].Value = now;
            added += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.FromResult(added);
    }

    /// <inheritdoc />
    public Task<StoredInboxItem?> GetAsync(string account, string itemId, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lane_inbox WHERE account = $account AND item_id = $id";
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$id", itemId);
        return Task.FromResult(ReadAll(command).FirstOrDefault());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInboxItem>> ListActionableAsync(string account, int max, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lane_inbox WHERE account = $account AND state IN ('New', 'AwaitingApproval') ORDER BY seq LIMIT $max";
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$max", max);
        return Task.FromResult<IReadOnlyList<StoredInboxItem>>(ReadAll(command));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInboxItem>> ListAsync(string? account, InboxRecordState? state, long? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lane_inbox WHERE ($account IS NULL OR account = $account) AND ($state IS NULL OR state = $state) " +
            "AND ($before IS NULL OR seq < $before) ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$account", Db(account));
        command.Parameters.AddWithValue("$state", Db(state?.ToString()));
        command.Parameters.AddWithValue("$before", beforeId is { } b ? b : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return Task.FromResult<IReadOnlyList<StoredInboxItem>>(ReadAll(command));
    }

    /// <inheritdoc />
    public Task<bool> TryBeginReplyAsync(string account, string itemId, string replyText, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE lane_inbox SET state = 'Replying', reply_text = $reply, updated_at = $now " +
            "WHERE account = $account AND item_id = $id AND state IN ('New', 'AwaitingApproval')";
        command.Parameters.AddWithValue("$reply", replyText);
        command.Parameters.AddWithValue("$now", Ms(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$id", itemId);
        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    /// <inheritdoc />
    public Task SetStateAsync(string account, string itemId, InboxRecordState state, string? note = null, string? replyId = null, string? replyText = null, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE lane_inbox SET state = $state, note = $note, reply_id = COALESCE($replyId, reply_id), " +
            "reply_text = COALESCE($replyText, reply_text), updated_at = $now WHERE account = $account AND item_id = $id";
        command.Parameters.AddWithValue("$state", state.ToString());
        command.Parameters.AddWithValue("$note", Db(note));
        command.Parameters.AddWithValue("$replyId", Db(replyId));
        command.Parameters.AddWithValue("$replyText", Db(replyText));
        command.Parameters.AddWithValue("$now", Ms(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$id", itemId);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> CountRepliesToAsync(string account, string authorId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM lane_inbox WHERE account = $account AND author_id = $author AND updated_at >= $since AND state IN ('Replied', 'Replying')";
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$author", authorId);
        command.Parameters.AddWithValue("$since", Ms(since));
        return Task.FromResult(Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxStats>> GetStatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT account, kind, state, received_at >= $from AND received_at < $to, updated_at >= $from AND updated_at < $to FROM lane_inbox " +
            "WHERE (received_at >= $from AND received_at < $to) OR (updated_at >= $from AND updated_at < $to) OR state = 'AwaitingApproval'";
        command.Parameters.AddWithValue("$from", Ms(from));
        command.Parameters.AddWithValue("$to", Ms(to));
        var stats = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var counts = InboxStatsCounter.Count(Enum.Parse<InboxItemKind>(reader.GetString(1)), Enum.Parse<InboxRecordState>(reader.GetString(2)), reader.GetInt64(3) == 1, reader.GetInt64(4) == 1);
            if (counts is null)
            {
                continue;
            }

            if (!stats.TryGetValue(reader.GetString(0), out var totals))
            {
                stats[reader.GetString(0)] = totals = new int[5];
            }

            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += counts[i];
            }
        }

        return Task.FromResult<IReadOnlyList<InboxStats>>(stats.Select(static s => new InboxStats(s.Key, s.Value[0], s.Value[1], s.Value[2], s.Value[3], s.Value[4])).ToList());
    }

    private static List<StoredInboxItem> ReadAll(SqliteCommand command)
    {
        var list = new List<StoredInboxItem>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var accountText = reader.GetString(1);
            var slash = accountText.IndexOf('/');
            var metadata = Text(reader, 13);
            var item = new InboxItem
            {
                Account = new AccountRef(PlatformId.Parse(accountText[..slash]), accountText[(slash + 1)..], reader.GetString(2)),
                Id = reader.GetString(3),
                Kind = Enum.Parse<InboxItemKind>(reader.GetString(4)),
                ThreadId = Text(reader, 5),
                From = Text(reader, 6) is { } authorId ? new InboxParticipant(authorId, Text(reader, 7)) : null,
                Text = Text(reader, 8),
                CreatedAt = FromMs(reader.GetInt64(9)),
                IsFromSelf = reader.GetInt64(10) == 1,
                CanReply = reader.GetInt64(11) == 1,
                RawJson = Text(reader, 12),
                Metadata = metadata is null ? new Dictionary<string, string>(0) : JsonSerializer.Deserialize(metadata, LaneJsonContext.Default.IReadOnlyDictionaryStringString)!,
            };
            list.Add(new StoredInboxItem
            {
                Id = reader.GetInt64(0),
                Item = item,
                ReceivedAt = FromMs(reader.GetInt64(14)),
                State = Enum.Parse<InboxRecordState>(reader.GetString(15)),
                ReplyText = Text(reader, 16),
                ReplyId = Text(reader, 17),
                Note = Text(reader, 18),
                UpdatedAt = FromMs(reader.GetInt64(19)),
            });
        }

        return list;
    }
}
