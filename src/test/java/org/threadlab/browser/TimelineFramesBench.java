package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.threadlab.event.Event;
import org.threadlab.probe.Py;
import org.threadlab.probe.SharedValue;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the timeline zooms and pans a big run: records a real run of more than 100,000 events (eight
 * threads taking turns on one lock to add to a shared total, every step recorded, under the emulated
 * GIL: no lesson records that many, so the bench writes the program itself, as lock-counter's), saves it
 * as a recording, opens that in the lock-counter page at 1280×720 and measures the time between frames
 * while zooming 60 wheel clicks deep (about 20,000×, a few events in view) and back out with every kind
 * of arrow shown, and while panning with the keys, zoomed a little and zoomed deep. Then the same on a
 * lesson's own run, pool-internals (its arrows span the whole run). Prints the median and the 95th
 * percentile of each; asserts nothing about them (a benchmark, not a test: run it alone, on a quiet
 * machine). Run with {@code ./mvnw -Pbench-browser verify}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // records a run of 100,000 events first, then draws it frame by frame
class TimelineFramesBench extends BrowserTest {

	private static final Path RECORDING = Path.of("target", "bench", "big-run.json");

	private static final String FRAMES = """
			async ({ steps, kind }) => {
			  const svg = document.querySelector("svg.timeline-chart");
			  const box = svg.getBoundingClientRect();
			  const times = [];
			  const work = [];
			  let arrows = 0;
			  let last = performance.now();
			  for (let i = 0; i < steps; i++) {
			    const frame = await new Promise((r) => requestAnimationFrame(r));
			    const now = performance.now();
			    times.push(now - last);
			    last = now;
			    arrows = Math.max(arrows, document.querySelectorAll("path.link").length);
			    void document.body.getBoundingClientRect(); // the style and layout of what this frame's drawing changed
			    if (kind === "zoom" || kind === "zoom-in") {
			      svg.dispatchEvent(new WheelEvent("wheel", { deltaY: kind === "zoom-in" || i < steps / 2 ? -120 : 120, clientX: box.left + box.width * 0.6,
			        clientY: box.top + box.height / 2, bubbles: true, cancelable: true, view: window }));
			    } else {
			      document.dispatchEvent(new KeyboardEvent("keydown", { key: i < steps / 2 ? "d" : "a", bubbles: true }));
			    }
			    work.push(performance.now() - frame); // the page's own work this frame: drawing, style, layout, the input
			  }
			  await new Promise((r) => requestAnimationFrame(r));
			  times.push(performance.now() - last);
			  return { times: times.slice(1), work: work.slice(1), arrows };
			}""";

	/** Wheel clicks in (then as many out): each zooms about 1.18×, so 60 go about 20,000× deep. */
	private static final int CLICKS = 60;

	private static final int THREADS = 8;

	private static final int STEPS = 2_600;

	@Autowired
	JsonMapper json;

	/** Runs the program on real threads and writes its trace as the page writes a recording. */
	private Path record() throws Exception {
		if (Files.exists(RECORDING) && !Boolean.getBoolean("bench.record")) {
			return RECORDING; // made by an earlier run; -Dbench.record=true makes a new one
		}
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 1_000_000);
		run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		run.start("main", () -> {
			var lock = new TracedLock("lock");
			var total = new SharedValue("total", 0);
			List<TracedThread> threads = new ArrayList<>();
			for (int i = 1; i <= THREADS; i++) {
				threads.add(new TracedThread("Thread-" + i + " (add)", false, () -> {
					for (int k = 0; k < STEPS; k++) {
						lock.acquire();
						total.write(total.read() + 1);
						lock.release();
						Py.backEdge();
					}
				}));
			}
			for (TracedThread t : threads) {
				t.start();
			}
			for (TracedThread t : threads) {
				t.join();
			}
			Py.print("total:", total.value());
		});
		Outcome outcome = run.outcome().get(300, TimeUnit.SECONDS);
		run.awaitTermination(Duration.ofSeconds(10));
		List<Event> events = new ArrayList<>();
		run.recorder().read(0, Integer.MAX_VALUE, events);
		Map<String, Object> recording = new LinkedHashMap<>();
		recording.put("format", "threadlab-recording");
		recording.put("version", 1);
		recording.put("scenario", "lock-counter");
		recording.put("lang", "en");
		recording.put("started", Map.of("runId", 1, "speed", 1, "params", Map.of("n", STEPS), "settings",
				Map.of("speed", 1, "gil", true, "switchIntervalMs", 5, "everyBytecode", false)));
		recording.put("lessonTime", true);
		recording.put("events", events);
		recording.put("outcome", outcome);
		Files.createDirectories(RECORDING.getParent());
		Files.writeString(RECORDING, json.writeValueAsString(recording));
		return RECORDING;
	}

	/** With -Dbench.profile=true: where the time of zooming goes, by function (self time), from the DevTools profiler. */
	@SuppressWarnings("unchecked")
	private void profile() {
		com.microsoft.playwright.CDPSession cdp = page.context().newCDPSession(page);
		cdp.send("Profiler.enable");
		com.google.gson.JsonObject interval = new com.google.gson.JsonObject();
		interval.addProperty("interval", 200);
		cdp.send("Profiler.setSamplingInterval", interval);
		cdp.send("Profiler.start");
		page.evaluate(FRAMES, Map.of("steps", 2 * CLICKS, "kind", "zoom"));
		page.evaluate(FRAMES, Map.of("steps", 120, "kind", "pan"));
		com.google.gson.JsonObject profile = cdp.send("Profiler.stop").getAsJsonObject("profile");
		Map<Integer, String> names = new java.util.HashMap<>();
		Map<String, Integer> self = new java.util.HashMap<>();
		for (var node : profile.getAsJsonArray("nodes")) {
			var frame = node.getAsJsonObject().getAsJsonObject("callFrame");
			String url = frame.get("url").getAsString();
			names.put(node.getAsJsonObject().get("id").getAsInt(), frame.get("functionName").getAsString() + " "
					+ url.substring(url.lastIndexOf('/') + 1) + ":" + frame.get("lineNumber").getAsInt());
		}
		for (var sample : profile.getAsJsonArray("samples")) {
			self.merge(names.get(sample.getAsInt()), 1, Integer::sum);
		}
		int total = self.values().stream().mapToInt(Integer::intValue).sum();
		System.out.println("Profile of zooming and panning, self time:");
		self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
			.forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
	}

	@SuppressWarnings("unchecked")
	private static String stats(String what, Object measured) {
		Map<String, Object> m = (Map<String, Object>) measured;
		double[] ms = sorted((List<Number>) m.get("times"));
		double[] work = sorted((List<Number>) m.get("work"));
		double p95 = p95(ms);
		double[] cpu = sorted((List<Number>) m.get("cpu"));
		return String.format("%-40s frames %3d   median %5.1f ms   p95 %6.1f ms = %5.1f frames/s   max %6.1f ms%n"
				+ "%-40s the page's work (wall) median %4.1f ms, p95 %5.1f ms; its main thread's CPU per frame median %4.1f ms,"
				+ " p95 %4.1f ms (= %3.0f frames/s on a core of its own); arrows drawn ≤ %s",
				what, ms.length, ms[ms.length / 2], p95, 1000 / p95, ms[ms.length - 1], "", work[work.length / 2], p95(work),
				cpu[cpu.length / 2], p95(cpu), 1000 / Math.max(1000 / 60.0, p95(cpu)), m.get("arrows"));
	}

	private static double[] sorted(List<Number> values) {
		return values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
	}

	private static double p95(double[] sorted) {
		return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
	}

	/**
	 * Runs FRAMES while Chromium traces its renderer: adds to what FRAMES measured ("times", "work",
	 * "arrows") the CPU time of the page's main thread in each frame ("cpu", ms), which other builds on a
	 * shared machine do not inflate as they do the time between frames.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> traced(Map<String, Object> args) {
		CDPSession cdp = page.context().newCDPSession(page);
		List<JsonObject> events = new CopyOnWriteArrayList<>();
		AtomicBoolean complete = new AtomicBoolean();
		cdp.on("Tracing.dataCollected", data -> data.getAsJsonArray("value").forEach(e -> events.add(e.getAsJsonObject())));
		cdp.on("Tracing.tracingComplete", data -> complete.set(true));
		JsonObject start = new JsonObject();
		start.addProperty("categories", "devtools.timeline,disabled-by-default-devtools.timeline");
		start.addProperty("transferMode", "ReportEvents");
		cdp.send("Tracing.start", start);
		Map<String, Object> measured = new LinkedHashMap<>((Map<String, Object>) page.evaluate(FRAMES, args));
		cdp.send("Tracing.end");
		page.waitForCondition(complete::get);
		cdp.detach();
		measured.put("cpu", cpuPerFrame(events));
		return measured;
	}

	/** The CPU time (ms) of the renderer's main thread in each of its animation frames, from a trace. */
	private static List<Number> cpuPerFrame(List<JsonObject> events) {
		JsonObject main = events.stream()
			.filter(e -> "M".equals(e.get("ph").getAsString()) && "thread_name".equals(e.get("name").getAsString())
					&& "CrRendererMain".equals(e.getAsJsonObject("args").get("name").getAsString()))
			.findFirst().orElseThrow();
		long pid = main.get("pid").getAsLong();
		long tid = main.get("tid").getAsLong();
		List<JsonObject> mine = events.stream().filter(e -> e.get("pid").getAsLong() == pid && e.get("tid").getAsLong() == tid).toList();
		Map<String, Double> begins = new java.util.HashMap<>();
		List<double[]> frames = new ArrayList<>();
		for (JsonObject e : mine) {
			if (!"AnimationFrame".equals(e.get("name").getAsString()) || !e.has("id2") && !e.has("id")) {
				continue;
			}
			String id = String.valueOf(e.has("id") ? e.get("id") : e.get("id2"));
			double ts = e.get("ts").getAsDouble();
			if ("b".equals(e.get("ph").getAsString())) {
				begins.put(id, ts);
			}
			else if ("e".equals(e.get("ph").getAsString()) && begins.containsKey(id)) {
				frames.add(new double[] { begins.remove(id), ts });
			}
		}
		List<Number> cpu = new ArrayList<>();
		for (double[] frame : frames) {
			double us = mine.stream()
				.filter(e -> "RunTask".equals(e.get("name").getAsString()) && e.has("tdur"))
				.filter(e -> e.get("ts").getAsDouble() >= frame[0] && e.get("ts").getAsDouble() < frame[1])
				.mapToDouble(e -> e.get("tdur").getAsDouble())
				.sum();
			cpu.add(us / 1000);
		}
		return cpu.isEmpty() ? List.of(0) : cpu;
	}

	/** The machine's load average over the last minute: frames on a shared machine wait for its cores. */
	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException | RuntimeException unknown) {
			return "unknown";
		}
	}

	/** Zooms deep and back, then pans zoomed a little and zoomed deep; prints each after a first round to warm up. */
	private void measure(String what) {
		for (int round = 0; round < 2; round++) {
			Object zoom = traced(Map.of("steps", 2 * CLICKS, "kind", "zoom"));
			page.keyboard().press("0");
			for (int i = 0; i < 3; i++) {
				page.keyboard().press("w");
			}
			Object pan = traced(Map.of("steps", 120, "kind", "pan"));
			page.keyboard().press("0");
			page.evaluate(FRAMES, Map.of("steps", CLICKS, "kind", "zoom-in"));
			Object deepPan = traced(Map.of("steps", 120, "kind", "pan"));
			page.keyboard().press("0");
			if (round == 1) {
				System.out.println(what);
				System.out.println(stats("  wheel zoom " + CLICKS + " clicks in, then out", zoom));
				System.out.println(stats("  pan (keys), zoomed 3.4x", pan));
				System.out.println(stats("  pan (keys), " + CLICKS + " wheel clicks deep", deepPan));
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void zoomingAndPanningABigRun() throws Exception {
		Path recording = record();
		page.setViewportSize(1280, 720);
		open("/scenarios/lock-counter?n=" + STEPS);
		long t0 = System.nanoTime();
		page.locator("#open-recording").setInputFiles(recording);
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
		long opened = System.nanoTime() - t0;
		String events = page.locator("main.scenario").getAttribute("data-events");
		Object lanes = page.evaluate("() => document.querySelectorAll('g.row-label').length");
		Object canvas = page.evaluate("() => document.querySelector('svg.timeline-chart').classList.contains('on-canvas')");

		System.out.printf("%nTimeline frames, a recorded run of %s events in %s rows, drawn %s; opened in %.0f ms; load average %s%n",
				events, lanes, Boolean.TRUE.equals(canvas) ? "on the canvas" : "in SVG", opened / 1e6, load());
		if (Boolean.getBoolean("bench.profile")) {
			profile();
		}
		measure("the recording, arrows on (the arrows' filter as the page starts)");
		page.screenshot(new Page.ScreenshotOptions().setPath(org.threadlab.testing.Chromium.screenshot("bench-big-run")));

		// a lesson's own run: pool-internals, whose arrows (submit → run → done → result) cross the whole run
		open("/scenarios/pool-internals");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
		System.out.printf("%npool-internals, its defaults: %s events in %s rows%n", page.locator("main.scenario").getAttribute("data-events"),
				page.evaluate("() => document.querySelectorAll('g.row-label').length"));
		measure("pool-internals, arrows on");
		System.out.printf("load average at the end: %s%n", load());
		page.screenshot(new Page.ScreenshotOptions().setPath(org.threadlab.testing.Chromium.screenshot("bench-pool-internals")));
	}

}
