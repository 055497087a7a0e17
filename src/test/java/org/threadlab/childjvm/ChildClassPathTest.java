package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** A child JVM gets ThreadLab's classes and nothing else: no Spring can load in a child. */
class ChildClassPathTest {

	@Test
	void theChildsJarHoldsThreadLabsClassesOnly() throws Exception {
		ChildClassPath classPath = ChildClassPath.make(null); // where ChildMain came from: the classes folder
		try (JarFile jar = new JarFile(classPath.jar().toFile())) {
			List<String> names = jar.stream().map(JarEntry::getName).toList();
			assertThat(names).contains("org/threadlab/childjvm/ChildMain.class", "org/threadlab/multiprocessing/PyProcess.class");
			assertThat(names).allMatch(name -> name.startsWith("org/threadlab/") && name.endsWith(".class"));
		}
	}

	@Test
	void theSameClassesMakeTheSameJarOnce() {
		assertThat(ChildClassPath.make(null).jar()).isEqualTo(ChildClassPath.make(null).jar());
	}

	@Test
	void onlyThisUserMayWriteWhereChildrenLoadCodeFrom() throws Exception {
		var dir = ChildClassPath.cacheDir();
		if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(Files.getPosixFilePermissions(dir)).doesNotContain(PosixFilePermission.GROUP_WRITE,
					PosixFilePermission.OTHERS_WRITE);
		}
	}

}
