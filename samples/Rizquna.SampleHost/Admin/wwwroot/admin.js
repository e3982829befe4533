// Read-only dashboard: calls the API with the operator's token (kept in this tab only) and renders sortable tables.
// URL fragment options: #token=…&sort=time|status&dir=asc|desc (handy for bookmarks and for the headless test).
(function () {
  "use strict";
  const params = new URLSearchParams(location.hash.slice(1));
  let token = params.get("token") || sessionStorage.getItem("rizquna.token") || "";
  const initialSort = { key: params.get("sort") || "time", dir: params.get("dir") || "desc" };

  function text(value) { return value === null || value === undefined ? "" : String(value); }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: "Bearer " + token } });
    if (response.status === 401) { throw new Error("The token was not accepted."); }
    if (!response.ok) { throw new Error(path + ": HTTP " + response.status); }
    return response.json();
  }

  function fill(tableId, rows, columns) {
    const table = document.getElementById(tableId);
    const body = table.tBodies[0];
    body.replaceChildren();
    for (const row of rows) {
      const tr = document.createElement("tr");
      tr.dataset.time = text(row[table.dataset.time]);
      tr.dataset.status = text(row.__status);
      for (const column of columns) {
        const td = document.createElement("td");
        const value = typeof column === "function" ? column(row) : row[column];
        if (value instanceof Node) { td.appendChild(value); } else { td.textContent = text(value); }
        if (column === "detail") { td.className = "detail"; }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    sortTable(table, initialSort.key, initialSort.dir);
  }

  function sortTable(table, key, dir) {
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const factor = dir === "asc" ? 1 : -1;
    rows.sort((a, b) => {
      const x = key === "status" ? a.dataset.status : a.dataset.time;
      const y = key === "status" ? b.dataset.status : b.dataset.time;
      if (x === y) { return 0; }
      if (x === "") { return 1; }
      if (y === "") { return -1; }
      return (key === "time" ? Date.parse(x) - Date.parse(y) : x.localeCompare(y)) * factor;
    });
    rows.forEach(r => body.appendChild(r));
    table.dataset.sortKey = key;
    table.dataset.sortDir = dir;
    for (const th of table.tHead.rows[0].cells) {
      th.removeAttribute("aria-sort");
      if (th.dataset.sort === key) { th.setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending"); }
    }
  }

  function link(url, label) {
    if (!url) { return label || ""; }
    const a = document.createElement("a");
    a.href = url; a.textContent = label || url; a.rel = "noopener";
    return a;
  }

  async function load() {
    const [health, queue, posts, jobs, approvals, timeline] = await Promise.all([
      fetch("/health").then(r => r.json()),
      api("/api/autopost/queue?limit=200"),
      api("/api/autopost/posts?limit=200"),
      api("/api/jobs"),
      api("/api/approvals?status=pending"),
      api("/api/timeline?limit=500"),
    ]);
    const platforms = (health.components && health.components.platforms) ? health.components.platforms.detail : "";
    const mode = document.getElementById("mode");
    const dry = platforms.split(", ").filter(p => p.endsWith("dry-run")).map(p => p.split(":")[0]);
    mode.textContent = dry.length ? "DRY-RUN for " + dry.join(", ") + ": posts and replies are recorded, not sent. " + platforms : "All platforms live. " + platforms;
    mode.className = dry.length ? "mode dry" : "mode";

    fill("queue", queue.items.map(i => ({ ...i, __status: i.status })), ["id", "title", "status", "publish_at",
      i => i.channels.map(c => c.channel + ": " + c.status).join(", ")]);
    fill("posts", posts.items.map(p => ({ ...p, __status: p.status })), ["queue_item_id", "title", "channel", "status", "at",
      p => link(p.url, p.dry_run ? "dry-run " + p.platform_post_id : p.platform_post_id), "clicks"]);
    fill("jobs", jobs.jobs.map(j => ({ ...j, __status: j.enabled ? "enabled" : "disabled" })), ["name", "lane", "account",
      j => j.enabled ? "enabled" : "disabled", "next_run_at"]);
    fill("approvals", approvals.items.map(a => ({ ...a, __status: a.status })), ["id", "action_type", "account", "status", "requested_at", "text"]);
    fill("timeline", timeline.items.map(e => ({ ...e, __status: e.type })), ["at", "type", "account", "job_name", "actor", "detail"]);
    document.body.dataset.loaded = "true";
  }

  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => {
      const table = th.closest("table");
      const same = table.dataset.sortKey === th.dataset.sort;
      sortTable(table, th.dataset.sort, same && table.dataset.sortDir === "desc" ? "asc" : "desc");
    });
  }

  function start() {
    load().catch(error => {
      const box = document.getElementById("error");
      box.textContent = error.message; box.hidden = false;
      document.body.dataset.loaded = "error";
    });
  }

  const form = document.getElementById("login");
  form.addEventListener("submit", event => {
    event.preventDefault();
    token = document.getElementById("token").value;
    sessionStorage.setItem("rizquna.token", token);
    form.hidden = true;
    start();
  });
  if (token) { sessionStorage.setItem("rizquna.token", token); start(); } else { form.hidden = false; }
})();
