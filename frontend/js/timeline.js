// The timeline chart: a row per thread or process (many of one role grouped, collapsible), a row per
// process's GIL on top, a state per segment, prints, causal arrows, a deadlock's cycle, held threads
// while paused, and a time axis in lesson time. A reusable D3 chart: configure with the accessors, then
// selection.datum({lanes, gil, links, at, end, finding, held, selected, cursor}).call(chart).
// The learner's zoom is kept as a window of time, so it stays put while the run goes on; following
// live turns off when they scroll back. Zoom: wheel, drag, W/S/A/D and 0 (see keys.js), or the buttons.
import d3 from "./d3.js";
import { actorColor } from "./palette.js";
import { sharedPatterns } from "./patterns.js";
import { domainOf, groupRows, segmentAt, spread, viewAfter } from "./timeline-layout.js";
import { drawCanvasLinks, drawCanvasRows, drawSvgRows, itemCount, rowItems, SVG_LIMIT } from "./timeline-rows.js";
import { formatSpan, formatTime, tickFormat } from "./format.js";
import { segmentEnd } from "./model.js";

const LINK_SVG_LIMIT = 150; // more arrows than this in view go on the canvas
const LINK_LIMIT = 3000; // more than this are not drawn at all: a mesh teaches nothing; zoom in

