// A line of the code, named as a learner reads it: Python's number first (the listing they study), Java's
// second (the program that really runs), from the page's map of Java lines to Python lines (the listings'
// anchors); a thread that has not reached its first line reads as such, never "line 0". Pure.

/** The Python line of a Java line, or null when the listing names none. */
export function pythonLine(javaLine, javaToPython) {
  const line = javaToPython && javaLine > 0 ? Number(javaToPython[javaLine]) : 0;
  return line > 0 ? line : null;
}

/** "line 11 (Java 38)"; "Java line 38" where no Python line matches; "before its first line" for 0. */
export function lineName(javaLine, javaToPython, t) {
  if (!(javaLine > 0)) return t("line.before");
  const python = pythonLine(javaLine, javaToPython);
  return python ? t("line.both", python, javaLine) : t("line.java", javaLine);
}
