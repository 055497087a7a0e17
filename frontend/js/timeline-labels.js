// The timeline's left column: a label per row (a thread with its colour's dot, hollow for a daemon, or a
// group to open or close), each a button for the keyboard too, its whole name in the timeline's tooltip
// (timeline-tooltip.js) and its accessible name; and the
// band behind the selected thread's row.
import { actorColor } from "./palette.js";

/**
 * Draws the labels into g.labels. `view`: {rows (each with its label), labelWidth, data, fontSize,
 * colorIndex, t, lineName}; `activate(row)` is called when a label is clicked, or pressed with Enter
 * (Space is the page's: it pauses).
 */
export function drawLabels(g, { rows, labelWidth, data, fontSize, colorIndex, t, lineName }, activate) {
  const held = data.paused && data.held ? data.held : new Map();
  const stepped = data.justStepped ?? null;
  const label = g
    .selectAll("g.row-label")
    .data(rows, (r) => r.key)
    .join((enter) => {
      const e = enter.append("g").attr("class", "row-label").attr("tabindex", 0).attr("role", "button");
      e.append("rect").attr("class", "label-hit"); // the whole label's box takes the click, not only its letters
      e.append("circle").attr("class", "swatch-dot");
      e.append("text").attr("class", "lane-label");
      return e;
    })
    .attr("transform", (r) => `translate(0,${r.y + r.h / 2})`)
    // as its lane's: a label is there when its rows are drawn on the canvas too
    .attr("data-actor", (r) => (r.kind === "group" ? `group:${r.group.role}` : r.lane.name))
    .classed("group-label", (r) => r.kind === "group")
    .classed("selected", (r) => r.kind === "lane" && r.lane.id === data.selected)
    .classed("held", (r) => r.kind === "lane" && held.has(r.lane.id))
    .classed("just-stepped", (r) => r.kind === "lane" && r.lane.id === stepped)
    .attr("aria-pressed", (r) => (r.kind === "lane" ? String(r.lane.id === data.selected) : null))
    .attr("aria-expanded", (r) => (r.kind === "group" ? String(!r.group.collapsed) : null))
    .attr("aria-label", (r) => ariaOf(r, held, t, lineName))
    .on("click", (event, r) => activate(r))
    .on("keydown", (event, r) => {
      if (event.key === "Enter") {
        event.preventDefault();
        event.stopPropagation();
        activate(r);
      }
    });
  label
    .select("rect.label-hit")
    .attr("x", 0)
    .attr("y", (r) => -r.h / 2)
    .attr("width", labelWidth - 4)
    .attr("height", (r) => r.h);
  label
    .select("circle.swatch-dot")
    .classed("daemon", (r) => r.kind === "lane" && Boolean(r.lane.daemon))
    .attr("cx", fontSize * 0.6)
    .attr("r", (r) => (r.kind === "lane" && r.lane.type !== "GIL" ? fontSize * 0.36 : 0))
    .attr("fill", (r) => (r.kind === "lane" ? actorColor(colorIndex(r.lane.id)) : "none"))
    .attr("stroke", (r) => (r.kind === "lane" ? actorColor(colorIndex(r.lane.id)) : "none"));
  label
    .select("text.lane-label")
    .attr("x", labelWidth - 10)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text((r) => r.label.text);
}

/** The band behind the selected thread's row, across labels and plot. */
export function drawSelectedRow(g, rows, selected, right) {
  g.selectAll("rect")
    .data(rows.filter((r) => r.kind === "lane" && r.lane.id === selected))
    .join("rect")
    .attr("x", 0)
    .attr("y", (r) => r.y)
    .attr("width", right)
    .attr("height", (r) => r.h);
}

/**
 * What a label says to a screen reader: the words it shows first (so that its name matches what is seen),
 * its whole name when that was shortened, and what pressing it does.
 */
function ariaOf(row, held, t, lineName) {
  const { text, full } = row.label;
  const name = text === full ? text : `${text}: ${full}`;
  if (row.kind === "group") return `${name}: ${t(row.group.collapsed ? "timeline.expand" : "timeline.collapse")}`;
  const l = row.lane;
  if (l.type === "GIL") return name;
  const h = held.get(l.id);
  if (h) return `${name}: ${t("timeline.step-this", lineName(h.line))}`;
  return `${name}: ${t("timeline.select")}`;
}
