// Builds a small portfolio from scratch in Node, as examples/python/build_a_portfolio.ipynb
// does in Python: the program with its results matrix, two projects, an indicator with
// periods, a held project-leader meeting with evaluation responses, an observation that
// points at a matrix item, and a lesson. Then it validates, shows map-vs-reality with
// progress, and writes the portfolio out and reads it back.
//
// Run it after `scripts/build-wasm.sh` from a place where `import "kartan"` resolves to
// bindings-wasm/pkg/ (the JS suite does: bindings-wasm/tests/portfolio-edit.test.mjs).
// Every object is plain kartan JSON, typed `PortfolioDoc` (and its parts) in kartan.d.ts;
// exact decimals are strings.
import assert from "node:assert/strict";
import { Portfolio, bestText } from "kartan";

const en = (text) => ({ en: text });

// 1. The program with its results matrix ("the map"): what the program expects to see at
//    the local level, and one program indicator that the projects contribute to.
const p = Portfolio.fromObject({
  format: "kartan/1",
  default_language: "en",
  program: {
    id: "PRG",
    title: en("Program for local growth"),
    period: { start: "2024-01-01", end: "2025-12-31" },
    matrix: { rows: [{
      level: "local",
      actors: [en("Municipalities and local firms")],
      experiences: [{ id: "M-LOC-EXP-1", text: en("Project leaders learn from each other's projects") }],
      effects: [{ id: "M-LOC-EFF-1", text: en("More local firms take part in development work") }],
    }] },
    results: [{ id: "R-PRG", type: "outcome", title: en("Firms in development work"),
      indicators: [{ id: "PRG-1", title: en("Firms taking part"), measure: "unit", contributors: ["P1-1"] }] }],
  },
});

// 2. Two projects; the first has an indicator with a baseline, a target and periods.
p.putProject({
  id: "P1", title: en("Business network"), levels: ["local"], status: "implementation",
  planned: { start: "2024-01-01", end: "2025-12-31" },
  results: [{ id: "R1", type: "output", title: en("Firms in the network"), matrix_items: ["M-LOC-EFF-1"], indicators: [{
    id: "P1-1", title: en("Firms taking part"), measure: "unit",
    baselines: [{ year: 2023, value: "10" }],
    periods: [
      { start: "2024-01-01", end: "2024-12-31", targets: [{ value: "20" }] },
      { start: "2025-01-01", end: "2025-12-31", targets: [{ value: "30" }] },
    ],
  }] }],
});
p.putProject({ id: "P2", title: en("Skills fair"), levels: ["local"], status: "implementation" });
// An actual recorded in a period: 16 firms in 2024.
p.recordActual("P1-1", "2024-01-01", "2024-12-31", { value: "16" });

// 3. A held project-leader meeting, evaluated by its participants on a 1-4 scale.
p.putActivity({
  id: "A1", kind: "project_leader_meeting", state: "held", title: en("Project leader meeting, spring"),
  held: { start: "2024-05-14", end: "2024-05-14" }, matrix_items: ["M-LOC-EXP-1"],
  participants: [{ role: en("project leaders"), count: 12 }],
});
const agree = ["Disagree", "Partly disagree", "Partly agree", "Agree"]
  .map((label, i) => ({ label: en(label), score: String(i + 1) }));
p.putEvaluation({
  id: "E1", title: en("Meeting evaluation"), events: ["A1"],
  instrument: { questions: [{ id: "Q1", text: en("I learned something I can use in my project"),
    scale: { points: { points: agree } } }] },
  responses: ["4", "3", "4", "2"].map((score) => ({ event: "A1", answers: { Q1: { score } } })),
});

// 4. The meeting notes: an observation that points at the matrix item it is evidence for.
p.putReport({
  id: "RP1", kind: "meeting_notes", title: en("Notes from the spring meeting"), activity: "A1", date: "2024-05-14",
  observations: [{ id: "O1", matrix_item: "M-LOC-EXP-1", level: "local",
    text: en("Two project leaders now run joint firm visits") }],
});

// 5. A lesson drawn from it.
p.putLesson({ id: "L1", date: "2024-06", source: "RP1",
  text: en("Meetings where project leaders present each other's work spread methods fastest") });

// Validate as of a date (the clock is never read): no errors.
const asOf = "2025-01-31";
const diagnostics = p.validate(asOf);
const errors = diagnostics.filter((d) => d.severity === "error");
assert.deepEqual(errors, []);
console.log(`valid as of ${asOf}: ${errors.length} errors, ${diagnostics.length - errors.length} other findings`);

// Map vs reality: the experience item has evidence (the observation in the meeting notes);
// the effect item has none yet, but the indicator P1-1 is linked to it.
const reality = p.mapVsReality(asOf);
for (const item of reality.items) {
  const linked = item.indicators.map((i) => ` indicator ${i.id}: progress ${i.progress?.value ?? "not computed"}`);
  console.log(`${item.item}: ${item.verdict} (${item.evidence} observations)${linked.join(",")}`);
}
const byItem = new Map(reality.items.map((i) => [i.item, i]));
assert.deepEqual(byItem.get("M-LOC-EXP-1").observations, ["O1"]);
assert.equal(byItem.get("M-LOC-EFF-1").verdict, "none_yet");
assert.deepEqual(byItem.get("M-LOC-EFF-1").indicators.map((i) => i.id), ["P1-1"]);

// Progress (DESIGN.md rule 3) at the end of 2024: in the 2024 period (16 - 10) / (20 - 10)
// = 0.6; over the life of the project the targets add up (cumulative, the default) to 50,
// so (16 - 10) / (50 - 10) = 0.15, behind the 0.25 expected by then.
const progress = p.progress("P1-1", "2024-12-31");
assert.deepEqual(progress.periods[0].progress, { kind: "fraction", value: "0.6" });
assert.deepEqual([progress.target, progress.progress.value, progress.expected, progress.status], ["50", "0.15", "0.25", "behind"]);
console.log(`P1-1 at the end of 2024: ${progress.periods[0].progress.value} of the 2024 target, `
  + `${progress.progress.value} of the life target ${progress.target} (${progress.status})`);

// Survey statistics of the meeting evaluation: n = 4, mean (4 + 3 + 4 + 2) / 4 = 3.25.
const [q1] = p.survey("E1").questions;
assert.equal(q1.n, 4);
assert.equal(q1.mean, "3.25");
console.log(`${bestText(q1.text, "en", "en")}: n = ${q1.n}, mean ${q1.mean}`);

// Write out and read back: the same portfolio.
const doc = p.toObject();
const again = Portfolio.fromObject(JSON.parse(JSON.stringify(doc)));
assert.deepEqual(again.toObject(), doc);
assert.equal(again.toJson(), p.toJson());
console.log(`round trip: ${doc.projects.length} projects, ${doc.activities.length} activity, `
  + `${doc.evaluations[0].responses.length} responses, ${doc.reports.length} report, ${doc.lessons.length} lesson`);
