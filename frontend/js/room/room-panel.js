// The teacher's view of a room: its code (large, to read aloud), its join link and the link's QR code
// drawn here, the counts at a glance, who is here and what each does (the lesson open, running,
// following, the challenges won and in how many steps), the runs saved in the room, and the buttons
// that steer the class. Every name a student gave is shown as text, never as markup.
import { qrSvg } from "./qr.js";
import { joinLink, shownCode } from "./memory.js";

function el(doc, tag, props = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

/**
 * Draws the room of `code` in `box`; `actions` has sendHere(), challengeAll() (or null when the lesson
 * has no challenge), close(). Returns {roster(message), saved(list)}.
 */
export function roomPanel({ box, code, t, lang, actions }) {
  const doc = box.ownerDocument;
  const link = joinLink(code);
  box.replaceChildren();
  box.hidden = false;
  box.className = "room-panel";
  box.dataset.code = code;

  const qr = el(doc, "div", { className: "room-qr" });
  qr.innerHTML = qrSvg(link, 240, t("room.qr", shownCode(code))); // markup we drew; the link is ours
  const counts = el(doc, "p", { className: "room-counts", id: "room-counts", role: "status" });
  const buttons = el(doc, "div", { className: "room-buttons" });
  const button = (id, key, onClick) => {
    const b = el(doc, "button", { type: "button", id, textContent: t(key) });
    b.addEventListener("click", onClick);
    buttons.append(b);
  };
  if (actions.sendHere) button("room-send", "room.send-here", actions.sendHere);
  if (actions.challengeAll) button("room-challenge", "room.challenge-all", actions.challengeAll);
  button("room-close", "room.close", actions.close);

  const table = el(doc, "table", { className: "room-roster", id: "room-roster" });
  const head = el(doc, "tr");
  for (const key of ["room.col.name", "room.col.lesson", "room.col.running", "room.col.wins"]) head.append(el(doc, "th", { textContent: t(key) }));
  table.append(el(doc, "thead", {}, head), el(doc, "tbody"));
  const saved = el(doc, "ul", { className: "room-saved", id: "room-saved" });

  box.append(
    el(doc, "div", { className: "room-head" },
      el(doc, "div", {},
        el(doc, "p", { className: "room-label", textContent: t("room.code") }),
        el(doc, "div", { className: "room-code", id: "room-code", textContent: shownCode(code) }), // not a paragraph: a code, read aloud
        el(doc, "p", { className: "room-link" }, el(doc, "span", { textContent: t("room.join-at") }), " ", el(doc, "a", { href: link, textContent: link, id: "room-link" })),
        counts,
        buttons),
      qr),
    table,
    el(doc, "h3", { textContent: t("room.saved") }),
    saved,
  );

  return {
    /** The server's roster message. */
    roster(message) {
      counts.textContent = t("room.counts", message.here, message.running, message.won);
      box.dataset.here = String(message.here);
      box.dataset.won = String(message.won);
      const rows = message.members.map((m) => {
        const wins = m.wins.map((w) => t("room.win", w.scenario, w.steps)).join(" · ");
        const tr = el(doc, "tr", { className: m.here ? "here" : "gone", dataset: { member: String(m.id) } },
          el(doc, "td", { textContent: m.name || t("room.unnamed", m.id) }),
          el(doc, "td", { textContent: m.lesson ?? "–" }),
          el(doc, "td", { textContent: !m.here ? t("room.gone") : m.running ? t("room.running") : m.following ? t("room.following") : "–" }),
          el(doc, "td", { className: wins ? "won" : "", textContent: wins || "–" }));
        return tr;
      });
      table.tBodies[0].replaceChildren(...rows);
    },
    /** The runs saved in the room, newest first. */
    saved(list) {
      saved.replaceChildren(...list.map((run) =>
        el(doc, "li", {}, el(doc, "a", { href: `/r/${encodeURIComponent(run.id)}?lang=${lang}`, textContent: `${run.scenario} · ${run.outcome} · ${new Date(run.savedAt).toLocaleTimeString(lang)}` }))));
      if (!list.length) saved.append(el(doc, "li", { className: "none", textContent: t("room.saved.none") }));
    },
  };
}
