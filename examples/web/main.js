// The kartan web page: it opens the illustrative example, or a portfolio (kartan JSON or
// IATI XML), or a table of projects with its column mapping; validates it, shows the map
// and the indicators, and downloads the report. Every rule runs in the kartan module; this
// file only reads its answers and puts them on the page.
//
// Bundled by scripts/build-wasm.sh with esbuild into dist/main.js, with the .wasm, the two
// embedded programs (the package's example.json and seed.json, as text) and vega-embed
// inlined, so that the page works offline (also from file://).
import init, { Portfolio, bestText, detectFormat, version } from "kartan";
import wasmBytes from "kartan-wasm-bytes";
import exampleJson from "kartan-example-json" with { type: "text" };
import seedJson from "kartan-seed-json" with { type: "text" };
import vegaEmbed from "vega-embed";

const EXAMPLE = "the illustrative example (invented figures)";

const $ = (id) => document.getElementById(id);
/** Most indicators listed at once; a large IATI file can hold thousands. */
const MAX_INDICATORS = 40;
/** Most charts drawn at once (each is a Vega view). */
const MAX_CHARTS = 12;

const state = { portfolio: null, name: "" };
/** Whether this build of the module has `method` on Portfolio (the page works with any
 *  build: parts whose analysis is not in the module are left out). */
const has = (method) => typeof Portfolio.prototype[method] === "function" || typeof Portfolio[method] === "function";

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

const lang = () => $("lang").value;
const asOf = () => $("as-of").value;
const text = (t) => bestText(t ?? {}, lang(), state.language ?? "sv");

function showError(error) {
  $("error").hidden = false;
  $("error").textContent = error instanceof Error ? error.message : String(error);
}

function setPortfolio(portfolio, name) {
  state.portfolio?.free();
  state.portfolio = portfolio;
  state.name = name;
  $("error").hidden = true;
  render();
}

function load(bytes, name) {
  try {
    // The core detects the format; IATI goes through fromIati to keep its import report.
    const iati = has("fromIati") && detectFormat(bytes) === "iati_xml";
    const portfolio = iati ? Portfolio.fromIati(bytes, name) : Portfolio.fromBytes(bytes, name);
    setPortfolio(portfolio, name);
  } catch (error) {
    showError(error);
    $("status").textContent = `Could not open ${name}.`;
  }
}

