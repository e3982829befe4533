using System.Text;
using Microsoft.Data.Sqlite;

namespace Rizquna.Scheduling.Storage.Sqlite;

/// <summary>
/// The paged queries of the audit log and the run history: rows after an id, narrowed by the filters that are set,
/// in id order, one row more than the page to know whether another page follows.
/// </summary>
internal sealed class PagedQuery
{
    private readonly SqliteCommand _command;
    private readonly StringBuilder _sql;

    /// <param name="command">A command on the connection; its text is set by <see cref="ReadPage{T}"/>.</param>
    /// <param name="select">The <c>SELECT … FROM table</c>; the first column is the id.</param>
    /// <param name="afterId">Rows with a greater id only.</param>
    public PagedQuery(SqliteCommand command, string select, long afterId)
    {
        _command = command;
        _sql = new StringBuilder(select).Append(" WHERE id > @after");
        command.Parameters.AddWithValue("@after", afterId);
    }

    /// <summary><c>AND column = @name</c>, when <paramref name="value"/> is set.</summary>
    public PagedQuery Equal(string column, string name, object? value)
    {
        if (value is not null)
        {
            _sql.Append(" AND ").Append(column).Append(" = ").Append(name);
            _command.Parameters.AddWithValue(name, value);
        }

        return this;
    }

    /// <summary><c>AND column IN (@t0, @t1, …)</c>, when <paramref name="values"/> has any.</summary>
    public PagedQuery In(string column, string prefix, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return this;
        }

        _sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _sql.Append(i == 0 ? string.Empty : ", ").Append(name);
            _command.Parameters.AddWithValue(name, values[i]);
        }

        _sql.Append(')');
        return this;
    }

    /// <summary><c>AND column &gt;= @from AND column &lt; @to</c> (UTC ticks), each when set.</summary>
    public PagedQuery Between(string column, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f)
        {
            _sql.Append(" AND ").Append(column).Append(" >= @from");
            _command.Parameters.AddWithValue("@from", f.UtcTicks);
        }

        if (to is { } t)
        {
            _sql.Append(" AND ").Append(column).Append(" < @to");
            _command.Parameters.AddWithValue("@to", t.UtcTicks);
        }

        return this;
    }

    /// <summary>Runs the query and reads up to <paramref name="limit"/> rows; the page names the last id when more follow.</summary>
    public Page<T> ReadPage<T>(int limit, Func<SqliteDataReader, T> read, Func<T, long> id)
    {
        _sql.Append(" ORDER BY id LIMIT @limit");
        _command.Parameters.AddWithValue("@limit", limit + 1);
        _command.CommandText = _sql.ToString();
        using var r = _command.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(read(r));
        }

        var more = list.Count > limit;
        if (more)
        {
            list.RemoveAt(list.Count - 1);
        }

        return new Page<T>(list, more ? id(list[^1]) : null);
    }
}
