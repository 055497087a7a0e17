package org.threadlab.manager;

import java.io.Serial;
import java.io.Serializable;

import org.threadlab.builtins.PyRepr;

/**
 * What every proxy of a manager's object is (CPython's {@code BaseProxy}): a {@link Token} that names the
 * object and its server, and calls that go there ({@link Client}). A proxy is all token, so it pickles and
 * crosses to any process of the run at any time; there it calls the same object.
 * <p>
 * {@code str(proxy)} ({@code print(progress_dict)}) asks the server for the object's repr:
 * {@code {'bobby1': 22, 'bobby2': 23}}; {@code repr(proxy)} is the proxy's own,
 * {@code <DictProxy object, typeid 'dict' at 0x7f...>}.
 * <p>
 * Thread-safety: immutable; any actor of any process of the run may call it.
 */
public abstract class BaseProxy implements Serializable, PyRepr.PyValue {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Token token;

	BaseProxy(Token token) {
		this.token = token;
	}

	/** CPython's {@code _callmethod}: a request to the server and the wait for its reply. */
	protected final Object callMethod(String method, Object... args) throws InterruptedException {
		return Client.callMethod(token, method, args);
	}

	/** The name of the variable the program keeps the proxy in, as its events name it. */
	public String name() {
		return token.name();
	}

	/** CPython's {@code _getvalue()}: a copy of the object. */
	public Object getvalue() throws InterruptedException {
		return callMethod("#GETVALUE");
	}

	/** The proxy type's name in Python: {@code DictProxy}, {@code AutoProxy[Queue]}. */
	abstract String typeName();

	@Override
	public String pyStr() {
		try {
			return (String) callMethod("__repr__");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the run is stopping: its next blocking step ends this actor
			return failedStr();
		}
		catch (RuntimeException ex) {
			return failedStr();
		}
	}

	private String failedStr() {
		String repr = pyRepr();
		return repr.substring(0, repr.length() - 1) + "; '__str__()' failed>";
	}

	@Override
	public String pyRepr() {
		return "<" + typeName() + " object, typeid " + PyRepr.repr(token.typeid()) + " at " + Referent.address(this) + ">";
	}

	@Override
	public String toString() {
		return pyRepr();
	}

}
