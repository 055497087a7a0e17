// What this browser keeps of its rooms: the room this tab is in (the session's storage: each tab may be
// in another), the teacher's secret and a student's token and name for each room (local storage: they
// outlive the tab, so a teacher whose tab closed takes the room back), and whether the teacher's panel is
// shown (the session's). A secret never goes in a link.

const CURRENT = "threadlab:room";
const PANEL = "threadlab:room-panel";

export function roomMemory(local = localStorage, session = sessionStorage) {
  const read = (storage, key) => {
    try {
      return JSON.parse(storage.getItem(key) ?? "null");
    } catch {
      return null;
    }
  };
  const write = (storage, key, value) => {
    try {
      if (value == null) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(value));
    } catch {
      // a browser that keeps nothing: the room lasts as long as the page
    }
  };
  return {
    /** {code, role: "teacher" | "student", following} of this tab, or null. */
    current: () => read(session, CURRENT),
    enter(code, role, following = true) {
      write(session, CURRENT, { code, role, following });
    },
    following(on) {
      const now = read(session, CURRENT);
      if (now) write(session, CURRENT, { ...now, following: on });
    },
    leave() {
      write(session, CURRENT, null);
    },
    /** Whether a teacher's panel is shown on this tab's lessons (it is, until the teacher hides it). */
    panelShown: () => read(session, PANEL) !== false,
    showPanel(on) {
      write(session, PANEL, on);
    },
    secret: (code) => read(local, `threadlab:room-secret:${code}`),
    keepSecret: (code, secret) => write(local, `threadlab:room-secret:${code}`, secret),
    /** {member, name} of a student in the room, or null. */
    student: (code) => read(local, `threadlab:room-student:${code}`),
    keepStudent: (code, student) => write(local, `threadlab:room-student:${code}`, student),
  };
}

/** A code as it is read aloud: KM3-R7X. */
export function shownCode(code) {
  return code && code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code ?? "";
}

/** The join link of a room, on this server. */
export function joinLink(code, loc = window.location) {
  return `${loc.protocol}//${loc.host}/join/${code}`;
}

/** The page of a lesson with these values (and the language), as the address holds them. */
export function lessonHref(scenario, params = {}, settings = {}, lang = "en") {
  const query = new URLSearchParams({ lang });
  for (const [k, v] of Object.entries({ ...params, ...settings })) {
    if (k !== "paused") query.set(k, String(v));
  }
  return `/scenarios/${encodeURIComponent(scenario)}?${query}`;
}
