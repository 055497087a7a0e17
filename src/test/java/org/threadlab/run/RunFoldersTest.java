package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A starting server removes the folders of servers that are gone (their lock free, or never taken by a
 * process no longer alive) and keeps those of live ones (their lock held) and of ones starting now.
 */
class RunFoldersTest {

	@TempDir
	Path root;

	private String before;

	@BeforeEach
	void useRoot() {
		before = System.getProperty(RunFolders.ROOT_PROPERTY);
		System.setProperty(RunFolders.ROOT_PROPERTY, root.toString());
	}

	@AfterEach
	void restoreRoot() {
		if (before == null) {
			System.clearProperty(RunFolders.ROOT_PROPERTY);
		}
		else {
			System.setProperty(RunFolders.ROOT_PROPERTY, before);
		}
	}

	@Test
	void theSweepRemovesDeadServersFoldersAndKeepsLiveOnes() throws Exception {
		Path dead = folder("2147483646-1", true);
		Files.createDirectories(dead.resolve("r7")).resolve("fifo").toFile().createNewFile();
		Path deadUnlocked = folder("2147483645-1", false);
		Path starting = folder(ProcessHandle.current().pid() + "-9", false);
		Path live = folder("2147483644-1", true);
		try (FileChannel channel = FileChannel.open(live.resolve(RunFolders.LOCK_FILE), StandardOpenOption.WRITE);
				FileLock held = channel.lock()) {
			assertThat(RunFolders.sweep()).isEqualTo(2);
			assertThat(dead).doesNotExist();
			assertThat(deadUnlocked).doesNotExist();
			assertThat(starting).exists();
			assertThat(live.resolve(RunFolders.LOCK_FILE)).exists();
		}
	}

	private Path folder(String name, boolean withLock) throws Exception {
		Path folder = Files.createDirectory(root.resolve(name));
		if (withLock) {
			Files.createFile(folder.resolve(RunFolders.LOCK_FILE));
		}
		return folder;
	}

}
