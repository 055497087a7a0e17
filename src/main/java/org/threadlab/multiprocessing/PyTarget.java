package org.threadlab.multiprocessing;

import java.io.Serializable;

/**
 * A process's {@code target}: the function a child process calls, written as a lambda,
 * {@code () -> getHtml(2)}, so a Java listing reads like Python's {@code target=get_html, args=(2,)}. It
 * crosses to the child the way {@code pickle} sends a function: by reference (its class and method)
 * with the arguments it captured, which must be serializable (numbers, text, ThreadLab's IPC handles);
 * anything else makes {@code start()} raise Python's {@code TypeError: cannot pickle ...}. A target's
 * return value is dropped, as {@code Process} drops it.
 */
@FunctionalInterface
public interface PyTarget extends Serializable {

	void run() throws Exception;

}
