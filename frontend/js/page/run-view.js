// The run drawn: the timeline, the caption beside it, the objects' panels, the console, the listings'
// markers, the legend, the arrows' filter and the timeline in words, all from the page's state. A live
// run is drawn every frame (while paused only when something changed); otherwise each change is drawn
// when it happens. In teacher mode the timeline fits the height its box is given (the first screen's).
// The timeline's own events go back to the state: the thread selected, the window.
import d3 from "../d3.js";
import { gilSegments, lanes, now } from "../model.js";
import { timeline } from "../timeline.js";
import { FOCUS_MARGIN, findingWindow } from "../timeline-layout.js";
import { drawArrowFilter, drawLegend } from "../legend.js";
import { drawConsole } from "../console.js";
import { drawPanels } from "../panels.js";
import { caption, summary } from "../describe.js";
import { heldNow } from "./state.js";
import { lineName } from "../lines.js";

/** Changes that the panels, console, markers and legend show. */
const NEWS = ["model", "gate", "selected", "javaToPython", "recording"];
/** Changes that the timeline or the caption show. */
const DRAWN = [...NEWS, "replayT", "hiddenLinks", "holds", "steps", "justStepped", "challenge"];

/**
 * The view of the run on the page's elements (found with `byId`). `marks` draws the listings' markers,
 * `large()` says whether teacher mode wants large type, `onStep(actor)` lets a held thread go.
 */
