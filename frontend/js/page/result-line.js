// The run's result, in one line under the timeline (on the first screen in teacher mode, where the
// console is far below): what the lesson printed last, who printed it, and once the run is over how it
// ended (replay-player.js words the outcome). `resultOf` is pure (tested).

/** What the result line says of a model: {actor, text} of the latest print, or null when none yet. */
export function resultOf(model) {
  const print = model?.prints.length ? model.prints[model.prints.length - 1] : null;
  if (!print) return null;
  return { actor: model.actors.get(print.actor)?.name ?? String(print.actor), text: print.text };
}

/** Keeps the result line (found with `byId`) in step with the page's state. */
export function resultLine({ store, t, byId }) {
  const box = byId("result");
  const line = byId("last-print");
  let shown = null;

  function draw(s) {
    box.hidden = s.model == null;
    if (!s.model) return;
    const result = resultOf(s.model);
    const key = result ? `${result.actor}\u0000${result.text}` : "";
    if (key === shown) return;
    shown = key;
    line.textContent = "";
    if (!result) {
      line.textContent = t("result.nothing");
      return;
    }
    const actor = line.ownerDocument.createElement("span");
    actor.className = "print-actor";
    actor.textContent = t("result.printed", result.actor);
    line.append(actor, ` ${result.text}`);
  }

  store.on("change.result", (s, changed) => {
    if (changed.has("model") || changed.has("mode")) draw(s);
  });
}