async function loadFile(file) {
  $("status").textContent = `Reading ${file.name}…`;
  load(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** A table of projects (CSV, TSV or JSON records) read through its column mapping (TOML or
 *  JSON): `Portfolio.fromTable`. What the import skipped is listed under the program. */
async function importTable() {
  const table = $("table-file").files[0];
  const mapping = $("mapping-file").files[0];
  if (!table || !mapping) {
    showError("Choose a table (CSV, TSV or JSON records) and its mapping (TOML or JSON) first.");
    return;
  }
  $("status").textContent = `Reading ${table.name} with ${mapping.name}…`;
  try {
    const portfolio = Portfolio.fromTable(new Uint8Array(await table.arrayBuffer()), await mapping.text(), table.name);
    setPortfolio(portfolio, table.name);
  } catch (error) {
    showError(error);
    $("status").textContent = `Could not import ${table.name}.`;
  }
}

function render() {
  const p = state.portfolio;
  if (!p) return;
  // The whole document, typed PortfolioDoc; fields left out when empty are optional.
  const doc = p.toObject();
  state.language = doc.default_language;
  $("portfolio").hidden = false;
  $("status").textContent = `Showing ${state.name}.`;
  renderProgram(doc, p.indicators().length);
  renderImport(has("importReport") ? p.importReport() : undefined, has("tableReport") ? p.tableReport() : undefined);
  renderDiagnostics(p.validate(asOf()));
  renderMatrix(p.matrix(), has("mapVsReality") ? p.mapVsReality(asOf()) : { items: [], plans: [] });
  $("download").hidden = !has("report");
  renderIndicators(p);
}

/** Where a table import skipped something: "row 3, column amount". */
const placeOf = (place) => [`row ${place.row}`, place.column ? `column ${place.column}` : null].filter(Boolean).join(", ");

function renderImport(iati, table) {
  $("import").hidden = !iati && !table;
  $("skipped").hidden = !table || table.skipped.length === 0;
  if (iati) {
    const list = (entries) => entries.map((n) => `${n.path} (${n.count})`).join(", ");
    const carried = list(iati.carried ?? []);
    const notModelled = list(iati.not_modelled);
    $("import").textContent = `IATI ${iati.version ?? "(no version)"}: ${iati.activities_imported} activities imported, `
      + `${iati.activities_skipped} skipped; ${iati.indicators_without_measure} indicators without a measure, `
      + `${iati.targets_without_value} targets without a value.`
      + (carried ? ` Carried for export, not modelled: ${carried}.` : "")
      + (notModelled ? ` Not modelled (lost on export): ${notModelled}.` : "");
  } else if (table) {
    $("import").textContent = `${table.file}: ${table.rows_read} rows read, ${table.rows_imported} imported; `
      + `${table.skipped.length} rows or cells skipped, ${table.warnings.length} warnings.`;
    $("skipped").replaceChildren(...table.skipped.map((s) => el("li", { "data-row": String(s.place.row) },
      el("span", { class: "muted" }, `${placeOf(s.place)}${s.field ? ` (${s.field})` : ""}: `), s.reason)));
  }
}

function downloadReport() {
  const html = state.portfolio.report("html", lang(), asOf());
  const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  const a = el("a", { href: url, download: `kartan-report-${asOf()}.html` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function renderProgram(doc, indicatorCount) {
  const program = doc.program;
  $("program-title").textContent = text(program.title) || program.id;
  // The subtitle carries the illustrative example's "invented" marker.
  $("program-subtitle").textContent = text(program.subtitle);
  $("program-subtitle").hidden = !text(program.subtitle);
  $("program-purpose").textContent = text(program.purpose);
  const stated = program.stated_project_count;
  const facts = [
    ["Program id", program.id],
    ["Period", [program.period?.start, program.period?.end].filter(Boolean).join(" – ") || "not stated"],
    ["Projects recorded", String(doc.projects?.length ?? 0)
      + (stated !== undefined && stated !== null ? ` (the program states ${stated})` : "")],
    ["Indicators", String(indicatorCount)],
    ["Activities", String(doc.activities?.length ?? 0)],
  ];
  $("program-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { textContent: k }), el("dd", { textContent: v })]));
}

function renderDiagnostics(diagnostics) {
  const count = (s) => diagnostics.filter((d) => d.severity === s).length;
  $("diagnostics-summary").textContent = diagnostics.length === 0
    ? `Valid as of ${asOf()}: no findings.`
    : `${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes as of ${asOf()}.`;
  $("diagnostics").hidden = diagnostics.length === 0;
  $("diagnostics").tBodies[0].replaceChildren(...diagnostics.map((d) => el("tr", { "data-severity": d.severity },
    el("td", { class: `sev sev-${d.severity}`, textContent: d.severity }),
    el("td", {}, el("code", { textContent: d.code })),
    el("td", {}, el("code", { textContent: d.path })),
    el("td", { textContent: d.message }))));
}

const VERDICTS = { evidence_found: "evidence found", partly: "partly", none_yet: "no evidence yet" };

function itemList(items, reality) {
  return el("ul", {}, items.map((item) => {
    const r = reality.get(item.id);
    const verdict = r ? el("span", { class: `verdict verdict-${r.verdict}`, "data-verdict": r.verdict,
      title: r.sources.length ? `sources: ${r.sources.join(", ")}` : "no sources" },
    `${VERDICTS[r.verdict] ?? r.verdict}${r.evidence ? ` (${r.evidence})` : ""}`) : null;
    return el("li", { "data-item": item.id, title: item.id }, text(item.text), " ", verdict);
  }));
}

function renderMatrix(rows, reality) {
  const byItem = new Map(reality.items.map((i) => [i.item, i]));
  $("matrix-empty").hidden = rows.length > 0;
  $("matrix").hidden = rows.length === 0;
  $("matrix").tBodies[0].replaceChildren(...rows.map((row) => el("tr", { "data-level": row.level },
    el("th", { textContent: row.level }),
    el("td", {}, el("ul", {}, (row.actors ?? []).map((a) => el("li", { textContent: text(a) })))),
    el("td", {}, itemList(row.experiences ?? [], byItem)),
    el("td", {}, itemList(row.effects ?? [], byItem)))));
  $("plans-box").hidden = reality.plans.length === 0;
  $("plans").replaceChildren(...reality.plans.map((p) => el("li", { "data-plan": p.plan },
    `${text(p.title) || p.kind}: ${p.held} held`
    + (p.planned !== null ? ` of ${p.planned} planned` : "")
    + (p.last_held ? `, the last on ${p.last_held}` : ""))));
}

function periodTable(indicator) {
  const value = (values = []) => values.filter((v) => !v.dimensions?.length)
    .map((v) => v.value ?? text(v.text)).join(", ");
  return el("table", { class: "periods" },
    el("thead", {}, el("tr", {}, ["Period", "Target", "Actual"].map((h) => el("th", { textContent: h })))),
    el("tbody", {}, (indicator.periods ?? []).map((period) => el("tr", {},
      el("td", { textContent: `${period.start} – ${period.end}` }),
      el("td", { textContent: value(period.targets) }),
      el("td", { textContent: value(period.actuals) })))));
}

/** Progress as the core computes it (a fraction), or why there is none. */
function progressView(p, id) {
  if (!has("progress")) return null;
  let progress;
  try {
    progress = p.progress(id, asOf());
  } catch (error) {
    return el("p", { class: "muted", "data-progress-error": error.code ?? "" }, error.message);
  }
  const figure = progress.progress.kind === "fraction"
    ? `${(Number(progress.progress.value) * 100).toLocaleString("en", { maximumFractionDigits: 1 })} %`
    : progress.progress.kind.replaceAll("_", " ");
  const facts = [["baseline", progress.baseline], ["target", progress.target], ["actual", progress.actual]]
    .filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`).join(" · ");
  return el("p", { class: "progress" },
    el("span", { class: "figure", "data-progress": progress.progress.kind === "fraction" ? progress.progress.value : "" }, figure),
    " of the way to the target ",
    el("span", { class: `track track-${progress.status}`, "data-status": progress.status }, progress.status.replaceAll("_", " ")),
    el("br"), el("span", { class: "muted" }, facts));
}

function chartView(p, id, index) {
  const box = el("div", { class: "chart", "data-chart": id });
  if (index < MAX_CHARTS && has("indicatorChart")) {
    try {
      const spec = p.indicatorChart(id);
      vegaEmbed(box, spec, { actions: false, renderer: "svg" }).catch((error) => box.replaceChildren(String(error)));
    } catch (error) {
      box.replaceChildren(el("p", { class: "muted" }, error.message));
    }
  }
  return box;
}

function renderIndicators(p) {
  const all = p.indicators();
  $("indicators-summary").textContent = all.length === 0
    ? "This portfolio records no indicators."
    : `${all.length} indicators${all.length > MAX_INDICATORS ? `; the first ${MAX_INDICATORS} are shown` : ""}.`;
  $("indicators").replaceChildren(...all.slice(0, MAX_INDICATORS).map((indicator, index) => {
    const project = p.projectOfIndicator(indicator.id);
    const periods = indicator.periods ?? [];
    return el("article", { class: "indicator", "data-indicator": indicator.id },
      el("h3", {}, text(indicator.title) || indicator.id, " ", el("code", { class: "muted", textContent: indicator.id })),
      el("p", { class: "muted", textContent: [indicator.measure ?? "measure not stated", indicator.direction,
        project ? `project ${project}` : "program"].join(" · ") }),
      progressView(p, indicator.id),
      periods.length ? chartView(p, indicator.id, index) : null,
      periods.length ? periodTable(indicator) : el("p", { class: "muted", textContent: "No periods reported." }));
  }));
}

function wire() {
  const drop = $("drop");
  $("file").addEventListener("change", (e) => e.target.files[0] && loadFile(e.target.files[0]));
  $("example").addEventListener("click", () => setPortfolio(Portfolio.fromJson(exampleJson), EXAMPLE));
  $("seed").addEventListener("click", () => setPortfolio(Portfolio.fromJson(seedJson), "the seed program"));
  $("table-import-go").addEventListener("click", () => importTable());
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer?.files?.[0];
    if (file) loadFile(file);
  });
  $("download").addEventListener("click", () => {
    try {
      downloadReport();
    } catch (error) {
      showError(error);
    }
  });
  $("lang").addEventListener("change", render);
  $("as-of").addEventListener("change", () => asOf() && render());
}

async function main() {
  await init({ module_or_path: wasmBytes });
  $("version").textContent = version();
  const today = new Date();
  $("as-of").value = new Date(today.getTime() - today.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  wire();
  // The page opens on the illustrative example, so that every part has something to show.
  setPortfolio(Portfolio.fromJson(exampleJson), EXAMPLE);
  $("status").textContent = `kartan ${version()} is ready. Showing ${EXAMPLE}: open a file, import a table or load the seed program.`;
  document.body.dataset.ready = "true";
}

main().catch(showError);
