package org.threadlab.browser;

import java.util.List;

import com.microsoft.playwright.Page;

/**
 * What teacher mode must keep on a projector's screen, read from the page as it is: the timeline's axis,
 * every lane's label whole (a role in brackets may be abbreviated, a name never cut) in type of 24 px or
 * more, the run's result line, and the dock (held threads, caption, code line) beside the timeline, not
 * above it; on a teacher's page in a room, the room's counts in its bar, and while its panel is shown, the
 * room's code and QR code on screen, the panel over the timeline's side but no lane's label. Used by the
 * teacher-mode tests in any state of a run.
 */
final class FirstScreen {

	private static final String PROBLEMS = """
			() => {
			  const [w, h] = [window.innerWidth, window.innerHeight];
			  const out = [];
			  const box = (e) => e.getBoundingClientRect();
			  const on = (b) => b.width > 0 && b.top >= -0.5 && b.left >= -0.5 && b.bottom <= h + 0.5 && b.right <= w + 0.5;
			  const axis = document.querySelector("svg.timeline-chart g.axis-bottom");
			  if (!axis || !on(box(axis))) out.push("the time axis is not on screen: " + (axis ? JSON.stringify(box(axis)) : "none"));
			  else if (!axis.querySelector(".tick text")) out.push("the time axis has no numbers");
			  else if (parseFloat(getComputedStyle(axis.querySelector(".tick text")).fontSize) < 24) out.push("the axis's type is under 24 px");
			  const labels = [...document.querySelectorAll("svg.timeline-chart g.row-label text.lane-label")];
			  if (!labels.length) out.push("no lane labels");
			  for (const t of labels) {
			    const text = t.textContent;
			    if (!on(box(t))) out.push(`label "${text}" is not on screen: ${JSON.stringify(box(t))}`);
			    if (text.endsWith("…") && !/ \\(.+…\\)$/.test(text)) out.push(`label "${text}" is cut`);
			    if (parseFloat(getComputedStyle(t).fontSize) < 24) out.push(`label "${text}" is under 24 px`);
			  }
			  const result = document.getElementById("result");
			  if (result.hidden || !on(box(result))) out.push("the result line is not on screen: " + JSON.stringify(box(result)));
			  else if (parseFloat(getComputedStyle(result).fontSize) < 24) out.push("the result line's type is under 24 px");
			  const dock = document.querySelector(".dock");
			  if (box(dock).left < box(document.getElementById("timeline")).right - 1) out.push("the dock is not beside the timeline");
			  if (document.documentElement.scrollTop > 0) out.push("the page is scrolled: " + document.documentElement.scrollTop);
			  if (document.querySelector("main[data-room=teacher]")) {
			    const glance = document.getElementById("room-glance");
			    if (glance.hidden || !on(box(glance)) || !/\\d/.test(glance.querySelector(".glance-counts").textContent)) out.push("the room's counts are not on screen: " + JSON.stringify(box(glance)));
			    const panel = document.getElementById("room-panel");
			    if (!panel.hidden) {
			      const p = box(panel);
			      if (!on(p)) out.push("the room's panel is not on screen: " + JSON.stringify(p));
			      const code = document.getElementById("room-code"), qr = panel.querySelector("svg.qr");
			      if (!code || !on(box(code)) || !qr || !on(box(qr))) out.push("the room's code or QR code is not on screen");
			      else if (box(code).bottom > p.bottom || box(qr).bottom > p.bottom + 0.5) out.push("the room's code or QR code is scrolled out of its panel");
			      for (const t of labels) {
			        const b = box(t);
			        if (b.right > p.left && b.left < p.right && b.bottom > p.top && b.top < p.bottom) out.push(`the room's panel covers label "${t.textContent}"`);
			      }
			    }
			  }
			  return out;
			}""";

	private FirstScreen() {
	}

	/** What is wrong with the first screen now; empty when the timeline, its labels and the result are all on it. */
	@SuppressWarnings("unchecked")
	static List<String> problems(Page page) {
		return (List<String>) page.evaluate(PROBLEMS);
	}

}
