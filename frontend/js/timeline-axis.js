// The timeline's time: its axes in lesson time (below, and above too when there are many rows), the
// replay's cursor, and the zoom of wheel and drag, which the chart keeps as a window of time.
import d3 from "./d3.js";
import { tickFormat } from "./format.js";
import { MARGIN } from "./timeline-geometry.js";

/**
 * The axes on scale x, ticks about every seven characters; the unit's name sits left of the ticks, in
 * the labels' column (a line of its own below them would cost the rows their room).
 */
export function drawAxes(svg, x, { geo, width, fontSize, t }) {
  const ticks = Math.max(2, Math.floor((width - geo.labelWidth) / (fontSize * 7)));
  const { unit, format } = tickFormat(x.domain(), ticks);
  const axis = d3.axisBottom(x).ticks(ticks).tickFormat(format).tickSizeOuter(0);
  svg.select("g.axis-bottom").attr("transform", `translate(0,${geo.plotBottom + 4})`).call(axis);
  svg
    .select("g.axis-top")
    .attr("display", geo.axisTop ? null : "none")
    .attr("transform", `translate(0,${MARGIN.top + fontSize * 2})`)
    .call(d3.axisTop(x).ticks(ticks).tickFormat(format).tickSizeOuter(0));
  svg
    .select("text.axis-label")
    .attr("x", geo.labelWidth - fontSize * 1.2) // clear of the first tick's number
    .attr("y", geo.plotBottom + 4 + 9 + fontSize * 0.5)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text(t("timeline.axis-short", t(unit, "").trim()))
    .selectAll("title")
    .data([null])
    .join("title")
    .text(t("timeline.axis", t(`${unit}.name`)));
}

/** The replay's cursor at time `cursor` (hidden when null). */
export function drawCursor(line, cursor, x, plotBottom) {
  const [lo, hi] = x.range();
  const out = cursor == null || x(cursor) < lo - 2 || x(cursor) > hi + 2;
  line
    .attr("display", out ? "none" : null)
    .attr("x1", x(cursor ?? 0))
    .attr("x2", x(cursor ?? 0))
    .attr("y1", MARGIN.top)
    .attr("y2", plotBottom);
}

/**
 * The zoom of one chart: the learner's wheel and drag call onView(domain) with the window they chose,
 * a double click calls onReset(). attach(svg, x, whole, [left, right, height]) after each drawing keeps
 * the zoom's transform in step with the window drawn (x), measured on the scale of the whole run.
 */
export function timeZoom(onView, onReset) {
  const zoom = d3.zoom().scaleExtent([1, 1e7]);
  let whole = null;
  zoom.on("zoom", (event) => {
    if (!event.sourceEvent) return; // set by the page (keys, buttons): already applied
    onView(event.transform.rescaleX(whole).domain());
  });
  return function attach(svg, x, wholeScale, [left, right, height]) {
    whole = wholeScale;
    const [v0, v1] = x.domain();
    const [r0, r1] = whole.range();
    const k = (r1 - r0) / (whole(v1) - whole(v0));
    const transform = d3.zoomIdentity.translate(r0 - k * whole(v0), 0).scale(k);
    zoom.extent([[left, 0], [right, height]]).translateExtent([[left, 0], [right, height]]);
    if (!svg.property("__zoomWired")) {
      svg.call(zoom).on("dblclick.zoom", null).property("__zoomWired", true);
      svg.on("dblclick", () => onReset());
    }
    svg.property("__zoom", transform);
  };
}
