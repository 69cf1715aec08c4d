package org.opensoc.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a fabric8 model object did not recognise. fabric8 keeps any field it does not know in
 * {@code additionalProperties} instead of failing, so a misspelt or misplaced manifest field would parse
 * silently; walking the object graph and collecting those maps makes the typo visible.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** The paths of every unrecognised field under {@code model}, such as {@code spec.template.spec.containers[0]: [imagePolicy]}. */
    static List<String> in(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found);
            }
        } else if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> walk(value, path + "." + key, found));
        } else if (node != null && node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : node.getClass().getMethods()) {
                if (isProperty(getter)) {
                    Object value = read(getter, node);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            found.add((path.isEmpty() ? "(root)" : path.substring(1)) + ": " + extra.keySet());
                        }
                    } else {
                        walk(value, path + "." + property(getter), found);
                    }
                }
            }
        }
    }

    private static boolean isProperty(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get")
                && method.getName().length() > 3
                && method.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                && !method.getDeclaringClass().isInterface();
    }

    private static Object read(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + getter + " of " + node.getClass().getName(), e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
