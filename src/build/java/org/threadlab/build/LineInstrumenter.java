package org.threadlab.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.threadlab.run.Lines;

/**
 * Rewrites the compiled classes of scenario code (the sub-packages of {@code org.threadlab.scenario})
 * so that each thread keeps the line of scenario code it is calling from, as {@link Lines} explains:
 * before every call instruction, {@code Lines.at(<the call's source line>)}; in every method, the line
 * found on entry is put back when the method returns or throws. Then the hook reads the line of a
 * probe call in a field instead of walking the stack. Each rewritten class is stamped
 * ({@link Lines#STAMP}), which makes a second pass over it a no-op and lets the run check that nothing
 * was left out.
 * <p>
 * The source line of a call is the one the class's line table gives the call instruction, exactly
 * what a stack walk reports for a frame making that call. Inserted code adds no line entries, so stack
 * traces and the listing's lines stay as they were.
 * <p>
 * Run by Maven at {@code process-classes} (on {@code target/classes}) and {@code process-test-classes}
 * (on {@code target/test-classes}); arguments: the class folders. Uses ASM at build time only: nothing
 * of it is needed when the classes run.
 */
public final class LineInstrumenter {

	private static final String SCENARIO_PACKAGE = "org/threadlab/scenario/";

	private static final String LINES = Type.getInternalName(Lines.class);

	private LineInstrumenter() {
	}

	public static void main(String[] args) throws IOException {
		for (String folder : args) {
			Path classes = Path.of(folder);
			Path scenarios = classes.resolve(SCENARIO_PACKAGE);
			if (!Files.isDirectory(scenarios)) {
				continue;
			}
			int rewritten = 0;
			int already = 0;
			int calls = 0;
			for (Path file : classFilesOfScenarioCode(scenarios)) {
				Rewritten result = rewrite(Files.readAllBytes(file));
				if (result == null) {
					already++;
					continue;
				}
				Files.write(file, result.classFile());
				rewritten++;
				calls += result.calls();
			}
			System.out.printf("Lines of scenario code in %s: %d classes rewritten (%d calls), %d already were%n",
					folder, rewritten, calls, already);
		}
	}

	private static List<Path> classFilesOfScenarioCode(Path scenarios) throws IOException {
		try (Stream<Path> files = Files.walk(scenarios)) {
			// the package itself is the catalog's plumbing; scenario code is in its sub-packages
			return files.filter(file -> file.toString().endsWith(".class") && !file.getParent().equals(scenarios))
				.sorted()
				.toList();
		}
	}

	/** A rewritten class file and how many calls in it now say their line. */
	record Rewritten(byte[] classFile, int calls) {
	}

