package org.threadlab.manager;

import java.io.Serializable;

/**
 * What a proxy knows of its object, as CPython's {@code Token}: the kind of object ({@code typeid}), the
 * address of the server that holds it (its socket) and its id there; and, for the timeline, the name the
 * program gave it and the server process's name. It is all a proxy is made of, so a proxy crosses to
 * any process of the run, at any time. Immutable.
 */
record Token(String typeid, String address, String id, String name, String manager) implements Serializable {
}
