// One panel per object of the run: who holds a lock and who waits for it, a semaphore's permits, a
// queue's depth against its maxsize and its items, a value or a list's length over time.
import d3 from "./d3.js";
import { objectList } from "./objects.js";

export function drawPanels(container, model, t) {
  const objects = model ? objectList(model) : [];
  const name = (id) => model.actors.get(id)?.name ?? String(id);
  const names = (ids) => [...ids].map(name).join(", ");

  const panel = d3
    .select(container)
    .selectAll("section.panel")
    .data(objects, (o) => o.name)
    .join((enter) => {
      const s = enter.append("section").attr("class", (o) => `panel panel-${o.type}`);
      const h = s.append("h3");
      h.append("span").attr("class", "panel-type");
      h.append("span").attr("class", "panel-name");
      s.append("p").attr("class", "panel-state");
      s.append("p").attr("class", "panel-waiters");
      s.append("svg").attr("class", "panel-chart").attr("width", 220).attr("height", 36);
      return s;
    })
    .attr("data-object", (o) => o.name);

  panel.select(".panel-type").text((o) => t(`object.${o.type}`));
  panel.select(".panel-name").text((o) => ` ${o.name}`);
  panel.select(".panel-state").text((o) => stateText(o, t, names));
  panel
    .select(".panel-waiters")
    .text((o) => (o.waiters.size ? t("panel.waiting", names(o.waiters)) : ""))
    .classed("empty", (o) => o.waiters.size === 0);
  panel.select(".panel-chart").each(function (o) {
    chart(d3.select(this), o, model);
  });
}

function stateText(o, t, names) {
  switch (o.type) {
    case "lock":
      return o.holders.size ? t("panel.held-by", names(o.holders.keys())) : t("panel.free");
    case "rlock": {
      if (!o.holders.size) return t("panel.free");
      const [owner, count] = [...o.holders.entries()][0];
      return t("panel.held-count", names([owner]), count);
    }
    case "semaphore":
    case "bounded-semaphore":
      return t("panel.permits", o.permits, o.size) + (o.holders.size ? ` · ${t("panel.held-by", names(o.holders.keys()))}` : "");
    case "condition":
      return t("panel.notifies", o.notifies, o.lostNotifies);
    case "queue":
    case "process-queue":
      return t("panel.depth", o.depth, o.size > 0 ? o.size : "∞") + (o.items.length ? ` · ${o.items.slice(0, 6).join(", ")}${o.items.length > 6 ? " …" : ""}` : "");
    case "list":
      return t("panel.length", o.depth);
    case "value":
      return t("panel.value", o.value ?? "");
    case "future":
      return `${o.call ?? ""} · ${t(`future.${o.state}`)}${o.state === "FINISHED" ? `: ${o.result}` : ""}${
        o.state === "RUNNING" ? ` (${names(o.holders.keys())})` : ""}`;
    default:
      return "";
  }
}

/** A small chart: a queue's depth against maxsize, a semaphore's permits, or a value over time. */
function chart(svg, o, model) {
  const width = 220;
  const height = 36;
  if (o.type === "future") {
    svg.attr("height", 0);
    return;
  }
  const queue = o.type === "queue" || o.type === "process-queue";
  if (queue || o.type.endsWith("semaphore")) {
    const cells = queue ? Math.max(1, o.size > 0 ? o.size : o.maxDepth) : o.size;
    const filled = queue ? o.depth : o.size - o.permits;
    const w = Math.min(24, (width - 4) / Math.max(1, cells));
    svg
      .selectAll("rect.cell")
      .data(d3.range(Math.min(cells, 60)))
      .join("rect")
      .attr("class", (i) => `cell${i < filled ? " filled" : ""}`)
      .attr("x", (i) => 2 + i * w)
      .attr("y", 8)
      .attr("width", Math.max(2, w - 2))
      .attr("height", 20)
      .attr("rx", 2);
    svg.selectAll("path.line").remove();
    return;
  }
  svg.selectAll("rect.cell").remove();
  if (!o.values.length) {
    svg.selectAll("path.line").remove();
    return;
  }
  const x = d3.scaleLinear().domain([0, Math.max(model.lastT, 1e-9)]).range([2, width - 2]);
  const extent = d3.extent(o.values, (v) => v.value);
  const y = d3.scaleLinear().domain(extent[0] === extent[1] ? [extent[0] - 1, extent[1] + 1] : extent).range([height - 3, 3]);
  svg
    .selectAll("path.line")
    .data([o.values])
    .join("path")
    .attr("class", "line")
    .attr("d", d3.line().x((v) => x(v.t)).y((v) => y(v.value)).curve(d3.curveStepAfter));
}
