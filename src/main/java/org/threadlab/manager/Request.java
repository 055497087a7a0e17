package org.threadlab.manager;

import java.io.Serializable;

/**
 * What a process asks of a manager's server, as CPython's {@code (ident, methodname, args, kwds)}: call
 * {@code method} of the object {@code objectId} (null for the server's own methods: {@code create},
 * {@code accept_connection}, {@code shutdown}) with the pickled {@code args}; and, for the timeline, the
 * call as the caller shows it, who asks (the name CPython gives the serving thread) and the event that
 * sent it (process and sequence number there), which the server's event names as its cause. Immutable.
 */
record Request(String objectId, String method, byte[] args, String text, String client, long fromPid, long fromSeq)
		implements Serializable {
}
