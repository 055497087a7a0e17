// The two listings as the run sees them: a marker per thread on the line it is at (or is held at), in
// both the Java and the Python listing, and the line of the thread picked on the timeline, highlighted
// in both and written under the caption (the listings may be off screen). A held thread's marker,
// clicked, dispatches "marker" {id}.
import d3 from "../d3.js";
import { codeView } from "../code-view.js";
import { actorColor } from "../palette.js";
import { lineName } from "../lines.js";

const ENDED = new Set(["finished", "cut-off", "stopped", "killed"]);

export function listingMarks({ store, t, byId }) {
  const events = d3.dispatch("marker");
  const java = codeView(byId("java-listing"), events);
  const python = codeView(byId("python-listing"), events);

  /** A marker per thread that has not ended, on its line of both listings. */
  function draw({ model, mode, gate, selected, javaToPython }) {
    const list = [];
    for (const actor of model.actors.values()) {
      const last = actor.segments[actor.segments.length - 1];
      if (!last || ENDED.has(last.state)) continue;
      const held = mode === "live" && gate.paused ? gate.held.get(actor.id) : null;
      const line = held ? held.line : actor.line;
      if (!line) continue;
      const where = lineName(line, javaToPython, t);
      const title = held ? t("marker.held", actor.name, [t(`kind.${held.kind}`), held.object].filter(Boolean).join(" "), where) : t("marker.at", actor.name, where);
      list.push({ id: actor.id, name: actor.name, line, color: actorColor(actor.id), held: Boolean(held), selected: actor.id === selected, title, glyph: actor.name.slice(0, 1) });
    }
    java.markers(list);
    python.markers(javaToPython ? list.map((m) => ({ ...m, line: javaToPython[m.line] ?? 0 })) : []);
  }

  /** Shows the picked Java line (and its Python line) in both listings, and under the caption. */
  function showLine({ line, javaToPython, model, selected }) {
    if (!(line > 0)) return;
    java.highlight(line);
    const pythonLine = javaToPython ? javaToPython[line] : null;
    if (pythonLine) python.highlight(pythonLine);
    const parts = [];
    if (pythonLine) parts.push(t("peek.python", pythonLine, python.lineText(pythonLine)));
    parts.push(t("peek.java", line, java.lineText(line)));
    d3.select(byId("code-peek"))
      .property("hidden", false)
      .selectAll("span")
      .data([model?.actors.get(selected)?.name ?? "", ...parts])
      .join("span")
      .attr("class", (_, i) => (i === 0 ? "peek-thread" : "peek-line"))
      .text((text) => text);
  }

  store.on("change.listing-marks", (s, changed) => {
    if (changed.has("line")) showLine(s);
  });
  const marks = {
    draw,
    on(type, listener) {
      events.on(type, listener);
      return marks;
    },
  };
  return marks;
}
