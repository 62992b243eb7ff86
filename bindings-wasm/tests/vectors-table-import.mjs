// tests/vectors/table_import: table imports that lose or misread values (issue 14,
// Tables). The same cases as core/tests/vectors_table_import.rs and the Python suite:
// records read and imported, values lost per mapping field, budget totals of what was
// read, or the error of a refused import. Run from vectors.test.mjs (BOUND.table_import).

import assert from "node:assert/strict";
import { Portfolio } from "kartan";

/** Exact sum of decimal strings, as a normalised decimal string. */
function decimalSum(amounts) {
  const scale = Math.max(0, ...amounts.map((a) => (a.split(".")[1] ?? "").length));
  const total = amounts.reduce((sum, a) => {
    const negative = a.startsWith("-");
    const [int, frac = ""] = a.replace(/^[-+]/, "").split(".");
    const v = BigInt(int + frac.padEnd(scale, "0"));
    return sum + (negative ? -v : v);
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, "") : digits;
  return negative ? `-${text}` : text;
}

export function runTableImport(doc) {
  assert.ok(doc.cases.length > 0);
  for (const c of doc.cases) {
    const e = c.expected;
    if (e.error_contains !== undefined) {
      assert.throws(() => Portfolio.fromTable(c.table, c.mapping, c.table_name), (err) => {
        assert.ok(err instanceof Error && err.message.includes(e.error_contains), `${c.name}: ${err.message}`);
        return true;
      });
      continue;
    }
    const p = Portfolio.fromTable(c.table, c.mapping, c.table_name);
    const r = p.tableReport();
    assert.equal(r.rows_read, e.rows_read, c.name);
    assert.equal(r.rows_imported, e.rows_imported, c.name);
    assert.equal(p.projects().length, e.projects, c.name);
    assert.equal(r.duplicates_dropped, e.duplicates_dropped ?? 0, c.name);
    const lost = {};
    for (const s of r.skipped) lost[s.field] = (lost[s.field] ?? 0) + 1;
    assert.deepEqual(lost, e.lost, c.name);
    const model = JSON.parse(p.toJson());
    const byCurrency = {};
    for (const b of model.projects.flatMap((x) => x.budgets ?? [])) {
      (byCurrency[b.value.currency] ??= []).push(b.value.amount);
    }
    const totals = Object.fromEntries(Object.entries(byCurrency).map(([cur, a]) => [cur, decimalSum(a)]));
    assert.deepEqual(totals, e.budget_totals, c.name);
    for (const part of e.reasons_contain) {
      assert.ok(r.skipped.some((s) => s.reason.includes(part)), `${c.name}: no reason with ${part}`);
    }
  }
}
