package org.threadlab.event;

/**
 * What happened. The names follow DESIGN.md's vocabulary; a pair such as {@code SLEEP}/{@code WAKE}
 * brackets a blocking call: the first is recorded before the real call, the second after it returns.
 */
public enum EventKind {
	// actors; a process is STARTING from the moment start() asks for it until its own first step (START),
	// and a SIGNAL (SIGTERM, SIGKILL) is what one actor sends to a process to end it
	SPAWN, STARTING, START, EXIT, SIGNAL,
	// time
	SLEEP, WAKE, RUN,
	// joins (a thread or process waiting for another to end)
	JOIN, JOINED,
	// locks and semaphores
	ACQUIRE, ACQUIRED, RELEASE,
	// conditions
	WAIT, NOTIFY, NOTIFY_ALL, WOKEN,
	// queues and pipes
	PUT, PUT_DONE, GET, GOT, TASK_DONE,
	// a call through a manager's proxy: the request sent to the manager's process (value: the call), then
	// the reply that came back (value: the result; cause: the manager's answer, in the manager's lane)
	REQUEST, REPLY,
	// futures and pools
	SUBMIT, RUNNING, RESULT, EXCEPTION, CANCEL, DONE,
	// the emulated GIL
	GIL_REQUEST, GIL_TAKEN, GIL_DROPPED,
	// shared values
	READ, WRITE,
	// output
	PRINT,
	// an object of the run comes into being (value: its type and size), so panels know what it is
	CREATE,
	// the run itself
	BEGIN, DEADLOCK, HANG, END,
	// internal, never in a run's trace: a child process tells its parent of its timers and busy spells,
	// since the run's lesson time is kept by the parent (see RunClock), and who its pause gate holds
	// where (see ChildGate)
	CLOCK, GATE,
	// internal, never in a run's trace: a child process tells its parent that one of its actors waits for
	// ever on something of another process (object: a process queue's name), for the parent's watchdog
	WAITS
}
