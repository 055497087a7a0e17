package org.threadlab.cpython;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a listing under the runner with its trace on ({@link TraceLines#ENV}), as PythonRun does, but read
 * raw, line by line, without PythonRun's batches and limits: the trace's events and the printed lines' texts. For tests;
 * each call is independent and blocks until the program ends or is killed at its time limit.
 */
final class TracedPython {

	/** What a traced run wrote, and how it ended. */
	record Traced(List<PythonEvent> events, List<String> printed, int exitCode) {

		List<PythonEvent> of(org.threadlab.event.EventKind kind) {
			return events.stream().filter(e -> e.kind() == kind).toList();
		}

		PythonEvent byId(String id) {
			return events.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
		}

	}

	private TracedPython() {
	}

	static Traced run(Interpreter python, String program, double speed, double hangSeconds) throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("threadlab-traced-");
		Path listing = folder.resolve("listing.py");
		Files.writeString(listing, program, StandardCharsets.UTF_8);
		ProcessBuilder builder = new ProcessBuilder(python.executable(), "-B", "-s", listing.toString()).directory(folder.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		Map<String, String> env = builder.environment();
		env.put("PYTHONPATH", Runner.directory().toString());
		env.put("PYTHONIOENCODING", "utf-8");
		env.put("PYTHONUNBUFFERED", "1");
		env.put("THREADLAB_SPEED", Double.toString(speed));
		env.put("THREADLAB_STAMP", "1");
		env.put(TraceLines.ENV, "1");
		env.put("THREADLAB_HANG", Double.toString(hangSeconds));
		Process process = builder.start();
		Thread limit = new Thread(() -> {
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly(); // its pipe closes: the reading below ends
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "traced-python-limit");
		limit.setDaemon(true);
		limit.start();
		List<PythonEvent> events = new ArrayList<>();
		List<String> printed = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (TraceLines.isTrace(line)) {
					TraceLines.parse(line).filter(PythonEvent.class::isInstance).map(PythonEvent.class::cast).ifPresent(events::add);
				}
				else if (line.startsWith("\u001eo\t")) {
					printed.add(line.split("\t", 4)[3]);
				}
			}
			return new Traced(List.copyOf(events), List.copyOf(printed), process.waitFor());
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			Files.deleteIfExists(listing);
			Files.deleteIfExists(folder);
		}
	}

}
