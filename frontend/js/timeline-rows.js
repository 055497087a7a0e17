// What each row of the timeline shows, computed for the window in view (pure), and drawn either as SVG
// (few items: keyed joins, classes, text inside segments) or on a canvas (a big run: tens of thousands of
// items every frame, which SVG cannot keep up with).
import d3 from "./d3.js";
import { STATE_STYLE, textOn, actorColor } from "./palette.js";
import { stateFill, gilFill, canvasFills } from "./patterns.js";
import { pack, packMarks, summarize } from "./timeline-layout.js";
import { STATES } from "./model.js";

/** The page's --danger, for marks drawn on a canvas, where no stylesheet reaches. */
const DANGER = "#b42318";

/** Above this many items in view the rows go on the canvas. */
export const SVG_LIMIT = 400;

/**
 * The items of every row for the domain [t0, t1] on scale x: {row, items, marks, summary}. `colorIndex`
 * maps an actor id to its colour's index (for the GIL's holders).
 */
export function rowItems(rows, x, t0, t1, at) {
  return rows.map((row) => {
    if (row.kind === "group") {
      return { row, items: [], marks: [], summary: row.group.collapsed ? summarize(row.group.members, x, t0, t1, at) : [] };
    }
    const lane = row.lane;
    const stateOf = lane.type === "GIL" ? () => "gil" : (s) => s.state;
    return { row, items: pack(lane.segments, x, t0, t1, at, stateOf), marks: packMarks(lane.marks ?? [], x, t0, t1), summary: [] };
  });
}

export function itemCount(drawn) {
  let n = 0;
  for (const d of drawn) n += d.items.length + d.marks.length + d.summary.length * 2;
  return n;
}

/** A short text written inside a segment wide enough for it: what it waits for, or how long it sleeps. */
function inside(item, lane, t, nameOf) {
  const s = item.segment;
  if (!s) return "";
  if (lane.type === "GIL") return nameOf(s.actor) ?? "";
  switch (item.state) {
    case "sleeping":
      return s.value != null ? t("inside.sleep", s.value) : "";
    case "blocked":
      return s.object ? t("inside.lock", s.object) : "";
    case "waiting":
      return s.object ? t("inside.wait", s.object) : "";
    case "queue-wait":
      return s.object ? t("inside.queue", s.object) : "";
    case "joining":
      return s.object ? t("inside.join", s.object) : "";
    default:
      return "";
  }
}

/** Draws the rows as SVG into g.rows (one g.lane per row), or empties it when the canvas draws them. */
export function drawSvgRows(g, drawn, { y, bandOf, t, nameOf, colorIndex, enabled }) {
  const rows = g
    .selectAll("g.lane")
    .data(enabled ? drawn : [], (d) => d.row.key)
    .join((enter) => enter.append("g").attr("class", "lane"))
    .attr("data-actor", (d) => (d.row.kind === "group" ? `group:${d.row.group.role}` : d.row.lane.name))
    .attr("data-row", (d) => d.row.key)
    .attr("transform", (d) => `translate(0,${y(d.row)})`);

  rows.each(function (d) {
    const band = bandOf(d.row);
    const lane = d.row.lane;
    const sel = d3.select(this);
    const isGil = lane && lane.type === "GIL";
    sel
      .selectAll("rect.segment")
      .data(d.items, (it) => (it.segment ? `s:${it.segment.i}` : `f:${Math.round(it.x)}`))
      .join("rect")
      .attr("class", (it) => `segment state-${it.state}${it.segment ? "" : " fold"}${it.instant ? " instant" : ""}`)
      .attr("x", (it) => it.x)
      .attr("width", (it) => it.w)
      .attr("height", band)
      .attr("rx", (it) => (it.w > 6 ? 3 : 0))
      .attr("fill", (it) => (isGil ? gilFill(colorIndex(it.segment?.actor)) : stateFill(it.state)))
      .attr("stroke", (it) => (isGil && it.segment ? actorColor(colorIndex(it.segment.actor)) : null));
    sel
      .selectAll("text.segment-text")
      .data(d.items.filter((it) => it.segment && it.w > 46), (it) => `s:${it.segment.i}`)
      .join("text")
      .attr("class", "segment-text")
      .attr("x", (it) => it.x + 4)
      .attr("y", band / 2)
      .attr("dy", "0.35em")
      .attr("fill", (it) => (isGil ? "#1f2328" : textOn(STATE_STYLE[it.state]?.color ?? "#ffffff")))
      .text((it) => clip(inside(it, lane, t, nameOf), it.w - 8, band))
      .filter(function () {
        return this.textContent === "";
      })
      .remove();
    sel
      .selectAll("path.instant-mark")
      .data(d.items.filter((it) => it.instant), (it) => (it.segment ? `s:${it.segment.i}` : `f:${Math.round(it.x)}`))
      .join("path")
      .attr("class", "instant-mark")
      .attr("d", (it) => `M${it.x + it.w / 2 - 4},-1L${it.x + it.w / 2 + 4},-1L${it.x + it.w / 2},5Z`);
    sel
      .selectAll("path.mark")
      .data(d.marks, (m) => `${m.mark.kind}:${m.mark.t}`)
      .join("path")
      .attr("class", (m) => `mark mark-${m.mark.kind.toLowerCase()}`)
      .attr("d", d3.symbol(d3.symbolDiamond, Math.max(46, band * 2.2)))
      .attr("transform", (m) => `translate(${m.x},${band / 2})`);
    drawSummarySvg(sel, d.summary, band);
  });
}

