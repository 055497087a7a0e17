// The legend: a swatch per lane state (its colour and its pattern), the GIL's holders (each hatched in
// its thread's colour, so it cannot be taken for a state), prints, short waits, daemons, held spans and
// the steps taken; and the arrows' filter.
import d3 from "./d3.js";
import { STATES } from "./model.js";
import { stateFill, gilFill, sharedPatterns } from "./patterns.js";
import { actorColor } from "./palette.js";

function swatch(selection, fill, stroke = null) {
  const svg = selection.append("svg").attr("class", "swatch").attr("width", 26).attr("height", 14).attr("aria-hidden", "true");
  svg.append("rect").attr("x", 0.5).attr("y", 0.5).attr("width", 25).attr("height", 13).attr("rx", 2).attr("fill", fill).attr("stroke", stroke ?? "rgba(0,0,0,0.35)");
  return svg;
}

/** States, then the GIL's holders (threads: [{id, name, colorIndex}]), then marks. */
export function drawLegend(container, t, threads = []) {
  sharedPatterns(); // the swatches fill with the page's patterns, before any timeline is drawn
  const root = d3.select(container).attr("role", "list").attr("aria-label", t("legend.label"));
  // the GIL's holders by name while there are few; many share one entry
  const holders = threads.length <= 6
    ? threads.map((th) => ({ key: `gil:${th.id}`, text: t("legend.gil", th.name), fill: gilFill(th.colorIndex), stroke: actorColor(th.colorIndex), gil: true }))
    : [{ key: "gil:many", text: t("legend.gil-many", threads.length), fill: gilFill(0), stroke: actorColor(0), gil: true }];
  const items = [
    ...STATES.map((s) => ({ key: `state:${s}`, text: t(`state.${s}`), fill: stateFill(s) })),
    ...holders,
    { key: "mark:print", text: t("event.print"), glyph: "◆" },
    { key: "mark:raised", text: t("legend.raised"), glyph: "◆", danger: true },
    { key: "mark:instant", text: t("legend.instant"), glyph: "▼" },
    { key: "mark:daemon", text: t("legend.daemon"), glyph: "○" },
    { key: "mark:held", text: t("legend.held"), fill: "url(#pat-held)", stroke: "#0550ae" },
    { key: "mark:step", text: t("legend.step"), glyph: "①" },
    { key: "mark:decisive", text: t("legend.decisive"), glyph: "①", danger: true },
  ];
  root
    .selectAll("span.legend-item")
    .data(items, (d) => d.key)
    .join((enter) => {
      const span = enter.append("span").attr("class", (d) => `legend-item${d.gil ? " legend-gil" : ""}`).attr("role", "listitem");
      span.each(function (d) {
        const s = d3.select(this);
        if (d.glyph) s.append("span").attr("class", `swatch-mark${d.danger ? " danger" : ""}`).attr("aria-hidden", "true").text(d.glyph);
        else swatch(s, d.fill, d.stroke);
      });
      span.append("span").attr("class", "legend-text");
      return span;
    })
    .attr("data-key", (d) => d.key)
    .select(".legend-text")
    .text((d) => d.text);
}

/** One checkbox per kind of arrow in the run; unchecking hides that kind. */
export function drawArrowFilter(container, kinds, hidden, t, onChange) {
  const root = d3.select(container);
  root
    .selectAll("span.arrow-filter-title")
    .data(kinds.length ? [null] : [])
    .join("span")
    .attr("class", "arrow-filter-title")
    .text(t("arrows.title"));
  const label = root
    .selectAll("label.arrow-kind")
    .data(kinds, (k) => k)
    .join((enter) => {
      const l = enter.append("label").attr("class", "arrow-kind");
      l.append("input").attr("type", "checkbox").on("change", function (event, k) {
        onChange(k, this.checked);
      });
      l.append("span");
      return l;
    })
    .attr("data-kind", (k) => k);
  label.select("input").property("checked", (k) => !hidden.has(k));
  label.select("span").text((k) => t(`link.${k}`));
}
