// The threads held at the gate while a live run is paused, as a list of buttons beside (or above) the
// timeline: each says where its thread waits (Python's line first) and what its next step is; pressing
// one lets that thread take it. Every thread held during this pause keeps its place, so the same spot
// always steps the same thread: one busy with its step (or now waiting on another) shows so, disabled.
// The thread that stepped last is marked.
import d3 from "../d3.js";
import { actorColor } from "../palette.js";
import { doing } from "../describe.js";
import { lineName } from "../lines.js";
import { heldNow } from "./state.js";

/**
 * What a held list shows for a state: [{actor, name, held, text, stepped}] in their places; nothing while
 * no thread is held (the status says why), the same places again once one is.
 */
export function heldItems(s, t) {
  if (!heldNow(s).length) return [];
  const { model, gate } = s;
  const nameOf = (id, h) => model?.actors.get(id)?.name ?? h?.name ?? String(id);
  const order = [...new Set([...s.heldOrder, ...gate.held.keys()])];
  return order.map((id) => {
    const h = gate.held.get(id);
    const name = nameOf(id, h);
    const stepped = s.justStepped === id;
    if (h) {
      const what = [t(`kind.${h.kind}`), h.object].filter(Boolean).join(" ");
      return { actor: id, name, held: true, stepped, text: t("held.thread", name, what, lineName(h.line, s.javaToPython, t)) };
    }
    const actor = model?.actors.get(id);
    const open = actor?.segments[actor.segments.length - 1];
    const busy = open && open.state !== "running" ? doing(model, actor, open, t) : t("held.busy", name);
    return { actor: id, name, held: false, stepped, text: busy };
  });
}

/** Draws the held threads into `box` whenever the gate changes; `onStep(actor)` lets one go. */
export function heldList({ store, t, box, onStep }) {
  function draw(s) {
    const items = heldItems(s, t);
    box.hidden = items.length === 0;
    const root = d3.select(box);
    root.selectAll("span.held-title").data(items.length ? [null] : []).join("span").attr("class", "held-title").text(t("held.title"));
    root
      .selectAll("button.held-thread")
      .data(items, (h) => h.actor)
      .join("button")
      .attr("type", "button")
      .attr("class", "held-thread")
      .classed("just-stepped", (h) => h.stepped)
      .attr("data-actor", (h) => h.name)
      .attr("data-held", (h) => String(h.held))
      .property("disabled", (h) => !h.held)
      .style("border-color", (h) => actorColor(h.actor))
      .text((h) => h.text)
      .on("click", (event, h) => h.held && onStep(h.actor));
  }
  store.on("change.held", (s, changed) => {
    if (["gate", "mode", "heldOrder", "justStepped", "javaToPython"].some((k) => changed.has(k))) draw(s);
  });
}
