// The timeline's pointer: what is under it, named in a tooltip (a state and its span, a print, a GIL
// turn, a closed group's count per state), and a click on a thread's lane, which chooses that thread.
import d3 from "./d3.js";
import { segmentAt } from "./timeline-layout.js";
import { formatSpan, formatTime } from "./format.js";
import { segmentEnd } from "./model.js";

/**
 * What is at (px, py) of the latest drawing {geo, x, data}: {row, time, mark?, segment?}; over the labels'
 * column {row, label: true} (its tooltip holds the whole name a shortened label leaves out); or null.
 */
export function hit({ geo, x, data }, px, py) {
  const row = geo.rows.find((r) => py >= r.y && py < r.y + r.h);
  if (!row) return null;
  if (px < geo.labelWidth) return { row, label: true };
  const time = x.invert(px);
  const slack = x.invert(px + 3) - time;
  if (row.kind === "group") return { row, time };
  const lane = row.lane;
  const mark = (lane.marks ?? []).find((m) => Math.abs(m.t - time) <= slack * 1.5);
  const segment = segmentAt(lane.segments, time, data.at) ?? segmentAt(lane.segments, time + slack, data.at) ?? segmentAt(lane.segments, time - slack, data.at);
  return { row, time, mark, segment };
}

/** The tooltip's lines for a hit, the first its title; a line of code is named by `lineName` (Python's first). */
export function tooltipLines(h, { x, data, lineName = String }, t) {
  const span = x.domain()[1] - x.domain()[0];
  if (h.label) return [h.row.label.full];
  if (h.row.kind === "group") {
    const counts = new Map();
    for (const m of h.row.group.members) {
      const s = segmentAt(m.segments, h.time, data.at);
      if (s) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
    }
    return [`${h.row.group.role} ×${h.row.group.members.length}`, formatTime(h.time, t, span), ...[...counts].map(([s, n]) => `${n} · ${t(`state.${s}`)}`)];
  }
  const lane = h.row.lane;
  if (h.mark) return [lane.name, formatTime(h.mark.t, t, span), `${t(`event.${h.mark.kind.toLowerCase()}`)}: ${h.mark.text ?? ""}`];
  const s = h.segment;
  if (!s) return [lane.name];
  const end = segmentEnd(s, data.at);
  if (lane.type === "GIL") {
    const holder = data.lanes.find((l) => l.id === s.actor)?.name ?? "";
    return [lane.name, t("tooltip.gil", holder), formatSpan(s.start, end, t, span)];
  }
  const what = [t(`state.${s.state}`)];
  if (s.object) what.push(t("tooltip.object", s.object));
  const lines = [lane.name, what.join(" · "), formatSpan(s.start, end, t, span)];
  const ended = ["finished", "cut-off", "stopped", "killed"].includes(s.state); // the state's name says how
  if (s.state === "sleeping" && s.value != null) lines.push(t("tooltip.asked", s.value));
  else if (!ended && s.value != null && s.value !== "") lines.push(t("tooltip.value", s.value));
  if (s.line > 0) lines.push(t("tooltip.line", lineName(s.line)));
  return lines;
}

/**
 * Wires the pointer on svg: the tooltip `tip` follows it, a click on a thread's lane calls
 * choose(lane, time). `drawing()` is the latest drawing {geo, x, data}; `width` the chart's.
 */
export function wirePointer(svg, tip, { drawing, t, width, choose }) {
  svg
    .on("pointermove.tip", (event) => {
      const [px, py] = d3.pointer(event, svg.node());
      const h = hit(drawing(), px, py);
      if (!h) {
        tip.property("hidden", true);
        return;
      }
      tip
        .selectAll("div")
        .data(tooltipLines(h, drawing(), t))
        .join("div")
        .attr("class", (_, i) => (i === 0 ? "tip-title" : null))
        .text((l) => l);
      const stageWidth = svg.node().clientWidth || width;
      tip
        .property("hidden", false)
        .style("left", `${Math.min(px + 14, stageWidth - 260)}px`)
        .style("top", `${py + 16}px`);
    })
    .on("pointerleave.tip", () => tip.property("hidden", true))
    .on("click.select", (event) => {
      if (event.defaultPrevented) return; // the end of a drag
      const [px, py] = d3.pointer(event, svg.node());
      const h = hit(drawing(), px, py);
      if (!h || h.label || h.row.kind !== "lane" || h.row.lane.type === "GIL") return;
      choose(h.row.lane, h.mark ? h.mark.t : h.time);
    });
}
