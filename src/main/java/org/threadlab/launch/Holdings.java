package org.threadlab.launch;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the admitted runs hold, in total and per client, against the server's room and each client's
 * share: whether a run fits, taking its room, giving it back, and the child processes a run starts
 * beyond what it reserved. The arithmetic of {@link Admission}, apart from its queue.
 * <p>
 * Not thread-safe: the admission's lock guards it.
 */
final class Holdings {

	/** What one client, or the whole server, holds: its room and how many runs hold it. */
	private record Held(Amount room, int runs) {

		static final Held NOTHING = new Held(Amount.NONE, 0);

		Held take(Amount need) {
			return new Held(room.plus(need), runs + 1);
		}

		Held giveBack(Amount need) {
			return new Held(room.minus(need), runs - 1);
		}

		Held withProcesses(int more) {
			return new Held(room.plus(new Amount(0, more, 0)), runs);
		}

		boolean isNothing() {
			return runs == 0 && room.processes() == 0;
		}

	}

	private final Amount server;

	private final Amount share;

	private Held total = Held.NOTHING;

	/** Only clients that hold something. */
	private final Map<String, Held> byClient = new HashMap<>();

	Holdings(AdmissionLimits limits) {
		this.server = Amount.of(limits);
		this.share = Amount.of(limits.client());
	}

	/** What a run asks for, cut down to what the server and a client's share could give, one thread at least. */
	Amount clip(Amount asked) {
		Amount clipped = asked.atMost(server).atMost(share);
		return clipped.threads() >= 1 ? clipped : new Amount(1, clipped.processes(), clipped.cores());
	}

	/** Whether the run fits both its client's share and the server's free room now. */
	boolean fits(String client, Amount need) {
		return fitsShare(client, need) && total.room().plus(need).fitsIn(server);
	}

	/** Whether the run fits its client's share: if not, it waits for the client's own runs to end. */
	boolean fitsShare(String client, Amount need) {
		return held(client).room().plus(need).fitsIn(share);
	}

	/** The kinds of room the run needs that the server lacks now. */
	Set<Amount.Kind> lacking(Amount need) {
		Set<Amount.Kind> lacking = total.room().plus(need).beyond(server);
		lacking.retainAll(need.kinds());
		return lacking;
	}

	/** The run is admitted: it holds its room until {@link #giveBack}. */
	void take(String client, Amount need) {
		total = total.take(need);
		byClient.put(client, held(client).take(need));
	}

	/** The run has ended: its room goes back, and so do the {@code extras} processes it took beyond it. */
	void giveBack(String client, Amount need, int extras) {
		total = total.giveBack(need).withProcesses(-extras);
		Held mine = held(client).giveBack(need).withProcesses(-extras);
		if (mine.isNothing()) {
			byClient.remove(client);
		}
		else {
			byClient.put(client, mine);
		}
	}

	/**
	 * A running run of {@code client} starts a child process beyond what it reserved: it takes one
	 * process of the server's free room if both the server and the client's share have one.
	 * @return false when there is none: the child waits
	 */
	boolean takeProcess(String client) {
		Held mine = held(client);
		if (total.room().processes() >= server.processes() || mine.room().processes() >= share.processes()) {
			return false;
		}
		total = total.withProcesses(1);
		byClient.put(client, mine.withProcesses(1));
		return true;
	}

	/** A child taken by {@link #takeProcess} has ended while its run goes on. */
	void giveBackProcess(String client) {
		total = total.withProcesses(-1);
		byClient.put(client, held(client).withProcesses(-1));
	}

	/**
	 * How full the server is.
	 * @param waiting runs waiting in the queue
	 * @param waitingClients the clients they belong to
	 */
	Occupancy occupancy(int waiting, Set<String> waitingClients) {
		int clients = byClient.size();
		for (String client : waitingClients) {
			clients += byClient.containsKey(client) ? 0 : 1;
		}
		Amount room = total.room();
		return new Occupancy(total.runs(), waiting, room.threads(), room.processes(), room.cores(), clients);
	}

	private Held held(String client) {
		return byClient.getOrDefault(client, Held.NOTHING);
	}

}