function drawSummarySvg(sel, summary, band) {
  const bars = [];
  for (const column of summary) {
    const total = [...column.counts.values()].reduce((a, b) => a + b, 0);
    let top = 0;
    for (const state of STATES) {
      const n = column.counts.get(state);
      if (!n) continue;
      const h = (band * n) / total;
      bars.push({ key: `${Math.round(column.x)}:${state}`, x: column.x, w: column.w, y: top, h, state });
      top += h;
    }
  }
  sel
    .selectAll("rect.summary")
    .data(bars, (b) => b.key)
    .join("rect")
    .attr("class", (b) => `summary state-${b.state}`)
    .attr("x", (b) => b.x)
    .attr("y", (b) => b.y)
    .attr("width", (b) => b.w)
    .attr("height", (b) => b.h)
    .attr("fill", (b) => stateFill(b.state));
}

function clip(text, width, band) {
  const per = Math.max(5, band * 0.32); // a rough width of one character of the segment's type
  const room = Math.floor(width / per);
  if (room < 3) return "";
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
}

/** Draws the rows on the canvas (a big run), in CSS pixels; the canvas is sized by the chart. */
export function drawCanvasRows(canvas, drawn, { y, bandOf, colorIndex, width, height, clipLeft, clipRight }) {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.fills = null;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (!drawn) return;
  if (!canvas.fills) canvas.fills = canvasFills(ctx);
  const fills = canvas.fills;
  ctx.save();
  ctx.beginPath();
  ctx.rect(clipLeft, 0, clipRight - clipLeft, height);
  ctx.clip();
  for (const d of drawn) {
    const top = y(d.row);
    const band = bandOf(d.row);
    const isGil = d.row.lane && d.row.lane.type === "GIL";
    let fill = null;
    for (const it of d.items) {
      const next = isGil ? fills.gil(colorIndex(it.segment?.actor)) : fills.state(it.state);
      if (next !== fill) ctx.fillStyle = fill = next; // a pattern or colour set only when it changes
      ctx.fillRect(it.x, top, it.w, band);
    }
    ctx.fillStyle = "#1f2328";
    for (const it of d.items) {
      if (!it.instant) continue;
      const cx = it.x + it.w / 2;
      ctx.beginPath();
      ctx.moveTo(cx - 4, top - 1);
      ctx.lineTo(cx + 4, top - 1);
      ctx.lineTo(cx, top + 5);
      ctx.fill();
    }
    for (const m of d.marks) {
      if (m.mark.kind === "EXIT") continue; // as the SVG's stylesheet hides them
      ctx.fillStyle = m.mark.kind === "RAISED" ? DANGER : "#1f2328";
      const r = Math.max(4, band * 0.2);
      ctx.beginPath();
      ctx.moveTo(m.x, top + band / 2 - r);
      ctx.lineTo(m.x + r, top + band / 2);
      ctx.lineTo(m.x, top + band / 2 + r);
      ctx.lineTo(m.x - r, top + band / 2);
      ctx.fill();
    }
    for (const column of d.summary) {
      const total = [...column.counts.values()].reduce((a, b) => a + b, 0);
      let at = top;
      for (const state of STATES) {
        const n = column.counts.get(state);
        if (!n) continue;
        const h = (band * n) / total;
        ctx.fillStyle = fills.state(state);
        ctx.fillRect(column.x, at, column.w, h);
        at += h;
      }
    }
  }
  ctx.restore();
}

/** Links too many for SVG, on the canvas: their SVG path data (already cut to the plot). */
export function drawCanvasLinks(canvas, paths) {
  const ctx = canvas.getContext("2d");
  ctx.save();
  ctx.strokeStyle = "rgba(89,99,110,0.55)";
  ctx.lineWidth = 1;
  ctx.stroke(new Path2D(paths.join("")));
  ctx.restore();
}
