package dev.squeezepipe.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * An unpickler that knows only what a CIFAR-10 python batch may contain: builtin values, numpy arrays and
 * dtypes. Any other class named in the pickle is refused by name before anything is built; nothing in the
 * pickle is ever executed. Python 2 byte strings of pixel data stay bytes instead of becoming text, and no length
 * the pickle declares is believed past the pickle's own size.
 */
final class CifarUnpickler extends Unpickler {

    private final int maxLength;

    /** An unpickler for a pickle of {@code maxLength} bytes. */
    CifarUnpickler(int maxLength) {
        this.maxLength = maxLength;
    }

    private static final IObjectConstructor RECONSTRUCT = args -> new NumpyArray();
    private static final IObjectConstructor NDARRAY = args -> NumpyArray.class;
    private static final IObjectConstructor DTYPE = args -> new NumpyArray.NumpyDtype(String.valueOf(args[0]));
    private static final IObjectConstructor CODECS_ENCODE = args -> String.valueOf(args[0])
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final Map<String, IObjectConstructor> ALLOWED = Map.of(
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.ndarray", NDARRAY,
            "numpy.dtype", DTYPE,
            "_codecs.encode", CODECS_ENCODE);

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL:
            case Opcodes.INST:
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                if (key == Opcodes.INST) {
                    throw refused(module, name);
                }
                stack.add(allowed(module, name));
                return NO_RETURN_VALUE;
            case Opcodes.STACK_GLOBAL:
                String globalName = String.valueOf(stack.pop());
                stack.add(allowed(String.valueOf(stack.pop()), globalName));
                return NO_RETURN_VALUE;
            case Opcodes.BUILD:
                build(stack.pop(), stack.peek());
                return NO_RETURN_VALUE;
            case Opcodes.BINSTRING:
            case Opcodes.BINBYTES:
                stack.add(PickleUtils.readbytes(input, length(PickleUtils.bytes_to_integer(
                        PickleUtils.readbytes(input, 4)))));
                return NO_RETURN_VALUE;
            case Opcodes.BINBYTES8:
            case Opcodes.BYTEARRAY8:
                stack.add(PickleUtils.readbytes(input, length(PickleUtils.bytes_to_long(
                        PickleUtils.readbytes(input, 8), 0))));
                return NO_RETURN_VALUE;
            case Opcodes.BINUNICODE:
                stack.add(new String(PickleUtils.readbytes(input, length(PickleUtils.bytes_to_integer(
                        PickleUtils.readbytes(input, 4)))), StandardCharsets.UTF_8));
                return NO_RETURN_VALUE;
            case Opcodes.BINUNICODE8:
                stack.add(new String(PickleUtils.readbytes(input, length(PickleUtils.bytes_to_long(
                        PickleUtils.readbytes(input, 8), 0))), StandardCharsets.UTF_8));
                return NO_RETURN_VALUE;
            default:
                return super.dispatch(key);
        }
    }

    /**
     * A declared length, checked before anything is allocated for it: no string in the pickle can be longer than
     * the pickle itself, and none is negative.
     */
    private int length(long declared) {
        if (declared < 0) {
            throw new PickleException("a string declares " + declared + " bytes: the pickle is corrupt");
        }
        if (declared > maxLength) {
            throw new PickleException("a string declares " + declared + " bytes, more than the whole pickle's "
                    + maxLength + ": the pickle is truncated or corrupt");
        }
        return (int) declared;
    }

    private static IObjectConstructor allowed(String module, String name) {
        IObjectConstructor constructor = ALLOWED.get(module + "." + name);
        if (constructor == null) {
            throw refused(module, name);
        }
        return constructor;
    }

    private static PickleException refused(String module, String name) {
        return new PickleException("unknown pickle content: class " + module + "." + name
                + " is not part of a CIFAR-10 batch");
    }

    private static void build(Object state, Object target) {
        if (target instanceof NumpyArray array) {
            array.setState(state);
        } else if (target instanceof NumpyArray.NumpyDtype dtype) {
            dtype.setState(state);
        } else {
            throw new PickleException("unknown pickle content: cannot set the state of "
                    + (target == null ? "None" : target.getClass().getSimpleName()));
        }
    }
}
