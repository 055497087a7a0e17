// The home page's room box: a student joins a class with its code (a name optional) and is taken to the
// lesson the teacher is on, or waits here until the teacher starts one; a teacher opens a room here
// (its code, link and QR code, and the class as it comes) and goes to a lesson with it.
import { connect } from "../connection.js";
import { pageTranslator } from "../i18n.js";
import { lessonHref, roomMemory, shownCode } from "./memory.js";
import { roomPanel } from "./room-panel.js";

const t = pageTranslator();
const byId = (id) => document.getElementById(id);
const lang = document.documentElement.lang || "en";
const memory = roomMemory();
const status = byId("room-home-status");
let connection = null;
let panel = null;

function go(scenario, params, settings) {
  location.assign(lessonHref(scenario, params, settings, lang));
}

function open() {
  if (connection) return connection;
  connection = connect()
    .on("room", (m) => {
      memory.enter(m.code, m.role);
      if (m.role === "teacher") {
        if (m.secret) memory.keepSecret(m.code, m.secret);
        panel = roomPanel({ box: byId("room-panel"), code: m.code, t, lang, actions: { close: () => connection.send({ type: "room-close" }) } });
        panel.saved(m.saved ?? []);
        status.textContent = t("room.teaching-home", shownCode(m.code));
        return;
      }
      memory.keepStudent(m.code, { member: m.member, name: m.name });
      if (m.lesson) go(m.lesson.scenario, m.lesson.params, m.lesson.settings);
      else status.textContent = t("room.waiting", shownCode(m.code));
    })
    .on("roster", (m) => panel?.roster(m))
    .on("room-started", (m) => go(m.scenario, m.params, m.settings))
    .on("room-lesson", (m) => {
      if (m.challenge) sessionStorage.setItem("threadlab:room-challenge", m.scenario);
      go(m.scenario, m.params, m.settings);
    })
    .on("room-ended", (m) => {
      memory.leave();
      byId("room-panel").hidden = true;
      status.textContent = t(`room.ended.${m.reason}`, shownCode(m.code));
    })
    .on("error", (m) => {
      status.textContent = t(`room.error.${m.code}`);
      if (m.code !== "malformed") memory.leave();
    })
    .on("close", () => {
      connection = null;
    });
  return connection;
}

byId("room-join-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const code = byId("room-code-input").value.trim();
  const name = byId("room-name-input").value.trim();
  const known = memory.student(code.replace(/[\s-]/g, "").toUpperCase());
  const join = { type: "room-join", code, scenario: null, following: true };
  if (name) join.name = name;
  if (known?.member) join.member = known.member;
  delete join.scenario;
  open().send(join);
});
byId("room-open-home").addEventListener("click", () => open().send({ type: "room-open" }));

// a tab that is in a room comes back to it
const current = memory.current();
if (current?.role === "teacher") open().send({ type: "room-teach", code: current.code, secret: memory.secret(current.code) ?? "" });
else if (current?.role === "student") {
  const me = memory.student(current.code) ?? {};
  open().send({ type: "room-join", code: current.code, ...(me.member ? { member: me.member } : {}) });
}
