package org.threadlab.child;

import java.util.Map;

/**
 * Code that runs as the main program of a child JVM, the way a Python script is the main program of its
 * process. An implementation needs a public no-argument constructor and may use only the JDK and the
 * JDK-only packages of ThreadLab (event, run, probe, child): no Spring in a child.
 */
public interface ChildProgram {

	void main(Map<String, String> args) throws Exception;

}
