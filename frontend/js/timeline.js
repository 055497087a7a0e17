// The timeline chart: one lane per actor, a colored segment per state, print marks, causal arrows,
// and a time axis in tutorial seconds. A reusable D3 chart: configure with the accessors, then
// selection.datum({lanes, links, at}).call(chart). Zoom (wheel, drag) and reset (double click) on x.
import d3 from "./d3.js";

export function timeline() {
  let width = 960;
  let laneHeight = 30;
  let labelWidth = 260;
  let t = (key) => key;
  let transform = d3.zoomIdentity;
  const margin = { top: 8, right: 24, bottom: 40 };
  const zoom = d3.zoom().scaleExtent([1, 200]);
  // "select": the learner clicked a segment or a mark; listeners get {line} (the Java listing's line).
  const dispatch = d3.dispatch("select");

  function chart(selection) {
    selection.each(function (data) {
      draw(d3.select(this), data);
    });
  }

  function draw(root, data) {
    const { links, at, gil = [], finding = null } = data;
    const laneOf = new Map(data.lanes.map((l) => [l.name, l.id]));
    const nameOf = new Map(data.lanes.map((l) => [l.id, l.name]));
    // Each process's GIL is drawn as a lane of its own, on top: who holds it when, one color per holder.
    const gilLanes = gil.map((g) => ({
      id: `gil:${g.pid}`,
      name: gil.length > 1 ? `GIL · pid ${g.pid}` : "GIL",
      type: "GIL",
      segments: g.segments.map((s) => ({ ...s, state: "gil", holderName: nameOf.get(s.actor) })),
      marks: [],
    }));
    const lanes = [...gilLanes, ...data.lanes];
    const holderColor = d3.scaleOrdinal(d3.schemeTableau10);
    const height = margin.top + Math.max(1, lanes.length) * laneHeight + margin.bottom;
    const x0 = d3
      .scaleLinear()
      .domain([0, Math.max(at * 1.04, 1e-3)])
      .range([labelWidth, width - margin.right]);
    const x = transform.rescaleX(x0);
    const y = d3
      .scaleBand()
      .domain(lanes.map((l) => l.id))
      .range([margin.top, margin.top + lanes.length * laneHeight])
      .paddingInner(0.28)
      .paddingOuter(0.14);

    const svg = root
      .selectAll("svg.timeline-chart")
      .data([null])
      .join((enter) => {
        const s = enter.append("svg").attr("class", "timeline-chart");
        s.append("defs")
          .append("clipPath")
          .attr("id", "plot-clip")
          .append("rect");
        s.append("defs")
          .append("marker")
          .attr("id", "arrow-head")
          .attr("viewBox", "0 0 10 10")
          .attr("refX", 9)
          .attr("refY", 5)
          .attr("markerWidth", 6)
          .attr("markerHeight", 6)
          .attr("orient", "auto")
          .append("path")
          .attr("d", "M0,0L10,5L0,10z");
        s.append("g").attr("class", "labels");
        const plot = s.append("g").attr("class", "plot").attr("clip-path", "url(#plot-clip)");
        plot.append("g").attr("class", "lanes");
        plot.append("g").attr("class", "links");
        plot.append("g").attr("class", "finding");
        s.append("g").attr("class", "axis");
        s.append("text").attr("class", "axis-label");
        s.call(zoom).on("dblclick.zoom", null);
        return s;
      })
      .attr("width", width)
      .attr("height", height)
      .attr("viewBox", [0, 0, width, height]);

    zoom
      .extent([
        [labelWidth, 0],
        [width - margin.right, height],
      ])
      .translateExtent([
        [labelWidth, 0],
        [width - margin.right, height],
      ])
      .on("zoom", (event) => {
        transform = event.transform;
        draw(root, data);
      });
    svg.on("dblclick", () => svg.call(zoom.transform, d3.zoomIdentity));

    svg
      .select("#plot-clip rect")
      .attr("x", labelWidth)
      .attr("y", 0)
      .attr("width", width - margin.right - labelWidth)
      .attr("height", height);

    svg
      .select("g.labels")
      .selectAll("text.lane-label")
      .data(lanes, (l) => l.id)
      .join("text")
      .attr("class", "lane-label")
      .attr("x", labelWidth - 10)
      .attr("y", (l) => y(l.id) + y.bandwidth() / 2)
      .attr("dy", "0.35em")
      .attr("text-anchor", "end")
      .text((l) => laneLabel(l));

    const lane = svg
      .select("g.lanes")
      .selectAll("g.lane")
      .data(lanes, (l) => l.id)
      .join("g")
      .attr("class", "lane")
      .attr("data-actor", (l) => l.name)
      .attr("transform", (l) => `translate(0,${y(l.id)})`);

    lane
      .selectAll("rect.segment")
      .data(
        (l) => l.segments,
        (s) => s.key,
      )
      .join((enter) => enter.append("rect").call((r) => r.append("title")))
      .attr("class", (s) => `segment state-${s.state}`)
      .style("fill", (s) => (s.state === "gil" ? holderColor(s.actor) : null))
      .attr("x", (s) => x(s.start))
      .attr("width", (s) => Math.max(1, x(s.end) - x(s.start)))
      .attr("height", y.bandwidth())
      .attr("rx", 3)
      .on("click", (event, s) => dispatch.call("select", null, { line: s.line }))
      .select("title")
      .text((s) => segmentTitle(s));

    lane
      .selectAll("path.mark")
      .data(
        (l) => l.marks,
        (m, i) => `${m.kind}:${m.t}:${i}`,
      )
      .join((enter) => enter.append("path").call((p) => p.append("title")))
      .attr("class", (m) => `mark mark-${m.kind.toLowerCase()}`)
      .attr("d", d3.symbol(d3.symbolDiamond, 46))
      .attr("transform", (m) => `translate(${x(m.t)},${y.bandwidth() / 2})`)
      .on("click", (event, m) => dispatch.call("select", null, { line: m.line }))
      .select("title")
      .text((m) => `${m.t.toFixed(2)} s · ${t(`event.${m.kind.toLowerCase()}`)}${m.text ? `: ${m.text}` : ""}`);

    svg
      .select("g.links")
      .selectAll("path.link")
      .data(links.filter((k) => y(k.from.actor) != null && y(k.to.actor) != null))
      .join("path")
      .attr("class", (k) => `link link-${k.kind.toLowerCase()}`)
      .attr("marker-end", "url(#arrow-head)")
      .attr("d", (k) => {
        const mid = y.bandwidth() / 2;
        const [x1, y1, x2, y2] = [x(k.from.t), y(k.from.actor) + mid, x(k.to.t), y(k.to.actor) + mid];
        return `M${x1},${y1}C${x1 + 18},${y1} ${x2 - 18},${y2} ${x2},${y2}`;
      });

    drawFinding(svg.select("g.finding"), finding, x, y, laneOf);

    const axisY = height - margin.bottom + 4;
    svg
      .select("g.axis")
      .attr("transform", `translate(0,${axisY})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((width - labelWidth) / 80))));
    svg
      .select("text.axis-label")
      .attr("x", width - margin.right)
      .attr("y", axisY + 34)
      .attr("text-anchor", "end")
      .text(t("timeline.axis"));
  }

  /** A deadlock's cycle (or a hang's waiters): a red line when it was found, red arrows between them. */
  function drawFinding(g, finding, x, y, laneOf) {
    const ids = finding ? finding.actors.map((name) => laneOf.get(name)).filter((id) => id != null) : [];
    const at = finding ? x(finding.t) : 0;
    const mid = y.bandwidth() / 2;
    g.selectAll("line.finding-line")
      .data(finding ? [finding] : [])
      .join("line")
      .attr("class", (f) => `finding-line ${f.deadlock ? "deadlock" : "hang"}`)
      .attr("x1", at)
      .attr("x2", at)
      .attr("y1", y.range()[0])
      .attr("y2", y.range()[1]);
    // each edge of the cycle bulges a little further left than the one before, with its lock's name at its apex
    const pairs = finding && finding.deadlock
      ? ids.map((id, i) => [id, ids[(i + 1) % ids.length], finding.objects[i], -(30 + 26 * i)])
      : [];
    g.selectAll("path.cycle")
      .data(pairs)
      .join("path")
      .attr("class", "cycle")
      .attr("marker-end", "url(#arrow-head)")
      .attr("d", ([from, to, , bulge]) => {
        const [y1, y2] = [y(from) + mid, y(to) + mid];
        // drawn to the left of the line, where the waits that close the cycle are
        return from === to
          ? `M${at},${y1 - 4}C${at + bulge},${y1 - 30} ${at + bulge},${y1 + 30} ${at - 2},${y1 + 4}`
          : `M${at},${y1}C${at + bulge},${y1} ${at + bulge},${y2} ${at - 2},${y2}`;
      });
    g.selectAll("text.cycle-label")
      .data(pairs)
      .join("text")
      .attr("class", "cycle-label")
      .attr("x", ([from, to, , bulge]) => at + 0.75 * bulge - 4)
      .attr("text-anchor", "end")
      .attr("y", ([from, to]) => (y(from) + y(to)) / 2 + mid + 4)
      .text(([, , object]) => object);
  }

  function laneLabel(l) {
    const pid = l.type === "PROCESS" && l.pid ? ` · pid ${l.pid}` : "";
    return `${l.name}${l.daemon ? " (daemon)" : ""}${pid}`;
  }

  function segmentTitle(s) {
    const span = `${s.start.toFixed(2)}–${s.end.toFixed(2)} s`;
    const detail = s.state === "gil" ? ` ${s.holderName ?? ""}` : s.state === "joining" && s.detail ? ` ${s.detail}` : "";
    return `${t(`state.${s.state}`)}${detail} · ${span}`;
  }

  chart.width = (value) => (value === undefined ? width : ((width = value), chart));
  chart.laneHeight = (value) => (value === undefined ? laneHeight : ((laneHeight = value), chart));
  chart.labelWidth = (value) => (value === undefined ? labelWidth : ((labelWidth = value), chart));
  chart.texts = (value) => (value === undefined ? t : ((t = value), chart));
  chart.on = (type, listener) => (dispatch.on(type, listener), chart);
  chart.resetZoom = () => {
    transform = d3.zoomIdentity;
    return chart;
  };
  return chart;
}
