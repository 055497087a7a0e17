// The run socket (docs/protocol.md): sends start, cancel, pause, step and resume (and any message, for
// rooms), and dispatches what the server sends as "started", "events", "end", "error", "gate", "queued",
// the room messages ("room", "roster", "room-started"…), plus "close" when it closes. Types it does not
// know (a newer server's) are dispatched to nobody.
import d3 from "./d3.js";

export function socketUrl(loc = window.location) {
  return `${loc.protocol === "https:" ? "wss" : "ws"}://${loc.host}/ws/runs`;
}

export function connect(url = socketUrl()) {
  const rooms = ["room", "roster", "room-lesson", "room-ended", "room-started", "room-events", "room-gate", "room-end"];
  const types = ["started", "events", "end", "error", "gate", "queued", "close", ...rooms];
  const dispatch = d3.dispatch(...types);
  const socket = new WebSocket(url);
  const waiting = [];
  socket.addEventListener("open", () => waiting.splice(0).forEach((m) => socket.send(m)));
  socket.addEventListener("message", (message) => {
    const data = JSON.parse(message.data);
    if (types.includes(data.type)) dispatch.call(data.type, null, data);
  });
  socket.addEventListener("close", () => dispatch.call("close", null, {}));

  function send(message) {
    const text = JSON.stringify(message);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else waiting.push(text);
  }

  const connection = {
    on(type, listener) {
      dispatch.on(type, listener);
      return connection;
    },
    start(scenario, params, settings) {
      send({ type: "start", scenario, params, settings });
    },
    cancel() {
      send({ type: "cancel" });
    },
    pause() {
      send({ type: "pause" });
    },
    /** Lets one held step through: the actor's, or without one the longest-held. */
    step(actor = null) {
      send(actor == null ? { type: "step" } : { type: "step", actor });
    },
    resume() {
      send({ type: "resume" });
    },
    /** Sends any message of the protocol (the room messages). */
    send,
    close() {
      socket.close();
    },
  };
  return connection;
}
