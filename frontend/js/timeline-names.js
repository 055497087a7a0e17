// The labels' column: each row's name as it is shown, whole when it fits, else shortened one step at a
// time — "(daemon)" left to the hollow dot, a process's pid left to the tooltip, the role in brackets
// abbreviated ("Thread-3 (_handle_res…)"), at last dropped ("Thread-3") — so that a thread's own name is
// never cut. The full label stays in the tooltip and the accessible name. Pure: text is measured by the
// function passed.

/** A row's full label: a thread (daemon, a process's pid) or a group (open or closed, how many). */
export function rowLabel(row, t) {
  if (row.kind === "group") return groupLabel(row.group, true);
  const l = row.lane;
  return `${l.name}${l.daemon ? ` ${t("timeline.daemon")}` : ""}${pidOf(l)}`;
}

/** The forms of a row's label, longest (the full label) first, each shorter than the one before. */
export function labelForms(row, t) {
  if (row.kind === "group") {
    const g = row.group;
    return unique([groupLabel(g, true), groupLabel(g, false), `${g.role} ×${g.members.length}`]);
  }
  const l = row.lane;
  const pid = pidOf(l);
  return unique([rowLabel(row, t), `${l.name}${pid}`, l.name, ...shorterNames(l.name)]);
}

/** Shorter forms of a name whose role is in brackets: "Thread-3 (_handle_results)" → "Thread-3 (_handle_resul…)", …, "Thread-3". */
export function shorterNames(name) {
  const parts = /^(.+?) \((.+)\)$/.exec(name);
  if (!parts) return [];
  const [, base, role] = parts;
  const out = [];
  for (let k = role.length - 1; k >= 3; k--) out.push(`${base} (${role.slice(0, k)}…)`);
  out.push(base);
  return out;
}

/**
 * Each row's label for a column of `room` pixels (a group's row, which has no dot, `dot` more): the
 * longest form that fits, else the shortest, cut with an ellipsis (only a name longer than the whole
 * column is). Returns [{text, full, width, cut}] in the rows' order; width counts a group's row less `dot`.
 */
export function fitLabels(rows, room, textWidth, t, dot = 0) {
  return rows.map((row) => {
    const forms = labelForms(row, t);
    const full = forms[0];
    const extra = row.kind === "group" ? dot : 0;
    const fits = forms.find((f) => textWidth(f) <= room + extra);
    const text = fits ?? cut(forms[forms.length - 1], room + extra, textWidth);
    return { text, full, width: textWidth(text) - extra, cut: fits == null };
  });
}

/** The text cut with an ellipsis to fit `room` pixels. */
export function cut(text, room, textWidth) {
  if (textWidth(text) <= room) return text;
  let end = text.length;
  while (end > 1 && textWidth(`${text.slice(0, end)}…`) > room) end--;
  return `${text.slice(0, end)}…`;
}

function groupLabel(g, withPid) {
  return `${g.collapsed ? "▸" : "▾"} ${g.role} ×${g.members.length}${withPid && g.pid != null ? ` · pid ${g.pid}` : ""}`;
}

function pidOf(lane) {
  return lane.type === "PROCESS" && lane.pid ? ` · pid ${lane.pid}` : "";
}

function unique(list) {
  return [...new Set(list)];
}
