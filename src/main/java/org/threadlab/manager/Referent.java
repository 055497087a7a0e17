package org.threadlab.manager;

/**
 * An object a manager's server holds for other processes (CPython's referent): the real thing, in the
 * server's process, whose methods the server's threads call for the proxies. Each records its steps in
 * the lane of the serving thread, through the run's hook, so a test's gate in the server can hold them.
 * Implementations are called by any serving thread at once and are thread-safe.
 */
interface Referent {

	/**
	 * Calls {@code method} as CPython's server does for a proxy ({@code getattr(obj, methodname)(*args)}).
	 * @throws org.threadlab.builtins.PyException what the method raises, which the proxy raises again
	 */
	Object call(String method, Object[] args) throws InterruptedException;

	/** Python's {@code repr()} of the object: what a proxy's {@code str()} shows. */
	String repr();

	/** A copy of the object, as a proxy's {@code _getvalue()} returns it. */
	Object value();

	/** Python's {@code AttributeError} for a method the proxy type does not expose. */
	static org.threadlab.builtins.PyException notExposed(String method, String type) {
		return new org.threadlab.builtins.PyException("AttributeError",
				"method '" + method + "' of <class '" + type + "'> object is not exposed");
	}

	/** An address in the manner of CPython's reprs, {@code 0x7f...}, the same for the same object. */
	static String address(Object of) {
		return "0x7f" + String.format("%010x", (System.identityHashCode(of) & 0xffffffffL) << 4);
	}

}
