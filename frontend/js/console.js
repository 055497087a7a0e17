// The run's output: what each actor printed, with when and who, like a terminal.
import d3 from "./d3.js";
import { formatTime } from "./format.js";

export function drawConsole(container, model, t) {
  const root = d3.select(container);
  root
    .selectAll("h2")
    .data([null])
    .join("h2")
    .attr("id", "console-heading")
    .text(t("console.title"));
  const lines = model ? model.prints : [];
  const names = (id) => model?.actors.get(id)?.name ?? String(id);
  root
    .selectAll("p.console-empty")
    .data(lines.length ? [] : [null])
    .join("p")
    .attr("class", "console-empty")
    .text(t("console.empty"));
  const row = root
    .selectAll("ol")
    .data([null])
    .join("ol")
    .attr("tabindex", 0) // it scrolls: the keyboard must reach it
    .attr("aria-labelledby", "console-heading")
    .selectAll("li")
    .data(lines)
    .join((enter) => {
      const li = enter.append("li");
      li.append("span").attr("class", "console-time");
      li.append("span").attr("class", "console-actor");
      li.append("span").attr("class", "console-text");
      return li;
    });
  const span = model ? Math.max(model.end ?? 0, model.lastT) : 1;
  row.select(".console-time").text((p) => formatTime(p.t, t, span));
  row.select(".console-actor").text((p) => names(p.actor));
  row.select(".console-text").text((p) => p.text);
}
