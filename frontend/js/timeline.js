// The timeline chart: a row per thread or process (many of one role grouped, collapsible), a row per
// process's GIL on top, a state per segment, prints, causal arrows, a deadlock's cycle, held threads
// while paused, and a time axis in lesson time. A reusable D3 chart: configure with the accessors, then
// selection.datum({lanes, gil, links, at, end, finding, held, paused, selected, cursor, holds, steps,
// marks}).call(chart). With fitHeight (teacher mode) it fits its lanes and axis to that height.
// The learner's zoom is kept as a window of time, so it stays put while the run goes on; following
// live turns off when they scroll back. Zoom: wheel, drag, W/S/A/D and 0 (see keys.js), or the buttons.
// This module keeps the chart's settings and draws in two steps, init (the stage, once) and update
// (each drawing); the places are computed in timeline-geometry.js, each layer drawn by its own module.
import d3 from "./d3.js";
import { sharedPatterns } from "./patterns.js";
import { domainOf, segmentAt, viewAfter } from "./timeline-layout.js";
import { MARGIN, band, bandTop, geometry, linkWindow, midOf } from "./timeline-geometry.js";
import { drawCanvasRows, drawSvgRows, itemCount, rowItems, SVG_LIMIT } from "./timeline-rows.js";
import { drawLabels, drawSelectedRow } from "./timeline-labels.js";
import { LINK_LIMIT, drawFinding, drawLinks } from "./timeline-arrows.js";
import { drawHeld } from "./timeline-held.js";
import { drawSteps } from "./timeline-steps.js";
import { drawAxes, drawCursor, timeZoom } from "./timeline-axis.js";
import { wirePointer } from "./timeline-tooltip.js";

/** The labels' type: the page's own, as the stylesheet's root (narrower than a monospace one). */
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif';

