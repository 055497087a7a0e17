package org.threadlab.childjvm;

import java.io.Serializable;

/**
 * What a child JVM runs as its main program. It crosses to the child the way Python's {@code pickle}
 * sends a function to a spawned process: by reference. A lambda or method reference typed as a
 * {@code ChildTask} is serialized as a {@link java.lang.invoke.SerializedLambda} (its class, its
 * method, the values it captured) and the child, which has the same classes, calls the same method
 * with the same values. What it captures must be serializable: numbers, text, and the handles of
 * ThreadLab's IPC objects. Its code may use only the JDK-only packages of ThreadLab (event, run,
 * probe, child, process) and the scenario's own classes: no Spring in a child.
 */
@FunctionalInterface
public interface ChildTask extends Serializable {

	void run() throws Exception;

}
