// Threads held at the gate while a run is paused, on the timeline: each held lane hatched from when it
// was first seen held (`since`) to now, with the step it waits to take written on a white label at its end.
import { band, bandTop } from "./timeline-geometry.js";

/** Draws the held threads' badges into g.held-badges (none unless the run is paused). */
export function drawHeld(g, { data, rows, x, laneHeight, fontSize, t }) {
  const held = data.paused && data.held ? data.held : new Map();
  const items = rows.filter((r) => r.kind === "lane" && held.has(r.lane.id)).map((r) => ({ row: r, h: held.get(r.lane.id) }));
  const at = x(data.at);
  const badge = g
    .selectAll("g.held-badge")
    .data(items, (d) => d.row.key)
    .join((enter) => {
      const e = enter.append("g").attr("class", "held-badge");
      e.append("rect").attr("class", "held-span").attr("fill", "url(#pat-held)");
      e.append("rect").attr("class", "held-label-box");
      e.append("text");
      return e;
    })
    .attr("data-actor", (d) => d.row.lane.name)
    .attr("transform", (d) => `translate(0,${bandTop(d.row)})`);
  const minimum = Math.max(12, laneHeight * 0.36);
  const left = (d) => Math.min(at - minimum, d.h.since != null ? x(d.h.since) : at - minimum);
  badge
    .select("rect.held-span")
    .attr("x", left)
    .attr("width", (d) => at - left(d))
    .attr("height", (d) => band(d.row));
  const text = (d) => t("timeline.held", [t(`kind.${d.h.kind}`), d.h.object].filter(Boolean).join(" "), d.h.line);
  const textWidth = (d) => text(d).length * fontSize * 0.55 + 8;
  badge
    .select("rect.held-label-box")
    .attr("x", (d) => left(d) - textWidth(d) - 4)
    .attr("y", (d) => band(d.row) * 0.1)
    .attr("width", textWidth)
    .attr("height", (d) => band(d.row) * 0.8)
    .attr("rx", 3);
  badge
    .select("text")
    .attr("x", (d) => left(d) - 8)
    .attr("y", (d) => band(d.row) / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text(text);
}
