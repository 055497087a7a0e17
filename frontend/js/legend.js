// The legend: one swatch per lane state, in the page's language.
import d3 from "./d3.js";
import { STATES } from "./model.js";

export function drawLegend(container, t) {
  const item = d3
    .select(container)
    .selectAll("span.legend-item")
    .data(STATES)
    .join((enter) => {
      const span = enter.append("span").attr("class", "legend-item");
      span.append("span").attr("class", (s) => `swatch state-${s}`);
      span.append("span").attr("class", "legend-text");
      return span;
    });
  item.select(".legend-text").text((s) => t(`state.${s}`));
  d3.select(container)
    .selectAll("span.legend-mark")
    .data([null])
    .join("span")
    .attr("class", "legend-item legend-mark")
    .html(`<span class="swatch-mark">◆</span> ${t("event.print")}`);
}
