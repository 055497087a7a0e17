package org.threadlab.launch;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.threadlab.childjvm.ChildLauncher;

/**
 * Once the server is up, prepares in the background what child processes need (their classes, their
 * class-data archive, the spares), so that the first learner's process starts as quickly as the rest.
 */
@Component
class ChildPreparation {

	private final ChildSettings settings;

	ChildPreparation(ChildSettings settings) {
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		ChildLauncher.configure(settings.spares(), settings.sparesMax(), settings.cds());
		ChildLauncher.prepare();
	}

}
