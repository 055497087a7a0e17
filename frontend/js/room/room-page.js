// A lesson's page in a room (docs/protocol.md, "Rooms"). Its one socket (shared with the page's own
// runs) joins the room the tab is in: as its teacher, whose runs are the room's and who sees the class
// (room-panel.js); or as a student, who follows the teacher's run live with the page's own timeline
// (a second live-run controller fed by the room's messages), goes where the teacher sends the class,
// and may run the lesson themselves at any time (their own run, never the room's). "Open a room" makes
// this page's tab the teacher of a new room. The teacher shows or hides the room's panel (the toggle in
// the bar, or C): the page's state holds whether it is shown (roomPanel), this tab's memory keeps it.
import { connect as openSocket } from "../connection.js";
import { challengeOf } from "../challenges.js";
import { lessonHref, roomMemory, shownCode } from "./memory.js";
import { roomPanel } from "./room-panel.js";
import { roomBar } from "./room-bar.js";

const RUN_TYPES = ["started", "events", "gate", "end"];

/** The room's run as a live-run controller reads a connection: only while the page follows it. */
function followView(connection, accept) {
  const view = {
    on(type, listener) {
      if (type === "close") connection.on("close.follow", listener);
      else if (RUN_TYPES.includes(type)) connection.on(`room-${type}.follow`, (m) => accept(type, m) && listener(m));
      return view; // a room's run is never refused nor queued for a follower
    },
    start() {},
    cancel() {},
    pause() {},
    step() {},
    resume() {},
  };
  return view;
}

/**
 * The room on a lesson's page. `wire({live, follow, player, last, store, startChallenge})` is called once
 * the page's controllers exist; `connect` is what the page's own live run opens its socket with.
 */
