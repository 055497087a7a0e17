// Threads held at the gate, on the timeline: each span a thread spent held (data.holds, from the last
// thing it did to the step that let it go) hatched over its lane, so that a paused and stepped thread is
// drawn held, not running; while the run is paused, each held lane's span ends in a white label with the
// step it waits to take (Python's line first).
import { band, bandTop } from "./timeline-geometry.js";

/** Draws the holds into g.held-badges, each clipped to the plot. */
export function drawHeld(g, { data, rows, x, laneHeight, fontSize, t, lineName }) {
  const held = data.paused && data.held ? data.held : new Map();
  const rowOf = new Map(rows.filter((r) => r.kind === "lane").map((r) => [r.lane.id, r]));
  const [left, right] = x.range();
  const at = x(data.at);
  const minimum = Math.max(12, laneHeight * 0.36);
  const items = [];
  (data.holds ?? []).forEach((span, i) => {
    const row = rowOf.get(span.actor);
    if (!row || span.from > data.at) return;
    const current = span.to == null && held.has(span.actor);
    const end = span.to == null ? at : x(Math.min(span.to, data.at));
    const start = Math.min(x(span.from), current ? at - minimum : end);
    if (end < left || start > right) return;
    items.push({ key: `${span.actor}:${i}`, row, x0: Math.max(left - 2, start), x1: Math.min(right + 2, end), h: current ? held.get(span.actor) : null });
  });
  const badge = g
    .selectAll("g.held-badge")
    .data(items, (d) => d.key)
    .join((enter) => {
      const e = enter.append("g").attr("class", "held-badge");
      e.append("rect").attr("class", "held-span").attr("fill", "url(#pat-held)");
      e.append("rect").attr("class", "held-label-box");
      e.append("text");
      return e;
    })
    .classed("past", (d) => !d.h)
    .attr("data-actor", (d) => (d.h ? d.row.lane.name : null))
    .attr("transform", (d) => `translate(0,${bandTop(d.row)})`);
  badge
    .select("rect.held-span")
    .attr("x", (d) => d.x0)
    .attr("width", (d) => Math.max(1, d.x1 - d.x0))
    .attr("height", (d) => band(d.row));
  const text = (d) => (d.h ? t("timeline.held", [t(`kind.${d.h.kind}`), d.h.object].filter(Boolean).join(" "), lineName(d.h.line)) : "");
  const textWidth = (d) => text(d).length * fontSize * 0.55 + 8;
  // the label inside the span's right end when it fits there, else left of the span (within the plot)
  const labelRight = (d) => (d.x1 - d.x0 >= textWidth(d) + 16 ? d.x1 - 6 : Math.max(left + textWidth(d) + 4, d.x0 - 4));
  badge
    .select("rect.held-label-box")
    .attr("display", (d) => (d.h ? null : "none"))
    .attr("x", (d) => labelRight(d) - textWidth(d))
    .attr("y", (d) => band(d.row) * 0.1)
    .attr("width", textWidth)
    .attr("height", (d) => band(d.row) * 0.8)
    .attr("rx", 3);
  badge
    .select("text")
    .attr("x", (d) => labelRight(d) - 4)
    .attr("y", (d) => band(d.row) / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text(text);
}
