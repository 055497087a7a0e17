package org.threadlab.manager;

import java.io.Serializable;

/**
 * A manager's answer, as CPython's {@code ('#RETURN', result)} or {@code ('#ERROR', exception)}: the
 * pickled result, or the exception the call raised, which the caller raises again; and the event that
 * sent it (process and sequence number there), which the caller's REPLY names as its cause. Immutable.
 */
record Reply(boolean raised, byte[] value, long fromPid, long fromSeq) implements Serializable {
}
