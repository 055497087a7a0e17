package org.threadlab.childjvm;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.threadlab.ipc.Pickle;
import org.threadlab.run.RunClock;

/**
 * What a child JVM is asked to be, sent as the first line on its standard input: whose run it belongs
 * to (the run's clock: its start on the machine's monotonic clock, its speed), its emulated GIL (each
 * process has its own, set up like its parent's: {@link org.threadlab.run.Gil#describe}), the name of
 * its main actor, system properties the run's code reads in the child (the run's folder:
 * {@link org.threadlab.run.Run#FOLDER_PROPERTY}), and its {@link ChildTask}, pickled. A cold child gets
 * it the moment it is launched; a spare gets it when a process is asked for, long after it started.
 * Immutable.
 */
public record Assignment(RunClock clock, String gil, String name, Map<String, String> properties, byte[] task) {

	private static final String TAG = "RUN";

	public Assignment {
		properties = Map.copyOf(properties);
	}

	/** One line, without its newline: tab-separated, text escaped as on the event pipe, the task in base64. */
	public String encode() {
		return TAG + "\t" + clock.startNanos() + "\t" + clock.speed() + "\t" + EventLine.escape(gil) + "\t"
				+ EventLine.escape(name) + "\t" + EventLine.escape(JsonText.encode(properties)) + "\t"
				+ Base64.getEncoder().encodeToString(task);
	}

	public static Assignment decode(String line) {
		String[] f = line.split("\t", -1);
		if (f.length != 7 || !TAG.equals(f[0])) {
			throw new IllegalArgumentException("not an assignment: " + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
		}
		Map<String, String> properties = new LinkedHashMap<>();
		if (JsonText.decode(EventLine.unescape(f[5])) instanceof Map<?, ?> given) {
			given.forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
		}
		return new Assignment(new RunClock(Long.parseLong(f[1]), Double.parseDouble(f[2])), EventLine.unescape(f[3]),
				EventLine.unescape(f[4]), properties, Base64.getDecoder().decode(f[6]));
	}

	/** The task, unpickled: done in the child, as its first step. */
	public ChildTask unpickleTask() {
		return (ChildTask) Pickle.loads(task);
	}

}
