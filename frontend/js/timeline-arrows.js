// The timeline's arrows: the causal links in view (which RELEASE let which ACQUIRED through, which NOTIFY
// woke which WAIT, …), as SVG paths while few and on the canvas when many; and a deadlock's cycle (or a
// hang's line), in red, where it was found.
import { drawCanvasLinks } from "./timeline-rows.js";
import { MARGIN, arrowPath, cycleEdges } from "./timeline-geometry.js";

/** More arrows than this in view go on the canvas. */
export const LINK_SVG_LIMIT = 150;

/** More than this are not drawn at all: a mesh teaches nothing; zoom in. */
export const LINK_LIMIT = 3000;

/**
 * Draws `links` (those in view) into g.links, or on the canvas when there are many, each cut to the plot
 * (arrowPath); returns {shown, inView}: how many are drawn of how many are in view.
 */
export function drawLinks(g, canvas, links, { x, mid }) {
  const [lo, hi] = x.range();
  const path = (k) => arrowPath(x(k.from.t), mid(k.from.actor), x(k.to.t), mid(k.to.actor), lo, hi);
  const onCanvas = links.length > LINK_SVG_LIMIT;
  const tooMany = links.length > LINK_LIMIT;
  if (onCanvas && !tooMany) drawCanvasLinks(canvas, links.map((k) => path(k).d).filter(Boolean));
  const drawn = onCanvas ? [] : links.map((k) => ({ k, ...path(k) })).filter((p) => p.d);
  g.selectAll("path.link")
    .data(drawn)
    .join("path")
    .attr("class", (p) => `link link-${p.k.kind.toLowerCase()}`)
    .attr("marker-end", (p) => (p.head ? "url(#arrow-head)" : null))
    .attr("d", (p) => p.d);
  return { shown: tooMany ? 0 : links.length, inView: links.length };
}

/** A deadlock's cycle (or a hang's waiters): a red line when it was found, red arrows between them. */
export function drawFinding(g, finding, { x, mid, lanes, plotBottom, fontSize }) {
  const idOf = new Map(lanes.map((l) => [l.name, l.id]));
  const at = finding ? x(finding.t) : 0;
  const [lo, hi] = x.range();
  if (at < lo - 1 || at > hi + 1) finding = null; // found outside the window: nothing of it to draw here
  const ids = finding ? finding.actors.map((name) => idOf.get(name)).filter((id) => id != null && mid(id) != null) : [];
  g.selectAll("line.finding-line")
    .data(finding ? [finding] : [])
    .join("line")
    .attr("class", (f) => `finding-line ${f.deadlock ? "deadlock" : "hang"}`)
    .attr("x1", at)
    .attr("x2", at)
    .attr("y1", MARGIN.top)
    .attr("y2", plotBottom);
  // each edge of the cycle bulges further left than the one before; its lock's name sits at its
  // apex, and the names are spread so that none covers another
  const pairs = finding && finding.deadlock ? cycleEdges(ids, finding.objects, mid, Math.max(26, fontSize * 2), fontSize * 1.25) : [];
  g.selectAll("path.cycle")
    .data(pairs)
    .join("path")
    .attr("class", "cycle")
    .attr("marker-end", "url(#cycle-head)")
    .attr("d", ({ from, to, bulge }) => {
      const [y1, y2] = [mid(from), mid(to)];
      return from === to
        ? `M${at},${y1 - 4}C${at + bulge},${y1 - 30} ${at + bulge},${y1 + 30} ${at - 2},${y1 + 4}`
        : `M${at},${y1}C${at + bulge},${y1} ${at + bulge},${y2} ${at - 2},${y2}`;
    });
  g.selectAll("text.cycle-label")
    .data(pairs)
    .join("text")
    .attr("class", "cycle-label")
    .attr("x", (p) => at + 0.75 * p.bulge - 4)
    .attr("y", (p) => p.labelY)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text((p) => p.object);
}
