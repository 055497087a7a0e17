// The run socket (docs/protocol.md): sends start and cancel, and dispatches what the server sends
// as "queued", "started", "events", "end", "error", "gate", plus "close" when the socket closes.
import d3 from "./d3.js";

export function socketUrl(loc = window.location) {
  return `${loc.protocol === "https:" ? "wss" : "ws"}://${loc.host}/ws/runs`;
}

export function connect(url = socketUrl()) {
  const types = ["queued", "started", "events", "end", "error", "gate"];
  const dispatch = d3.dispatch(...types, "close");
  const socket = new WebSocket(url);
  const waiting = [];
  socket.addEventListener("open", () => waiting.splice(0).forEach((m) => socket.send(m)));
  socket.addEventListener("message", (message) => {
    const data = JSON.parse(message.data);
    if (types.includes(data.type)) dispatch.call(data.type, null, data); // a type it does not know: ignored
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
    step() {
      send({ type: "step" });
    },
    resume() {
      send({ type: "resume" });
    },
    close() {
      socket.close();
    },
  };
  return connection;
}
