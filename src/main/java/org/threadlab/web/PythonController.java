package org.threadlab.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.threadlab.cpython.Interpreter;
import org.threadlab.cpython.PythonRuns;

/**
 * {@code GET /api/python}: whether this server can run a listing in real CPython too, so a page offers
 * it or says plainly that it cannot: {@code {"version": "3.11.7"}} or {@code {"missing": "..."}}. Stateless.
 */
@RestController
class PythonController {

	private final PythonRuns pythons;

	PythonController(PythonRuns pythons) {
		this.pythons = pythons;
	}

	@GetMapping("/api/python")
	Map<String, String> python() {
		Interpreter.Lookup python = pythons.python();
		return python.found() ? Map.of("version", python.interpreter().version()) : Map.of("missing", python.missing());
	}

}