export function runView({ store, t, byId, marks, large, onStep }) {
  const box = byId("timeline");
  let news = false; // something changed that panels, console and markers show
  let frame = 0; // the frame loop of a live run
  let shown = null; // the recording drawn: another one starts a clean timeline
  let lastSummary = 0;
  let summaryKey = "";

  const chart = timeline()
    .texts(t)
    .lineName((line) => lineName(line, store.state.javaToPython, t))
    .on("select", ({ actor, line }) => store.set({ selected: actor, line }))
    .on("step", ({ actor }) => onStep(actor))
    .on("view", ({ zoomed, follow }) => store.set({ zoomed, follow }))
    .on("groups", () => render())
    .on("links", ({ shown: drawn, inView }) => {
      const note = byId("arrow-note");
      const text = drawn < inView ? t("arrows.too-many", inView) : "";
      if (note.textContent !== text) note.textContent = text;
    });

  drawLegend(byId("legend"), t);
  drawConsole(byId("console"), null, t);
  box.textContent = t("timeline.empty");

  function currentAt(s) {
    if (s.mode === "replay") return s.replayT;
    if (s.mode === "live") return now(s.model, s.clock.now(performance.now()));
    return 0;
  }

  function render() {
    const s = store.state;
    const { model } = s;
    if (!model) return;
    const at = currentAt(s);
    const big = large();
    chart
      .width(Math.max(480, box.clientWidth))
      .laneHeight(big ? 52 : 34)
      .fontSize(big ? 24 : 14)
      .fitHeight(big ? Math.max(160, box.clientHeight) : null)
      .hiddenLinks(s.hiddenLinks);
    const paused = s.mode === "live" && s.gate.paused;
    d3.select(box)
      .datum({
        lanes: lanes(model),
        gil: gilSegments(model),
        links: model.links,
        at,
        end: s.mode === "replay" ? s.replay.end : null,
        finding: model.finding,
        held: s.gate.held,
        paused,
        selected: s.selected,
        cursor: s.mode === "replay" ? s.replayT : null,
        holds: s.holds,
        steps: s.steps,
        justStepped: paused ? s.justStepped : null,
        marks: decisive(s),
      })
      .call(chart);
    const held = heldNow(s);
    const where = (h) => lineName(h.line, s.javaToPython, t);
    byId("caption").textContent = held.length
      ? t("caption.paused", held.map((h) => t("caption.held", model.actors.get(h.actor)?.name ?? h.name ?? h.actor, [t(`kind.${h.kind}`), h.object].filter(Boolean).join(" "), where(h))).join(t("finding.joiner")))
      : caption(model, at, t);
    if (news) {
      news = false;
      drawPanels(byId("panels"), model, t);
      byId("panels").closest("section").hidden = model.objects.size === 0;
      drawConsole(byId("console"), model, t);
      marks.draw(s);
      drawLegend(byId("legend"), t, gilHolders(model));
      drawArrowFilter(byId("arrow-filter"), [...model.linkKinds], s.hiddenLinks, t, showLinks);
    }
    // the timeline in words: again when the run has moved on (at most once a second while it is live)
    const ms = performance.now();
    const key = `${s.mode}|${model.events}|${s.mode === "replay" ? s.replayT : ""}`;
    if (key !== summaryKey && (s.mode !== "live" || ms - lastSummary > 1000)) {
      summaryKey = key;
      lastSummary = ms;
      d3.select(byId("timeline-summary"))
        .selectAll("p")
        .data(summary(model, at, t))
        .join("p")
        .text((text) => text);
    }
  }

  /** A won challenge's decisive events, where the model has them: {n, actor, t, text}. */
  function decisive(s) {
    const marks = s.challenge?.won?.marks ?? [];
    return marks
      .map((m, i) => ({ n: i + 1, point: s.model.points.get(m.seq), text: t(m.key, ...m.args) }))
      .filter((m) => m.point)
      .map((m) => ({ n: m.n, actor: m.point.actor, t: m.point.t, text: m.text }));
  }

  /** The arrows' filter changed: a kind shown or hidden. */
  function showLinks(kind, on) {
    const hidden = new Set(store.state.hiddenLinks);
    if (on) hidden.delete(kind);
    else hidden.add(kind);
    store.set({ hiddenLinks: hidden });
  }

  function gilHolders(model) {
    const ids = new Set();
    for (const holders of model.gilHolders.values()) for (const id of holders) ids.add(id);
    return [...ids].map((id) => ({ id, name: model.actors.get(id)?.name ?? String(id), colorIndex: id }));
  }

  /** A live run is drawn at every frame; paused, the picture stands still until a step changes it. */
  function animate() {
    const tick = () => {
      const s = store.state;
      if (s.mode !== "live" || s.phase === "ended") {
        frame = 0;
        return;
      }
      if (!s.gate.paused || news) render();
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  }

  /** Another run or recording: a clean timeline, the whole of it; a run begins where the learner is looking. */
  function clear(s) {
    chart.resetZoom();
    box.textContent = "";
    if (s.mode !== "live") return;
    const top = box.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 2) document.querySelector("main").scrollIntoView({ block: "start" });
  }

  /**
   * A run that ended in a deadlock or a hang opens on that moment, with a won challenge's decisive steps
   * (0 or "Whole run" shows all of it).
   */
  function focusFinding(s) {
    const m = s.model;
    const moment = m && !s.zoomed ? findingWindow(lanes(m), m.finding, m.end) : null;
    if (!moment) return;
    const first = Math.min(moment[0], ...decisive(s).map((d) => d.t));
    const start = Math.max(0, first - (moment[1] - first) * 0.05);
    const end = moment[1] + (moment[0] - start) * FOCUS_MARGIN; // as much room past the end, for a wider window
    if (start > 0) chart.show([start, end]);
  }

  store.on("change.view", (s, changed) => {
    if (changed.has("recording") && s.recording !== shown) {
      shown = s.recording;
      if (shown) clear(s);
    }
    if (changed.has("replay") && s.replay && s.replayT >= s.replay.end) {
      render();
      focusFinding(s);
    }
    if (NEWS.some((k) => changed.has(k))) news = true;
    if (s.mode === "live" && s.phase !== "ended") {
      if (!frame) animate();
      if (!s.gate.paused) return; // the next frame draws it
    }
    if (DRAWN.some((k) => changed.has(k))) render();
  });

  // teacher mode: the box's height is the first screen's, which the dock, the bar and the result line share
  let resized = 0;
  new ResizeObserver(() => {
    if (!large() || !store.state.model || resized) return;
    resized = requestAnimationFrame(() => {
      resized = 0;
      render();
    });
  }).observe(box);

  return { chart, render };
}
