package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Chromium;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Sharing a run: its recording opened again in the viewer, the timeline as SVG and PNG, and the run as a
 * Perfetto trace whose causal arrows are flows, read back field by field.
 */
class ShareIT extends BrowserTest {

	private Path save(String button, String name) throws IOException {
		Download download = page.waitForDownload(() -> page.click(button));
		Path path = Path.of("target", "exports", name);
		Files.createDirectories(path.getParent());
		download.saveAs(path);
		return path;
	}

	private void runThreadTarget() {
		open("/scenarios/thread-target");
		page.fill("input[name=speed]", "10");
		page.click("#run");
		waitForEnd();
	}

	/** The fields of a Trace's packets: TracePacket is field 1 of Trace. */
	private static List<UnknownFieldSet> packets(byte[] trace) throws IOException {
		List<UnknownFieldSet> packets = new ArrayList<>();
		for (ByteString packet : UnknownFieldSet.parseFrom(trace).getField(1).getLengthDelimitedList()) {
			packets.add(UnknownFieldSet.parseFrom(packet));
		}
		return packets;
	}

	@Test
	void theRunExportsAsAPerfettoTraceWhoseArrowsAreFlows() throws IOException {
		runThreadTarget();
		byte[] trace = Files.readAllBytes(save("#export-trace", "thread-target.perfetto-trace"));
		List<UnknownFieldSet> packets = packets(trace);

		// TracePacket.track_descriptor = 60; TrackDescriptor.thread = 4, ThreadDescriptor.thread_name = 5
		List<String> threads = new ArrayList<>();
		for (UnknownFieldSet p : packets) {
			if (p.hasField(60)) {
				UnknownFieldSet track = UnknownFieldSet.parseFrom(p.getField(60).getLengthDelimitedList().get(0));
				if (track.hasField(4)) {
					UnknownFieldSet thread = UnknownFieldSet.parseFrom(track.getField(4).getLengthDelimitedList().get(0));
					threads.add(thread.getField(5).getLengthDelimitedList().get(0).toStringUtf8());
				}
			}
		}
		assertThat(threads).containsExactly("main", "Thread-1 (get_detail_html)", "Thread-2 (get_detail_url)");

		// TracePacket.track_event = 11; TrackEvent.type = 9 (1 begin, 2 end), flow_ids = 47, terminating_flow_ids = 48
		int begins = 0;
		int ends = 0;
		List<Long> flowsOut = new ArrayList<>();
		List<Long> flowsIn = new ArrayList<>();
		long lastTimestamp = 0;
		for (UnknownFieldSet p : packets) {
			if (!p.hasField(11)) {
				continue;
			}
			long timestamp = p.getField(8).getVarintList().get(0);
			assertThat(timestamp).as("events in time order").isGreaterThanOrEqualTo(lastTimestamp);
			lastTimestamp = timestamp;
			UnknownFieldSet event = UnknownFieldSet.parseFrom(p.getField(11).getLengthDelimitedList().get(0));
			long type = event.getField(9).getVarintList().get(0);
			begins += type == 1 ? 1 : 0;
			ends += type == 2 ? 1 : 0;
			flowsOut.addAll(event.getField(47).getFixed64List());
			flowsIn.addAll(event.getField(48).getFixed64List());
		}
		assertThat(begins).as("slices").isGreaterThan(5).isEqualTo(ends);
		assertThat(flowsOut).as("two joins: each thread's end let a join return").hasSize(2);
		assertThat(flowsIn).containsExactlyInAnyOrderElementsOf(flowsOut);
		assertThat(page.locator("#share-status")).containsText("2 flows");
	}

	@Test
	void theTimelineExportsAsAnSvgThatOpensAndAPng() throws IOException {
		runThreadTarget();
		Path svg = save("#export-svg", "thread-target.svg");
		String text = Files.readString(svg, StandardCharsets.UTF_8);
		assertThat(text).startsWith("<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"").contains("state-sleeping")
			.contains("<pattern");
		Page viewer = newPage();
		viewer.navigate(svg.toAbsolutePath().toUri().toString());
		assertThat(viewer.locator("rect.segment").count()).isGreaterThan(5);
		assertThat(viewer.locator("text.lane-label").filter(new Locator.FilterOptions().setHasText("main"))).hasCount(1);
		viewer.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("export-svg")));

		Path png = save("#export-png", "thread-target.png");
		byte[] bytes = Files.readAllBytes(png);
		assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
		assertThat(bytes.length).isGreaterThan(5_000);
	}

	@Test
	void aDownloadedRecordingOpensAgainInTheViewer() throws IOException {
		open("/scenarios/deadlock");
		page.fill("input[name=pause]", "1");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		waitForEnd();
		Path recording = save("#download-recording", "deadlock.json");
		String outcome = page.locator("#outcome").textContent();

		Page viewer = newPage();
		viewer.navigate("http://localhost:" + port + "/scenarios/deadlock?lang=zh");
		viewer.locator("#open-recording").setInputFiles(recording);
		assertThat(viewer.locator("main.scenario")).hasAttribute("data-outcome", "DEADLOCK");
		assertThat(viewer.locator("path.cycle")).hasCount(2);
		assertThat(viewer.locator("#outcome")).containsText("死锁");
		assertThat(viewer.locator("#outcome")).containsText("A 在等 b");
		assertThat(viewer.locator("input[name=pause]")).hasValue("1");
		assertThat(outcome).contains("A waits for b, held by B");
		viewer.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("recording-opened-zh")).setFullPage(true));

		// what is not a recording is refused by name, and nothing else changes
		Path bad = Path.of("target", "exports", "not-a-recording.json");
		Files.writeString(bad, "{\"hello\": 1}");
		viewer.locator("#open-recording").setInputFiles(bad);
		assertThat(viewer.locator("#share-status.error")).containsText("not-a-recording.json");
		assertThat(viewer.locator("path.cycle")).hasCount(2);
	}

}
