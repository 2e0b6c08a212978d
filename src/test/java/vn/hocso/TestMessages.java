package vn.hocso;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A message bundle for plain JUnit tests (no Quarkus): each message is its key and arguments. */
public final class TestMessages {

    private TestMessages() {}

    public static <T> T of(Class<T> bundle) {
        return bundle.cast(Proxy.newProxyInstance(
                bundle.getClassLoader(), new Class<?>[] {bundle}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> bundle.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default ->
                        method.getName()
                                + (args == null
                                        ? ""
                                        : Arrays.stream(args)
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(",", "(", ")")));
                }));
    }
}
