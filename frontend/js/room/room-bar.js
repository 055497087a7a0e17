// The room's bar on a lesson's page, in its top bar: what the page is in the room (teaching, following,
// its own run), the teacher's counts at a glance (here · running · won, the room's code beside them in
// teacher mode, where the panel may be hidden), and the buttons: open a room, show or hide the room's
// panel (C), follow the teacher again, leave. It draws what room-page.js tells it; it keeps no room.
import { shownCode } from "./memory.js";

/** The bar (found with `byId`). */
export function roomBar({ t, byId }) {
  const bar = byId("room-bar");
  const glance = byId("room-glance");
  const toggle = byId("room-show");
  const main = bar.ownerDocument.querySelector("main");

  return {
    /** A sentence in the bar (the room's state, or why the page left it). */
    say(text) {
      bar.hidden = false;
      byId("room-status").textContent = text;
    },
    /**
     * The page's place in `room` ({code, role}, or null when it is in none); `following` for a student,
     * `shown` whether a teacher's panel is shown.
     */
    draw(room, { following = false, shown = false } = {}) {
      bar.hidden = false;
      byId("room-open").hidden = Boolean(room);
      byId("room-leave").hidden = !room;
      byId("room-follow").hidden = room?.role !== "student" || following;
      const teaching = room?.role === "teacher";
      toggle.hidden = !teaching;
      toggle.setAttribute("aria-expanded", String(teaching && shown));
      glance.hidden = !teaching;
      if (teaching) glance.querySelector(".glance-code").textContent = t("room.glance-code", shownCode(room.code));
      if (room) main.dataset.room = room.role;
      else delete main.dataset.room;
      if (!room) {
        byId("room-status").textContent = "";
        glance.querySelector(".glance-counts").textContent = "";
        return;
      }
      const code = shownCode(room.code);
      this.say(teaching ? t("room.teaching", code) : following ? t("room.watching", code) : t("room.in", code));
    },
    /** The room's roster message: its counts at a glance. */
    counts(message) {
      glance.querySelector(".glance-counts").textContent = t("room.glance", message.here, message.running, message.won);
    },
  };
}