	/** Rewrites one class file; null if it was rewritten before. */
	static Rewritten rewrite(byte[] classFile) {
		ClassReader reader = new ClassReader(classFile);
		Map<String, Integer> maxLocals = new HashMap<>();
		boolean[] stamped = new boolean[1];
		reader.accept(new ClassVisitor(Opcodes.ASM9) {

			@Override
			public void visitAttribute(Attribute attribute) {
				stamped[0] |= Lines.STAMP.equals(attribute.type);
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				return new MethodVisitor(Opcodes.ASM9) {

					@Override
					public void visitMaxs(int maxStack, int locals) {
						maxLocals.put(name + descriptor, locals);
					}

				};
			}

		}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		if (stamped[0]) {
			return null;
		}
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		int[] calls = new int[1];
		reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {

			private String className;

			@Override
			public void visit(int version, int access, String name, String signature, String superName,
					String[] interfaces) {
				className = name;
				super.visit(version, access, name, signature, superName, interfaces);
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
				if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
					return next;
				}
				return new LineKeeper(next, className + "." + name, "<init>".equals(name),
						maxLocals.get(name + descriptor), calls);
			}

			@Override
			public void visitEnd() {
				super.visitAttribute(new Stamp()); // ClassWriter takes attributes in any order
				super.visitEnd();
			}

		}, ClassReader.EXPAND_FRAMES);
		return new Rewritten(writer.toByteArray(), calls[0]);
	}

	/**
	 * One method, rewritten as it streams by. The line found on entry is kept in a new local variable
	 * after the method's own (so each frame of the stack map gets one more local, an int) and put back
	 * before each return, and by a handler of any exception that covers the whole body and rethrows.
	 * In a constructor the handler starts after the call of the super (or this) constructor: a handler
	 * cannot cover code that runs while the object is not yet initialized.
	 */
	private static final class LineKeeper extends MethodVisitor {

		private final String method;

		private final boolean constructor;

		private final int originalLocals;

		private final int saved;

		private final int[] calls;

		private final Label bodyStart = new Label();

		private final Label handler = new Label();

		private boolean inBody;

		/** In a constructor before its super call: objects created but not yet initialized. */
		private int uninitialized;

		private int line;

		LineKeeper(MethodVisitor next, String method, boolean constructor, int originalLocals, int[] calls) {
			super(Opcodes.ASM9, next);
			this.method = method;
			this.constructor = constructor;
			this.originalLocals = originalLocals;
			this.saved = originalLocals;
			this.calls = calls;
		}

		@Override
		public void visitCode() {
			super.visitCode();
			super.visitMethodInsn(Opcodes.INVOKESTATIC, LINES, "current", "()I", false);
			super.visitVarInsn(Opcodes.ISTORE, saved);
			if (!constructor) {
				startBody();
			}
		}

		private void startBody() {
			super.visitLabel(bodyStart);
			inBody = true;
		}

		@Override
		public void visitLineNumber(int line, Label start) {
			this.line = line;
			super.visitLineNumber(line, start);
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			if (opcode == Opcodes.NEW && !inBody) {
				uninitialized++;
			}
			super.visitTypeInsn(opcode, type);
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			sayLine();
			super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
			if (!inBody && opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
				if (uninitialized > 0) {
					uninitialized--; // an object made for an argument of the super call
				}
				else {
					startBody(); // the super (or this) constructor: the object is initialized from here on
				}
			}
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrapMethodHandle,
				Object... bootstrapMethodArguments) {
			sayLine(); // a string concatenation may call toString() of anything
			super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
		}

		private void sayLine() {
			pushInt(line);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, LINES, "at", "(I)V", false);
			calls[0]++;
		}

		@Override
		public void visitInsn(int opcode) {
			if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
				putBack();
			}
			super.visitInsn(opcode);
		}

		private void putBack() {
			super.visitVarInsn(Opcodes.ILOAD, saved);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, LINES, "at", "(I)V", false);
		}

		@Override
		public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
			Object[] locals = withSaved(numLocal, local);
			super.visitFrame(type, locals.length, locals, numStack, stack);
		}

		/** The frame's locals, padded with TOP up to the method's own, then the saved line. */
		private Object[] withSaved(int numLocal, Object[] local) {
			int slots = 0;
			for (int i = 0; i < numLocal; i++) {
				slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
			}
			Object[] locals = new Object[numLocal + (originalLocals - slots) + 1];
			System.arraycopy(local, 0, locals, 0, numLocal);
			for (int i = numLocal; i < locals.length - 1; i++) {
				locals[i] = Opcodes.TOP;
			}
			locals[locals.length - 1] = Opcodes.INTEGER;
			return locals;
		}

		@Override
		public void visitMaxs(int maxStack, int maxLocals) {
			if (!inBody) {
				throw new IllegalStateException("no call of the super constructor found in " + method);
			}
			// Last in the exception table, so the method's own handlers come first.
			super.visitTryCatchBlock(bodyStart, handler, handler, null);
			super.visitLabel(handler);
			Object[] locals = withSaved(0, new Object[0]); // anything may be in the others by then
			super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] { "java/lang/Throwable" });
			putBack();
			super.visitInsn(Opcodes.ATHROW);
			super.visitMaxs(maxStack, maxLocals + 1);
		}

		private void pushInt(int value) {
			if (value >= -1 && value <= 5) {
				super.visitInsn(Opcodes.ICONST_0 + value);
			}
			else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
				super.visitIntInsn(Opcodes.BIPUSH, value);
			}
			else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
				super.visitIntInsn(Opcodes.SIPUSH, value);
			}
			else {
				super.visitLdcInsn(value);
			}
		}

	}

	/** The class-file attribute that marks a class as rewritten; the JVM ignores attributes it does not know. */
	private static final class Stamp extends Attribute {

		Stamp() {
			super(Lines.STAMP);
		}

		@Override
		protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack, int maxLocals) {
			return new ByteVector().putShort(1); // the version of the rewriting
		}

	}

}
