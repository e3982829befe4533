// Prints, for one n8n execution read from n8n's SQLite DB, the nodes that ran and the JSON of the last one.
// Usage: sqlite3 database.sqlite "SELECT data FROM execution_data WHERE executionId=N" | node show-execution.js
// n8n stores run data in the 'flatted' format; NODE_PATH must reach n8n's node_modules (prove.sh sets it).
const { parse } = require('flatted');
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const data = parse(input.trim());
  const run = data.resultData.runData;
  const last = data.resultData.lastNodeExecuted;
  const out = (name) => {
    const runs = run[name] || [];
    const main = runs.length ? runs[runs.length - 1].data?.main : undefined;
    const items = (main || []).flat().filter(Boolean);
    return items.map((i) => i.json);
  };
  const pick = ['Verify signature', 'Format report', 'Decision links', 'Decision', 'POST /api/approvals/{id}/{decision}', 'Queued'];
  const summary = { nodes_run: Object.keys(run), last_node: last, error: data.resultData.error?.message ?? null };
  for (const name of pick) {
    if (run[name]) {
      summary[name] = out(name).map((j) => {
        const { envelope, ...rest } = j; // the envelope is long; keep its type and payload keys only
        return envelope ? { ...rest, envelope_payload_keys: Object.keys(envelope.payload || {}) } : rest;
      });
    }
  }
  console.log(JSON.stringify(summary, null, 1));
});