export function timeline() {
  let width = 960;
  let laneHeight = 30;
  let fontSize = 13;
  let t = (key) => key;
  let view = null; // the learner's window of time, or null: all of it
  let follow = true; // a zoomed window slides with the run
  let collapsed = null; // keys of collapsed groups; null: collapse all when there are many lanes
  let hiddenLinks = new Set(); // kinds of arrows the learner turned off
  let colorIndex = (id) => id;
  let svgLimit = SVG_LIMIT; // above this many items in view the rows go on the canvas
  const margin = { top: 10, right: 24, bottom: 44 };
  const zoom = d3.zoom().scaleExtent([1, 1e7]);
  // select: a thread was clicked {actor, line, t}; step: a held thread was chosen to go next {actor};
  // view: the window changed {zoomed, follow}; groups: a group was opened or closed
  // links: how many arrows are in view and how many of them are drawn
  const dispatch = d3.dispatch("select", "step", "view", "groups", "links");
  let current = null; // {root, data, geometry} of the latest draw, for redraws and hit tests
  const measure = document.createElement("canvas").getContext("2d");
  const widths = new Map();

  function chart(selection) {
    selection.each(function (data) {
      draw(d3.select(this), data);
    });
  }

  function textWidth(text) {
    const key = `${fontSize}|${text}`;
    if (!widths.has(key)) {
      measure.font = `${fontSize}px ui-monospace, "DejaVu Sans Mono", monospace`;
      widths.set(key, measure.measureText(text).width);
    }
    return widths.get(key);
  }

  function gilLanes(data) {
    const gil = data.gil ?? [];
    return gil.map((g) => ({
      id: `gil:${g.pid}`,
      name: gil.length > 1 ? `GIL · pid ${g.pid}` : "GIL",
      type: "GIL",
      segments: g.segments,
      marks: [],
    }));
  }

  /** Rows with their places: y from the top, height, and the band (the coloured part). */
  function geometry(data) {
    const rows = [
      ...gilLanes(data).map((lane) => ({ key: `lane:${lane.id}`, kind: "lane", lane })),
      ...groupRows(data.lanes, collapsed),
    ];
    const axisTop = rows.length > 10;
    let top = margin.top + (axisTop ? fontSize * 2.2 : 0);
    for (const row of rows) {
      row.h = row.kind === "group" && !row.group.collapsed ? Math.round(laneHeight * 0.7) : laneHeight;
      row.y = top;
      top += row.h;
    }
    const height = top + margin.bottom + fontSize * 1.6;
    const labels = rows.map((row) => labelOf(row));
    const widest = d3.max(labels, (l) => textWidth(l)) ?? 40;
    const labelWidth = Math.round(Math.min(Math.max(90, widest + fontSize * 1.8 + 20), width * 0.36));
    return { rows, height, labelWidth, axisTop, plotBottom: top };
  }

  const band = (row) => (row.kind === "group" && !row.group.collapsed ? 0 : Math.round(row.h * 0.72));
  const bandTop = (row) => row.y + (row.h - band(row)) / 2;

  function labelOf(row) {
    if (row.kind === "group") {
      const g = row.group;
      return `${g.collapsed ? "▸" : "▾"} ${g.role} ×${g.members.length}${g.pid != null ? ` · pid ${g.pid}` : ""}`;
    }
    const l = row.lane;
    const pid = l.type === "PROCESS" && l.pid ? ` · pid ${l.pid}` : "";
    return `${l.name}${l.daemon ? ` ${t("timeline.daemon")}` : ""}${pid}`;
  }

  function draw(root, data) {
    const { at, end = null } = data;
    const geo = geometry(data);
    const { rows, height, labelWidth } = geo;
    const [d0, d1] = domainOf(view, follow, at, end);
    const x = d3.scaleLinear().domain([d0, d1]).range([labelWidth, width - margin.right]);
    const drawn = rowItems(rows, x, d0, d1, at);
    const onCanvas = itemCount(drawn) > svgLimit;
    current = { root, data, geo, x };

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
      .join((enter) => enter.append("div").attr("class", "timeline-tooltip").attr("role", "tooltip").attr("id", "timeline-tooltip").property("hidden", true));
    // the root's attributes change rarely: setting them every frame would restyle the whole chart
    const svg = stage.select("svg.timeline-chart");
    const node = svg.node();
    const changed = (name, value) => node.getAttribute(name) !== String(value);
    if (changed("width", width)) svg.attr("width", width);
    if (changed("height", height)) svg.attr("height", height);
    if (changed("viewBox", [0, 0, width, height])) svg.attr("viewBox", [0, 0, width, height]);
    const label = t("timeline.label", data.lanes.length);
    if (changed("aria-label", label)) svg.attr("aria-label", label);
    if (node.style.getPropertyValue("--lane-font") !== `${fontSize}px`) svg.style("--lane-font", `${fontSize}px`);
    if (node.classList.contains("on-canvas") !== onCanvas) svg.classed("on-canvas", onCanvas);

    svg.select("#plot-clip rect").attr("x", labelWidth).attr("y", 0).attr("width", width - margin.right - labelWidth).attr("height", height);
    svg.select("rect.hit-area").attr("x", labelWidth).attr("y", margin.top).attr("width", width - margin.right - labelWidth).attr("height", geo.plotBottom - margin.top);

    const y = (row) => bandTop(row);
    const yOf = new Map(rows.filter((r) => r.kind === "lane").map((r) => [r.lane.id, r]));
    // a lane hidden in a collapsed group: its arrows and cycle end at the group's row
    for (const r of rows) if (r.kind === "group" && r.group.collapsed) for (const m of r.group.members) yOf.set(m.id, r);
    const mid = (id) => (yOf.has(id) ? bandTop(yOf.get(id)) + band(yOf.get(id)) / 2 : null);

    drawLabels(svg.select("g.labels"), rows, labelWidth, data);
    svg
      .select("g.selected-row")
      .selectAll("rect")
      .data(rows.filter((r) => r.kind === "lane" && r.lane.id === data.selected))
      .join("rect")
      .attr("x", 0)
      .attr("y", (r) => r.y)
      .attr("width", width - margin.right)
      .attr("height", (r) => r.h);

    drawSvgRows(svg.select("g.lanes"), drawn, {
      y,
      bandOf: band,
      t,
      nameOf: (id) => data.lanes.find((l) => l.id === id)?.name,
      colorIndex,
      enabled: !onCanvas,
    });
    const canvas = stage.select("canvas").node();
    d3.select(canvas).style("width", `${width}px`).style("height", `${height}px`);
    drawCanvasRows(canvas, onCanvas ? drawn : null, {
      y,
      bandOf: band,
      colorIndex,
      width,
      height,
      clipLeft: labelWidth,
      clipRight: width - margin.right,
    });

    // causal arrows in view, of the kinds shown
    const links = linksInView(data.links ?? [], d0, d1, mid);
    const path = (k) => [x(k.from.t), mid(k.from.actor), x(k.to.t), mid(k.to.actor)];
    const linksOnCanvas = links.length > LINK_SVG_LIMIT;
    const tooMany = links.length > LINK_LIMIT;
    if (linksOnCanvas && !tooMany) drawCanvasLinks(canvas, links.map(path));
    dispatch.call("links", null, { shown: tooMany ? 0 : links.length, inView: links.length });
    svg
      .select("g.links")
      .selectAll("path.link")
      .data(linksOnCanvas ? [] : links)
      .join("path")
      .attr("class", (k) => `link link-${k.kind.toLowerCase()}`)
      .attr("marker-end", "url(#arrow-head)")
      .attr("d", (k) => {
        const [x1, y1, x2, y2] = path(k);
        return `M${x1},${y1}C${x1 + 18},${y1} ${x2 - 18},${y2} ${x2},${y2}`;
      });

    drawFinding(svg.select("g.finding"), data.finding, x, mid, data.lanes, geo);
    drawHeld(svg.select("g.held-badges"), data, rows, x);

    svg
      .select("line.cursor")
      .attr("display", data.cursor == null ? "none" : null)
      .attr("x1", x(data.cursor ?? 0))
      .attr("x2", x(data.cursor ?? 0))
      .attr("y1", margin.top)
      .attr("y2", geo.plotBottom);

    const ticks = Math.max(2, Math.floor((width - labelWidth) / (fontSize * 7)));
    const { unit, format } = tickFormat([d0, d1], ticks);
    const axis = d3.axisBottom(x).ticks(ticks).tickFormat(format).tickSizeOuter(0);
    svg.select("g.axis-bottom").attr("transform", `translate(0,${geo.plotBottom + 4})`).call(axis);
    svg
      .select("g.axis-top")
      .attr("display", geo.axisTop ? null : "none")
      .attr("transform", `translate(0,${margin.top + fontSize * 2})`)
      .call(d3.axisTop(x).ticks(ticks).tickFormat(format).tickSizeOuter(0));
    svg
      .select("text.axis-label")
      .attr("x", width - margin.right)
      .attr("y", geo.plotBottom + 4 + fontSize * 2.5)
      .attr("text-anchor", "end")
      .text(t("timeline.axis", t(`${unit}.name`)));

    wireZoom(svg, x, data, geo);
    wirePointer(svg, tip, data);
  }

  // Links come in the order of their effects, so those that end in view are found by bisection; the
  // longest arrow bounds how far past the window one may end and still cross it. A run's links only
  // grow: only the new ones are measured (all of them again for another list, or a shorter one).
  let longest = { links: null, count: 0, span: 0 };
  function linksInView(all, d0, d1, mid) {
    if (longest.links !== all || longest.count > all.length) longest = { links: all, count: 0, span: 0 };
    for (; longest.count < all.length; longest.count++) {
      const k = all[longest.count];
      longest.span = Math.max(longest.span, k.to.t - k.from.t);
    }
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (all[m].to.t < d0) lo = m + 1;
      else hi = m;
    }
    const out = [];
    const ys = new Map();
    const y = (id) => {
      if (!ys.has(id)) ys.set(id, mid(id));
      return ys.get(id);
    };
    for (let i = lo; i < all.length; i++) {
      const k = all[i];
      if (k.to.t > d1 + longest.span) break;
      if (k.from.t > d1 || hiddenLinks.has(k.kind) || y(k.from.actor) == null || y(k.to.actor) == null) continue;
      out.push(k);
      if (out.length > LINK_LIMIT) break;
    }
    return out;
  }

  function skeleton(s) {
    s.attr("class", "timeline-chart").attr("role", "group").attr("aria-describedby", "timeline-summary");
    const defs = s.append("defs");
    defs.append("clipPath").attr("id", "plot-clip").append("rect");
    for (const [id, cls] of [["arrow-head", "arrow-head"], ["cycle-head", "cycle-head"]]) {
      defs
        .append("marker")
        .attr("id", id)
        .attr("class", cls)
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
    s.append("g").attr("class", "labels");
    s.append("rect").attr("class", "hit-area");
    const plot = s.append("g").attr("class", "plot").attr("clip-path", "url(#plot-clip)");
    plot.append("g").attr("class", "lanes");
    plot.append("g").attr("class", "links");
    plot.append("g").attr("class", "held-badges");
    plot.append("line").attr("class", "cursor");
    s.append("g").attr("class", "finding");
    s.append("g").attr("class", "axis axis-top");
    s.append("g").attr("class", "axis axis-bottom");
    s.append("text").attr("class", "axis-label");
  }

  function drawLabels(g, rows, labelWidth, data) {
    const held = data.held ?? new Map();
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
      .attr("aria-pressed", (r) => (r.kind === "lane" ? String(r.lane.id === data.selected) : null))
      .attr("aria-expanded", (r) => (r.kind === "group" ? String(!r.group.collapsed) : null))
      .attr("aria-label", (r) => ariaOf(r, held, data.paused))
      .on("click", (event, r) => activate(r))
      .on("keydown", (event, r) => {
        if (event.key === "Enter" || event.key === " ") {
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
      .attr("cx", fontSize * 0.6)
      .attr("r", (r) => (r.kind === "lane" && r.lane.type !== "GIL" ? fontSize * 0.36 : 0))
      .attr("fill", (r) => (r.kind === "lane" ? actorColor(colorIndex(r.lane.id)) : "none"));
    label
      .select("text.lane-label")
      .attr("x", labelWidth - 10)
      .attr("dy", "0.35em")
      .attr("text-anchor", "end")
      .text((r) => fit(labelOf(r), labelWidth - fontSize * 1.8 - 10));
  }

  function fit(text, room) {
    if (textWidth(text) <= room) return text;
    let cut = text.length;
    while (cut > 1 && textWidth(`${text.slice(0, cut)}…`) > room) cut--;
    return `${text.slice(0, cut)}…`;
  }

  function ariaOf(row, held, paused) {
    if (row.kind === "group") return `${labelOf(row).slice(2)}: ${t(row.group.collapsed ? "timeline.expand" : "timeline.collapse")}`;
    const l = row.lane;
    if (l.type === "GIL") return l.name;
    const h = held.get(l.id);
    if (paused && h) return `${labelOf(row)}: ${t("timeline.step-this", h.line)}`;
    return `${labelOf(row)}: ${t("timeline.select")}`;
  }

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

  function choose(lane, at) {
    const data = current.data;
    if (data.paused && data.held && data.held.has(lane.id)) dispatch.call("step", null, { actor: lane.id });
    const s = at == null ? lane.segments[lane.segments.length - 1] : segmentAt(lane.segments, at, data.at);
    dispatch.call("select", null, { actor: lane.id, line: s?.line || lane.line || 0, t: at });
  }

  /** A deadlock's cycle (or a hang's waiters): a red line when it was found, red arrows between them. */
  function drawFinding(g, finding, x, mid, lanes, geo) {
    const idOf = new Map(lanes.map((l) => [l.name, l.id]));
    const ids = finding ? finding.actors.map((name) => idOf.get(name)).filter((id) => id != null && mid(id) != null) : [];
    const at = finding ? x(finding.t) : 0;
    g.selectAll("line.finding-line")
      .data(finding ? [finding] : [])
      .join("line")
      .attr("class", (f) => `finding-line ${f.deadlock ? "deadlock" : "hang"}`)
      .attr("x1", at)
      .attr("x2", at)
      .attr("y1", margin.top)
      .attr("y2", geo.plotBottom);
    // each edge of the cycle bulges further left than the one before; its lock's name sits at its
    // apex, and the names are spread so that none covers another
    const step = Math.max(26, fontSize * 2);
    const pairs = finding && finding.deadlock ? ids.map((id, i) => ({ from: id, to: ids[(i + 1) % ids.length], object: finding.objects[i], bulge: -(step + step * i) })) : [];
    const ys = spread(pairs.map((p) => (mid(p.from) + mid(p.to)) / 2), fontSize * 1.25);
    pairs.forEach((p, i) => (p.labelY = ys[i]));
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

  /**
   * Threads held at the gate while paused: hatched from when they were first seen held (`since`) to now,
   * with the step each waits to take written on a white label at its end.
   */
  function drawHeld(g, data, rows, x) {
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

  function wireZoom(svg, x, data, geo) {
    const x0 = baseScale(data, geo);
    const [v0, v1] = x.domain();
    const k = (x0.range()[1] - x0.range()[0]) / (x0(v1) - x0(v0));
    const transform = d3.zoomIdentity.translate(x0.range()[0] - k * x0(v0), 0).scale(k);
    zoom
      .extent([[geo.labelWidth, 0], [width - margin.right, geo.height]])
      .translateExtent([[geo.labelWidth, 0], [width - margin.right, geo.height]])
      .on("zoom", (event) => {
        if (!event.sourceEvent) return; // set by the page (keys, buttons): already applied
        const base = baseScale(current.data, current.geo);
        setView(event.transform.rescaleX(base).domain());
      });
    if (!svg.property("__zoomWired")) {
      svg.call(zoom).on("dblclick.zoom", null).property("__zoomWired", true);
      svg.on("dblclick", () => chart.resetZoom());
    }
    svg.property("__zoom", transform);
  }

  function baseScale(data, geo) {
    return d3.scaleLinear().domain(domainOf(null, true, data.at, data.end ?? null)).range([geo.labelWidth, width - margin.right]);
  }

  function setView(domain) {
    const data = current.data;
    ({ view, follow } = viewAfter(domain, data.at, data.end ?? null));
    dispatch.call("view", null, { zoomed: view != null, follow });
    redrawSoon();
  }

  function redraw() {
    if (current) draw(current.root, current.data);
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

  // ---- the tooltip: what is under the pointer, named ----

  function hit(px, py) {
    const { geo, x, data } = current;
    const row = geo.rows.find((r) => py >= r.y && py < r.y + r.h);
    if (!row || px < geo.labelWidth) return null;
    const time = x.invert(px);
    const slack = x.invert(px + 3) - time;
    if (row.kind === "group") return { row, time };
    const lane = row.lane;
    const mark = (lane.marks ?? []).find((m) => Math.abs(m.t - time) <= slack * 1.5);
    const segment = segmentAt(lane.segments, time, data.at) ?? segmentAt(lane.segments, time + slack, data.at) ?? segmentAt(lane.segments, time - slack, data.at);
    return { row, time, mark, segment };
  }

  function tooltipLines(h) {
    const { data, x } = current;
    const span = x.domain()[1] - x.domain()[0];
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
    if (s.line > 0) lines.push(t("tooltip.line", s.line));
    return lines;
  }

  function wirePointer(svg, tip, data) {
    svg
      .on("pointermove.tip", (event) => {
        const [px, py] = d3.pointer(event, svg.node());
        const h = hit(px, py);
        if (!h) {
          tip.property("hidden", true);
          return;
        }
        const lines = tooltipLines(h);
        tip
          .selectAll("div")
          .data(lines)
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
        const h = hit(px, py);
        if (!h || h.row.kind !== "lane" || h.row.lane.type === "GIL") return;
        choose(h.row.lane, h.mark ? h.mark.t : h.time);
      });
  }

  // ---- accessors and commands ----

  chart.width = (value) => (value === undefined ? width : ((width = value), chart));
  chart.laneHeight = (value) => (value === undefined ? laneHeight : ((laneHeight = value), chart));
  chart.fontSize = (value) => (value === undefined ? fontSize : ((fontSize = value), widths.clear(), chart));
  chart.texts = (value) => (value === undefined ? t : ((t = value), chart));
  chart.colorIndex = (value) => (value === undefined ? colorIndex : ((colorIndex = value), chart));
  chart.hiddenLinks = (value) => (value === undefined ? hiddenLinks : ((hiddenLinks = value), chart));
  chart.svgLimit = (value) => (value === undefined ? svgLimit : ((svgLimit = value), chart));
  chart.on = (type, listener) => (dispatch.on(type, listener), chart);
  chart.redraw = redraw;
  /** Back to the whole run, following it live. */
  chart.resetZoom = () => {
    view = null;
    follow = true;
    dispatch.call("view", null, { zoomed: false, follow });
    redraw();
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
    const full = domainOf(null, true, current.data.at, current.data.end ?? null)[1];
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
