package org.threadlab.child;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.threadlab.probe.Py;

/** A child program that writes lines that are not events onto the pipe, as a stray JVM warning would. */
public final class NoisyProgram implements ChildProgram {

	@Override
	public void main(Map<String, String> args) {
		PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		for (int i = 0; i < 2000; i++) {
			raw.println("OpenJDK 64-Bit Server VM warning: this is not an event, line " + i);
		}
		Py.print("still heard");
	}

}
