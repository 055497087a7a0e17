package org.threadlab.childjvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: the server's own {@code java}, flags for a small, short-lived JVM,
 * only ThreadLab's classes, and {@link ChildMain} in one of its modes. Stateless; safe from any thread.
 * <p>
 * The flags: the serial collector (no GC threads to start; a child's heap is small), a small heap and
 * stack, no performance-data file to create per JVM, and the JVM's own warnings sent to standard error,
 * never onto the event pipe. Not {@code -XX:TieredStopAtLevel=1}: it starts a JVM about 10 ms sooner
 * but leaves CPU-bound code two to three times slower than in the server, and the lesson of §6 is that
 * processes run CPU-bound work as fast as threads could, in parallel.
 * <p>
 * Nor does the JIT compile the JDK's class spinner (ASM, and the lambda-form rewriting that feeds it):
 * a pool's worker spins a few dozen small classes as it links what it is sent, just enough to make them
 * hot, and C2 then spent some 0.2 s of a core per worker on {@code Frame.execute} alone, while
 * {@code cpu-bound}'s three workers needed the two cores for fib (processes ×1.05 against serial, ×1.3
 * to ×1.4 without). Interpreted, those few classes cost a millisecond or two. ({@code quiet} first: the
 * JVM otherwise prints each command on its standard output, the event pipe.)
 */
final class ChildCommand {

	/**
	 * Where a child JVM that crashes writes its report: the temporary folder, not the server's working folder
	 * (a project's checkout, under {@code spring-boot:run}), where it would lie among the sources.
	 */
	private static final String ERROR_FILE = "-XX:ErrorFile="
			+ Path.of(System.getProperty("java.io.tmpdir"), "threadlab-child-hs_err_pid%p.log");

	static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx128m", "-Xss512k", "-XX:-UsePerfData",
			"-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Dfile.encoding=UTF-8", ERROR_FILE,
			"-XX:CompileCommand=quiet", "-XX:CompileCommand=exclude,jdk.internal.org.objectweb.asm.*::*",
			"-XX:CompileCommand=exclude,java.lang.invoke.LambdaForm$Name::replaceNames");

	private ChildCommand() {
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A child in {@code mode}, using {@code archive} if not null (a class-data-sharing archive for the jar). */
	static List<String> of(Path jar, Path archive, String mode) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(FLAGS);
		if (archive != null) {
			command.add("-XX:SharedArchiveFile=" + archive);
		}
		// the child loads the very scenario classes this JVM checked for their line tags: it need not look again
		command.add("-D" + org.threadlab.run.Lines.INSTRUMENTED_PROPERTY + "=" + org.threadlab.run.Lines.instrumented());
		command.add("-cp");
		command.add(jar.toString());
		command.add(ChildMain.class.getName());
		command.add(mode);
		return command;
	}

	/** The training run that dumps an archive of what a child loads into {@code archive}. */
	static List<String> training(Path jar, Path archive) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(FLAGS);
		command.add("-XX:ArchiveClassesAtExit=" + archive);
		command.add("-cp");
		command.add(jar.toString());
		command.add(ChildMain.class.getName());
		command.add(ChildMain.TRAIN);
		return command;
	}

}
