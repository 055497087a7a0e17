package org.threadlab.ipc;

import java.io.Serializable;

/**
 * A function of one argument that can cross to another process, for a pool's {@code map}: written as
 * a method reference, {@code ImapScenario::getHtml}, it crosses by reference, as {@code pickle} sends a
 * function.
 */
@FunctionalInterface
public interface PicklableFunction<A, T> extends Serializable {

	T apply(A argument) throws Exception;

}
