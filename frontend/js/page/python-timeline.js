// CPython's own timeline, under ThreadLab's: the run python-run.js starts (its "python-message" events)
// folded into a model (python-model.js) kept in the page's state as `python`, drawn by a second timeline
// chart on the same time axis as ThreadLab's (the two charts are each other's companion, and share the
// learner's window), its lanes in ThreadLab's order and colours (python-compare.js), with the causal
// arrows the runner traced, and marks where the two runs differ, listed in words below it. Live as the
// run goes, at any speed.
import d3 from "../d3.js";
import { timeline } from "../timeline.js";
import { lanes as lanesOf } from "../model.js";
import { applyPythonEnd, applyPythonEvents, applyPythonLines, createPythonRun, pythonNow } from "../python-model.js";
import { compareRuns } from "../python-compare.js";

/** How often the comparison is made again while a run goes on, in milliseconds. */
const COMPARE_EVERY_MS = 700;

/**
 * The timeline under ThreadLab's (`main`, the chart of run-view.js) in the page's elements (found with
 * `byId`), fed by the CPython section `section`; `large()` says whether teacher mode wants large type.
 */
export function pythonTimeline({ store, t, byId, main, section, large = () => false, clock = () => performance.now() }) {
  const box = byId("python-timeline");
  const wrap = byId("python-timeline-box");
  const list = byId("python-differences");
  let speed = 1;
  let lastBatchMs = 0;
  let compared = { twin: new Map(), order: [], differences: { shown: [], more: 0 } };
  let comparedMs = -Infinity;
  let frame = 0;
  let toldMain = ""; // what ThreadLab's chart last drew of this one's extent

  const chart = timeline()
    .ids("python-")
    .texts(t)
    .colorIndex((id) => compared.twin.get(id) ?? 50 + id)
    .companion(() => main.extent())
    .on("view", ({ view, follow }) => {
      // the learner zoomed CPython's timeline: ThreadLab's shows the same window
      main.window({ view: view ?? null, follow });
      main.redraw();
      store.set({ zoomed: view != null, follow });
    });
  main.companion(() => (store.state.python ? chart.extent() : null));

  section?.addEventListener("python-message", (event) => {
    const message = event.detail;
    const s = store.state;
    if (message.type === "python-asked") {
      speed = Number(message.settings?.speed ?? 1) || 1;
      return;
    }
    if (message.type === "python-started") {
      wrap.hidden = false;
      box.textContent = "";
      chart.window(main.window());
      comparedMs = -Infinity;
      store.set({ python: createPythonRun(message, speed) });
    } else if (!s.python || message.pythonRunId !== s.python.model.runId) {
      return;
    } else if (message.type === "python-events") {
      applyPythonEvents(s.python, message.events ?? [], message.cuts ?? []);
    } else if (message.type === "python-output") {
      applyPythonLines(s.python, message.lines ?? []);
    } else if (message.type === "python-end") {
      applyPythonEnd(s.python, message);
      comparedMs = -Infinity;
    }
    lastBatchMs = clock();
    soon();
  });

  store.on("change.python-timeline", (s, changed) => {
    if (!s.python) return;
    if (changed.has("model") || changed.has("replayT") || changed.has("hiddenLinks") || changed.has("recording")) {
      if (changed.has("recording") || changed.has("model") && s.phase === "ended") comparedMs = -Infinity;
      soon();
    }
  });

  /** Draws at the next frame; a run still going is drawn every frame until it ends. */
  function soon() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  function draw() {
    frame = 0;
    const s = store.state;
    const run = s.python;
    if (!run) return;
    const now = clock();
    if (now - comparedMs >= COMPARE_EVERY_MS) {
      comparedMs = now;
      compared = compareRuns(s.model, s.recording?.events ?? null, run);
      drawDifferences(compared.differences);
    }
    const { model } = run;
    const laneById = new Map(lanesOf(model).map((l) => [l.id, l]));
    const marksOf = new Map();
    for (const d of compared.differences.shown) {
      if (d.lane == null || d.t == null) continue;
      if (!marksOf.has(d.lane)) marksOf.set(d.lane, []);
      marksOf.get(d.lane).push({ kind: "DIFFER", t: d.t, text: words(d), line: 0 });
    }
    const ordered = compared.order.length === laneById.size ? compared.order : [...laneById.keys()];
    const lanes = ordered.map((id) => laneById.get(id)).filter(Boolean).map((lane) =>
      marksOf.has(lane.id) ? { ...lane, marks: [...lane.marks, ...marksOf.get(lane.id)].sort((p, q) => p.t - q.t) } : lane);
    const big = large();
    chart
      .width(Math.max(480, box.clientWidth))
      .laneHeight(big ? 52 : 34)
      .fontSize(big ? 24 : 14)
      .hiddenLinks(s.hiddenLinks)
      .window(main.window());
    d3.select(box)
      .datum({
        lanes,
        gil: [], // CPython's GIL cannot be seen from outside the interpreter: no lane for it
        links: model.links,
        at: pythonNow(run, now - lastBatchMs),
        end: model.end,
        finding: model.finding,
        held: new Map(),
        paused: false,
        selected: null,
        cursor: s.mode === "replay" ? s.replayT : null,
      })
      .call(chart);
    box.closest("section")?.setAttribute("data-state", model.end != null ? "ended" : "running");
    // ThreadLab's chart takes this one's extent into its window and its labels' width: again when they
    // changed (every frame draws it anyway while its own run is live)
    const mine = chart.extent();
    const mainLive = s.mode === "live" && s.phase !== "ended";
    const told = `${mine.labelWidth}|${mine.end}|${mainLive ? "" : mine.at.toFixed(3)}`;
    if (told !== toldMain) {
      toldMain = told;
      main.redraw();
    }
    if (model.end == null || (s.mode === "live" && s.phase !== "ended")) soon();
  }

  /** A difference in the page's words. */
  function words(d) {
    const args = d.args.map((a) => (typeof a === "string" && a.startsWith("python.diff.") ? t(a) : typeof a === "number" && !Number.isInteger(a) ? a.toFixed(2) : a));
    return t(d.key, ...args);
  }

  function drawDifferences({ shown, more }) {
    const items = shown.map((d) => ({ kind: d.kind, text: words(d) }));
    if (more > 0) items.push({ kind: "more", text: t("python.diff.more", more) });
    if (!items.length) items.push({ kind: "none", text: t("python.diff.none") });
    d3.select(list)
      .selectAll("li")
      .data(items)
      .join("li")
      .attr("class", (d) => `difference difference-${d.kind}`)
      .text((d) => d.text);
  }

  window.addEventListener("resize", soon);
  return { chart };
}
