// The threads held at the gate while a live run is paused, as a row of buttons above the timeline: each
// says where its thread waits and what its next step is; pressing one lets that thread take it.
import d3 from "../d3.js";
import { actorColor } from "../palette.js";
import { heldNow } from "./state.js";

/** Draws the held threads into `box` whenever the gate changes; `onStep(actor)` lets one go. */
export function heldList({ store, t, box, onStep }) {
  function draw(s) {
    const items = heldNow(s);
    const nameOf = (h) => s.model?.actors.get(h.actor)?.name ?? h.actor;
    box.hidden = items.length === 0;
    const root = d3.select(box);
    root.selectAll("span.held-title").data(items.length ? [null] : []).join("span").attr("class", "held-title").text(t("held.title"));
    root
      .selectAll("button.held-thread")
      .data(items, (h) => h.actor)
      .join("button")
      .attr("type", "button")
      .attr("class", "held-thread")
      .attr("data-actor", nameOf)
      .style("border-color", (h) => actorColor(h.actor))
      .text((h) => t("held.thread", nameOf(h), [t(`kind.${h.kind}`), h.object].filter(Boolean).join(" "), h.line))
      .on("click", (event, h) => onStep(h.actor));
  }
  store.on("change.held", (s, changed) => {
    if (changed.has("gate") || changed.has("mode")) draw(s);
  });
}