export function timeline() {
  let width = 960;
  let laneHeight = 30;
  let fontSize = 13;
  let t = (key) => key;
  let lineName = (line) => String(line); // a Java line named for the learner (Python's number first)
  let fitHeight = null; // the height to fit (teacher mode), or null: as tall as the rows need
  let view = null; // the learner's window of time, or null: all of it
  let follow = true; // a zoomed window slides with the run
  let collapsed = null; // keys of collapsed groups; null: collapse all when there are many lanes
  let hiddenLinks = new Set(); // kinds of arrows the learner turned off
  let colorIndex = (id) => id;
  let svgLimit = SVG_LIMIT; // above this many items in view the rows go on the canvas
  let companion = null; // () => {at, end, labelWidth} of a chart drawn on the same time axis (CPython's), or null
  let extent = null; // this chart's own {at, end, labelWidth} at its latest drawing
  let ids = ""; // before the ids of the chart's elements: two charts on one page keep theirs apart
  // select: a thread was clicked {actor, line, t}; step: a held thread was chosen to go next {actor};
  // view: the window changed {zoomed, follow}; groups: a group was opened or closed
  // links: how many arrows are in view and how many of them are drawn
  const dispatch = d3.dispatch("select", "step", "view", "groups", "links");
  let current = null; // {root, data, geo, x, lineName} of the latest draw, for redraws and hit tests
  const measure = document.createElement("canvas").getContext("2d");
  const widths = new Map();
  const linksInView = linkWindow(LINK_LIMIT);
  const attachZoom = timeZoom(
    (domain) => setView(domain),
    () => chart.resetZoom(),
  );

  function chart(selection) {
    selection.each(function (data) {
      update(d3.select(this), data);
    });
  }

  function textWidth(text) {
    const key = `${fontSize}|${text}`;
    if (!widths.has(key)) {
      measure.font = `${fontSize}px ${LABEL_FONT}`;
      widths.set(key, measure.measureText(text).width);
    }
    return widths.get(key);
  }

  /** The stage (a canvas under the SVG) and the tooltip, made once per container. */
  function init(root) {
    const stage = root
      .selectAll("div.timeline-stage")
      .data([null])
      .join((enter) => {
        const div = enter.append("div").attr("class", "timeline-stage");
        div.append("canvas").attr("class", "timeline-canvas").attr("aria-hidden", "true");
        skeleton(div.append("svg"));
        return div;
      });
    const tip = root
      .selectAll("div.timeline-tooltip")
      .data([null])
      .join((enter) => enter.append("div").attr("class", "timeline-tooltip").attr("role", "tooltip").attr("id", `${ids}timeline-tooltip`).property("hidden", true));
    return { stage, tip, svg: stage.select("svg.timeline-chart") };
  }

  /** The SVG's layers, in drawing order. */
  function skeleton(s) {
    s.attr("class", "timeline-chart").attr("role", "group").attr("aria-describedby", "timeline-summary");
    const defs = s.append("defs");
    defs.append("clipPath").attr("id", `${ids}plot-clip`).append("rect");
    for (const id of ["arrow-head", "cycle-head"]) {
      defs
        .append("marker")
        .attr("id", id)
        .attr("class", id)
        .attr("viewBox", "0 0 10 10")
        .attr("refX", 9)
        .attr("refY", 5)
        .attr("markerWidth", 6)
        .attr("markerHeight", 6)
        .attr("orient", "auto")
        .append("path")
        .attr("d", "M0,0L10,5L0,10z");
    }
    sharedPatterns();
    s.append("g").attr("class", "selected-row");
    s.append("g").attr("class", "labels").attr("font-family", LABEL_FONT);
    s.append("rect").attr("class", "hit-area");
    const plot = s.append("g").attr("class", "plot").attr("clip-path", `url(#${ids}plot-clip)`);
    plot.append("g").attr("class", "lanes");
    plot.append("g").attr("class", "links");
    plot.append("g").attr("class", "held-badges");
    plot.append("g").attr("class", "steps");
    plot.append("line").attr("class", "cursor");
    s.append("g").attr("class", "finding");
    s.append("g").attr("class", "axis axis-top");
    s.append("g").attr("class", "axis axis-bottom");
    s.append("text").attr("class", "axis-label").attr("font-family", LABEL_FONT);
  }

  /** The times the window spans, [at, end]: this chart's, and its companion's too. */
  function span(data) {
    const other = companion?.();
    const end = data.end ?? null;
    if (!other) return [data.at, end];
    return [Math.max(data.at, other.at), end == null || other.end == null ? null : Math.max(end, other.end)];
  }

  function update(root, data) {
    const { at, end = null } = data;
    const geo = geometry(data, { collapsed, laneHeight, fontSize, width, textWidth, t, fitHeight });
    extent = { at, end, labelWidth: geo.labelWidth };
    geo.labelWidth = Math.max(geo.labelWidth, companion?.()?.labelWidth ?? 0); // the two time axes line up
    const { rows, height, labelWidth } = geo;
    const right = width - MARGIN.right;
    const [d0, d1] = domainOf(view, follow, ...span(data));
    const x = d3.scaleLinear().domain([d0, d1]).range([labelWidth, right]);
    const drawn = rowItems(rows, x, d0, d1, at);
    const onCanvas = itemCount(drawn) > svgLimit;
    current = { root, data, geo, x, lineName };
    const { stage, tip, svg } = init(root);

    // the root's attributes change rarely: setting them every frame would restyle the whole chart
    const node = svg.node();
    const changed = (name, value) => node.getAttribute(name) !== String(value);
    if (changed("width", width)) svg.attr("width", width);
    if (changed("height", height)) svg.attr("height", height);
    if (changed("viewBox", [0, 0, width, height])) svg.attr("viewBox", [0, 0, width, height]);
    const label = t("timeline.label", data.lanes.length);
    if (changed("aria-label", label)) svg.attr("aria-label", label);
    if (node.style.getPropertyValue("--lane-font") !== `${fontSize}px`) svg.style("--lane-font", `${fontSize}px`);
    if (node.classList.contains("on-canvas") !== onCanvas) svg.classed("on-canvas", onCanvas);
    svg.select(`#${ids}plot-clip rect`).attr("x", labelWidth).attr("y", 0).attr("width", right - labelWidth).attr("height", height);
    svg.select("rect.hit-area").attr("x", labelWidth).attr("y", MARGIN.top).attr("width", right - labelWidth).attr("height", geo.plotBottom - MARGIN.top);

    const mid = midOf(rows);
    drawLabels(svg.select("g.labels"), { rows, labelWidth, data, fontSize, colorIndex, t, lineName }, activate);
    drawSelectedRow(svg.select("g.selected-row"), rows, data.selected, right);
    const nameOf = (id) => data.lanes.find((l) => l.id === id)?.name;
    drawSvgRows(svg.select("g.lanes"), drawn, { y: bandTop, bandOf: band, t, nameOf, colorIndex, enabled: !onCanvas });
    const canvas = stage.select("canvas").node();
    d3.select(canvas).style("width", `${width}px`).style("height", `${height}px`);
    drawCanvasRows(canvas, onCanvas ? drawn : null, { y: bandTop, bandOf: band, colorIndex, width, height, clipLeft: labelWidth, clipRight: right });

    const links = linksInView(data.links ?? [], d0, d1, mid, hiddenLinks);
    dispatch.call("links", null, drawLinks(svg.select("g.links"), canvas, links, { x, mid }));
    drawFinding(svg.select("g.finding"), data.finding, { x, mid, lanes: data.lanes, plotBottom: geo.plotBottom, fontSize });
    drawHeld(svg.select("g.held-badges"), { data, rows, x, laneHeight: geo.laneHeight, fontSize, t, lineName });
    drawSteps(svg.select("g.steps"), { data, rows, x, mid, fontSize });
    drawCursor(svg.select("line.cursor"), data.cursor, x, geo.plotBottom);
    drawAxes(svg, x, { geo, width, fontSize, t });

    attachZoom(svg, x, wholeScale(data, geo), [labelWidth, right, height]);
    wirePointer(svg, tip, { drawing: () => current, t, width, choose });
  }

  /** The scale of the whole run, on which the zoom measures its transform. */
  function wholeScale(data, geo) {
    return d3.scaleLinear().domain(domainOf(null, true, ...span(data))).range([geo.labelWidth, width - MARGIN.right]);
  }

  /** A label pressed: a group opens or closes; a thread is chosen. */
  function activate(row) {
    if (row.kind === "group") {
      if (collapsed == null) {
        // the learner chooses from now on: keep every group as it is shown, but this one
        collapsed = new Set(current.geo.rows.filter((r) => r.kind === "group" && r.group.collapsed).map((r) => r.group.key));
      }
      if (collapsed.has(row.group.key)) collapsed.delete(row.group.key);
      else collapsed.add(row.group.key);
      dispatch.call("groups", null, {});
      redrawSoon();
      return;
    }
    const lane = row.lane;
    if (lane.type === "GIL") return;
    choose(lane, null);
  }

  /** A thread chosen at time `at` (null: its label): held, it takes its step; it is selected. */
  function choose(lane, at) {
    const data = current.data;
    if (data.paused && data.held && data.held.has(lane.id)) dispatch.call("step", null, { actor: lane.id });
    const s = at == null ? lane.segments[lane.segments.length - 1] : segmentAt(lane.segments, at, data.at);
    dispatch.call("select", null, { actor: lane.id, line: s?.line || lane.line || 0, t: at });
  }

  function setView(domain) {
    const data = current.data;
    ({ view, follow } = viewAfter(domain, ...span(data)));
    dispatch.call("view", null, { zoomed: view != null, follow, view });
    redrawSoon();
  }

  function redraw() {
    if (current) update(current.root, current.data);
  }

  // many wheel or key events in one frame: one drawing at the next frame
  let pending = 0;
  function redrawSoon() {
    if (!pending) {
      pending = requestAnimationFrame(() => {
        pending = 0;
        redraw();
      });
    }
  }

  // ---- accessors and commands ----

  chart.width = (value) => (value === undefined ? width : ((width = value), chart));
  chart.laneHeight = (value) => (value === undefined ? laneHeight : ((laneHeight = value), chart));
  chart.fontSize = (value) => (value === undefined ? fontSize : ((fontSize = value), widths.clear(), chart));
  chart.texts = (value) => (value === undefined ? t : ((t = value), chart));
  chart.lineName = (value) => (value === undefined ? lineName : ((lineName = value), chart));
  chart.fitHeight = (value) => (value === undefined ? fitHeight : ((fitHeight = value), chart));
  chart.colorIndex = (value) => (value === undefined ? colorIndex : ((colorIndex = value), chart));
  chart.hiddenLinks = (value) => (value === undefined ? hiddenLinks : ((hiddenLinks = value), chart));
  chart.svgLimit = (value) => (value === undefined ? svgLimit : ((svgLimit = value), chart));
  chart.on = (type, listener) => (dispatch.on(type, listener), chart);
  chart.ids = (value) => (value === undefined ? ids : ((ids = value), chart));
  /** Another chart on the same time axis: () => its extent(); the window spans both, the labels line up. */
  chart.companion = (value) => (value === undefined ? companion : ((companion = value), chart));
  /** This chart's own {at, end, labelWidth} at its latest drawing (null before), for its companion. */
  chart.extent = () => extent;
  /** The learner's window {view, follow}, to keep a companion on the same one; set, it shows at the next drawing. */
  chart.window = (value) => (value === undefined ? { view, follow } : (({ view, follow } = value), chart));
  chart.redraw = redraw;
  /** Back to the whole run, following it live. */
  chart.resetZoom = () => {
    view = null;
    follow = true;
    dispatch.call("view", null, { zoomed: false, follow });
    redraw();
    return chart;
  };
  /** Shows the window [t0, t1] of the run (a deadlock's moment, say), as if the learner had zoomed to it. */
  chart.show = (domain) => {
    if (current) setView(domain);
    return chart;
  };
  /** Zooms in (factor > 1) or out around the middle of the window, or around time `around`. */
  chart.zoomBy = (factor, around = null) => {
    if (!current) return chart;
    const [a, b] = current.x.domain();
    const c = around ?? (a + b) / 2;
    setView([c - (c - a) / factor, c + (b - c) / factor]);
    return chart;
  };
  /** Pans by a fraction of the window (negative: back in time). */
  chart.panBy = (fraction) => {
    if (!current) return chart;
    const [a, b] = current.x.domain();
    const shift = (b - a) * fraction;
    const full = domainOf(null, true, ...span(current.data))[1];
    const lo = Math.min(Math.max(0, a + shift), Math.max(0, full - (b - a)));
    setView([lo, lo + (b - a)]);
    return chart;
  };
  chart.follow = (value) => {
    if (value === undefined) return follow;
    follow = value;
    redraw();
    return chart;
  };
  chart.zoomed = () => view != null;
  return chart;
}
