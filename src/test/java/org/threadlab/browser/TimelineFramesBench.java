package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

import com.microsoft.playwright.Page;

import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the timeline zooms and pans a big run: records a real run of more than 100,000 events (eight
 * threads taking turns on one lock to add to a shared total, every step recorded, under the emulated
 * GIL: no lesson records that many, so the bench writes the program itself, as lock-counter's), saves it
 * as a recording, opens that in the lock-counter page at 1280×720 and measures the time between frames
 * while zooming in and out with the wheel and panning with the keys. Prints the figures; asserts nothing
 * about them (a benchmark, not a test: run it alone, on a quiet machine). Run with
 * {@code ./mvnw -Pbench-browser verify}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // records a run of 100,000 events first, then draws it frame by frame
class TimelineFramesBench extends BrowserTest {

	private static final Path RECORDING = Path.of("target", "bench", "big-run.json");

	private static final String FRAMES = """
			async ({ steps, kind }) => {
			  const svg = document.querySelector("svg.timeline-chart");
			  const box = svg.getBoundingClientRect();
			  const times = [];
			  let last = performance.now();
			  for (let i = 0; i < steps; i++) {
			    await new Promise((r) => requestAnimationFrame(r));
			    const now = performance.now();
			    times.push(now - last);
			    last = now;
			    if (kind === "zoom") {
			      svg.dispatchEvent(new WheelEvent("wheel", { deltaY: i < steps / 2 ? -120 : 120, clientX: box.left + box.width * 0.6,
			        clientY: box.top + box.height / 2, bubbles: true, cancelable: true, view: window }));
			    } else {
			      document.dispatchEvent(new KeyboardEvent("keydown", { key: i < steps / 2 ? "d" : "a", bubbles: true }));
			    }
			  }
			  await new Promise((r) => requestAnimationFrame(r));
			  times.push(performance.now() - last);
			  return times.slice(1);
			}""";

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
		page.evaluate(FRAMES, Map.of("steps", 120, "kind", "zoom"));
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

	private static String stats(String what, List<Number> frames) {
		double[] ms = frames.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		double mean = Arrays.stream(ms).average().orElse(0);
		return String.format("%-28s frames %3d   median %6.1f ms   p95 %6.1f ms   max %6.1f ms   mean %6.1f ms = %5.1f frames/s",
				what, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1], mean, 1000 / mean);
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

		System.out.printf("%nTimeline frames, a recorded run of %s events in %s rows, drawn %s; opened in %.0f ms%n", events, lanes,
				Boolean.TRUE.equals(canvas) ? "on the canvas" : "in SVG", opened / 1e6);
		if (Boolean.getBoolean("bench.profile")) {
			profile();
		}
		for (int round = 0; round < 2; round++) {
			List<Number> zoom = (List<Number>) page.evaluate(FRAMES, Map.of("steps", 120, "kind", "zoom"));
			page.keyboard().press("0");
			page.keyboard().press("w");
			page.keyboard().press("w");
			page.keyboard().press("w");
			List<Number> pan = (List<Number>) page.evaluate(FRAMES, Map.of("steps", 120, "kind", "pan"));
			page.keyboard().press("0");
			if (round == 1) {
				System.out.println(stats("wheel zoom in, then out", zoom));
				System.out.println(stats("pan (keys), zoomed 3.4x", pan));
			}
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(org.threadlab.testing.Chromium.screenshot("bench-big-run")));
	}

}