export function roomPage({ t, byId, scenario, lang, store, memory = roomMemory(), connectSocket = openSocket, go = (href) => location.assign(href) }) {
  let connection = null;
  let parts = null; // the page's controllers, once wired
  let panel = null;
  let room = memory.current(); // {code, role, following}
  const bar = roomBar({ t, byId });
  const panelBox = byId("room-panel");

  function following() {
    return room?.role === "student" && room.following !== false;
  }

  function setFollowing(on) {
    if (!room) return;
    room = { ...room, following: on };
    memory.following(on);
    if (!on) store.set({ watching: false }); // it watches again when the room's run comes
    drawBar();
  }

  function drawBar() {
    bar.draw(room, { following: following(), shown: store.state.roomPanel === true });
  }

  /** The page is no longer in its room (closed, left, refused): the bar offers a new one, and says why. */
  function out(text = "") {
    memory.leave();
    room = null;
    panel = null;
    store.set({ watching: false, roomPanel: null });
    drawBar();
    if (text) bar.say(text);
  }

  /** Shows or hides a teacher's panel (and remembers it for the tab's next lesson). */
  function showPanel(on) {
    if (room?.role !== "teacher") return;
    memory.showPanel(on);
    store.set({ roomPanel: on });
  }

  store.on("change.room", (s, changed) => {
    if (!changed.has("roomPanel")) return;
    panelBox.hidden = !(s.roomPanel === true && panel);
    drawBar();
  });

  /** The room's run reaches a follower: the teacher's run of another lesson takes the page there. */
  function accept(type, message) {
    if (!following()) return false;
    if (type === "started" && message.scenario !== scenario) {
      go(lessonHref(message.scenario, message.params, message.settings, lang));
      return false;
    }
    if (type === "started") store.set({ watching: true });
    return true;
  }

  function hello() {
    if (!room) return;
    if (room.role === "teacher") {
      connection.send({ type: "room-teach", code: room.code, secret: memory.secret(room.code) ?? "", scenario });
    } else {
      const me = memory.student(room.code) ?? {};
      const join = { type: "room-join", code: room.code, scenario, following: following() };
      if (me.member) join.member = me.member;
      if (me.name) join.name = me.name;
      connection.send(join);
    }
  }

  function ensure() {
    if (connection) return connection;
    connection = connectSocket()
      .on("room.room", (m) => {
        if (m.role === "teacher" && m.secret) memory.keepSecret(m.code, m.secret);
        if (m.role === "student") memory.keepStudent(m.code, { member: m.member, name: m.name });
        if (!room || room.code !== m.code) {
          room = { code: m.code, role: m.role, following: true };
          memory.enter(m.code, m.role);
        }
        if (m.role === "teacher") teach(m);
        else arrive(m);
        drawBar();
      })
      .on("roster.room", (m) => {
        panel?.roster(m);
        bar.counts(m);
      })
      .on("room-lesson.room", (m) => {
        if (m.challenge) sessionStorage.setItem("threadlab:room-challenge", m.scenario);
        memory.following(!m.challenge);
        go(lessonHref(m.scenario, m.params, m.settings, lang));
      })
      .on("room-ended.room", (m) => out(t(`room.ended.${m.reason}`, shownCode(m.code))))
      .on("error.room", (m) => {
        if (["unknown-room", "not-teacher", "rate-limited", "room-full"].includes(m.code) && room) out(t(`room.error.${m.code}`));
      })
      .on("close.room", () => {
        connection = null;
        if (room) setTimeout(reconnect, 1000); // the room goes on: join it again
      });
    hello();
    return connection;
  }

  function reconnect() {
    if (!room || connection) return;
    ensure();
    parts?.live.listen();
    parts?.follow.listen();
  }

  /** A student's first word from the room: a challenge the teacher sent is played here. */
  function arrive() {
    const sent = sessionStorage.getItem("threadlab:room-challenge");
    if (sent === scenario) {
      sessionStorage.removeItem("threadlab:room-challenge");
      parts?.startChallenge();
    }
  }

  /** The page teaches the room of `m`: its panel, shown unless the teacher hid it in this tab. */
  function teach(m) {
    const { params, settings } = store.state;
    panel = roomPanel({
      box: panelBox,
      code: m.code,
      t,
      lang,
      actions: {
        sendHere: () => connection.send({ type: "room-lesson", scenario, params: store.state.params ?? params, settings: store.state.settings ?? settings, challenge: false }),
        challengeAll: challengeOf(scenario) ? () => connection.send({ type: "room-lesson", scenario, params: {}, settings: {}, challenge: true }) : null,
        close: () => connection.send({ type: "room-close" }),
      },
    });
    panel.saved(m.saved ?? []);
    store.set({ roomPanel: memory.panelShown() });
  }

  byId("room-open").addEventListener("click", () => {
    room = null;
    ensure().send({ type: "room-open" });
  });
  byId("room-follow").addEventListener("click", () => {
    parts?.live.abandon();
    setFollowing(true);
    hello(); // the room's run comes again, from its start
  });
  byId("room-leave").addEventListener("click", () => {
    connection?.send({ type: "room-leave" });
    out();
  });
  byId("room-show").addEventListener("click", () => showPanel(store.state.roomPanel !== true));

  return {
    /** The socket the page's own runs use: in a room, the room's. */
    connect: () => ensure(),
    /** The room's run, as the follower's live-run controller reads it. */
    followConnect: () => followView(ensure(), accept),
    wire(controllers) {
      parts = controllers;
      drawBar();
      if (room) {
        ensure();
        parts.live.listen(); // a teacher's page hears the room's run of its lesson as its own
        parts.follow.listen();
      }
    },
    /** The learner runs the lesson themselves: the page stops following the room's run. */
    ownRun() {
      if (room?.role === "student") setFollowing(false);
      store.set({ watching: false });
    },
    /** A run was saved in the room: its list is read again. */
    savedOne() {
      if (!room || !panel) return;
      fetch(`/api/rooms/${encodeURIComponent(room.code)}/runs`)
        .then((answer) => (answer.ok ? answer.json() : []))
        .then((list) => panel?.saved(list), () => {});
    },
    /** Shows the teacher's panel, or hides it (C); nothing when the page teaches no room. */
    togglePanel: () => showPanel(store.state.roomPanel !== true),
    /** The room's code and the teacher's secret, for a save listed in the room; null when not teaching. */
    teaching: () => (room?.role === "teacher" ? { code: room.code, secret: memory.secret(room.code) } : null),
  };
}
