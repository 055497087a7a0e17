// The steps a teacher took, on the timeline: each one numbered on the lane of the thread it let go, at
// the moment it did (the latest one ringed), and a won challenge's decisive events (the read and the
// writes of a lost update, the locks of a closed cycle, a notify nobody heard) in red, numbered in their
// order; both stay after the run, in its replay. Only what is in view is drawn.
import { band, bandTop } from "./timeline-geometry.js";

/** Draws data.steps ({n, actor, t}) and data.marks ({n, actor, t, text}) into g.steps. */
export function drawSteps(g, { data, rows, x, fontSize }) {
  const rowOf = new Map(rows.filter((r) => r.kind === "lane").map((r) => [r.lane.id, r]));
  const [left, right] = x.range();
  const last = data.steps?.length ? data.steps[data.steps.length - 1].n : 0;
  const place = (list, kind) =>
    (list ?? [])
      .filter((s) => s.t != null && s.t <= data.at && rowOf.has(s.actor))
      .map((s) => ({ ...s, kind, cx: x(s.t), row: rowOf.get(s.actor) }))
      .filter((s) => s.cx >= left - fontSize && s.cx <= right + fontSize);
  const r = Math.max(7, fontSize * 0.45);
  const items = [...apart(place(data.steps, "step"), 2 * r), ...place(data.marks, "decisive")];
  const mark = g
    .selectAll("g.step-mark")
    .data(items, (d) => `${d.kind}:${d.n}`)
    .join((enter) => {
      const e = enter.append("g");
      e.append("title");
      e.append("circle");
      e.append("text").attr("text-anchor", "middle").attr("dy", "0.35em");
      return e;
    })
    .attr("class", (d) => `step-mark ${d.kind}${d.kind === "step" && d.n === last && data.paused ? " latest" : ""}`)
    .attr("data-actor", (d) => d.row.lane.name)
    .attr("transform", (d) => `translate(${d.cx},${bandTop(d.row) + (d.kind === "step" ? band(d.row) : 0)})`);
  mark.select("title").text((d) => d.text ?? "");
  mark.select("circle").attr("r", r);
  mark
    .select("text")
    .style("font-size", `${Math.round(r * 1.3)}px`)
    .text((d) => d.n);
}

/** The steps that stay readable: on each lane, one that would cover a later one is left out. */
function apart(items, gap) {
  const lastX = new Map();
  const kept = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    const x = lastX.get(it.actor);
    if (x != null && Math.abs(x - it.cx) < gap) continue;
    lastX.set(it.actor, it.cx);
    kept.push(it);
  }
  return kept.reverse();
}
