package org.opensoc.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensoc.ThreatAnalysis;

/**
 * A native executable keeps no reflection metadata it was not told about, and the record is written to
 * JSON outside REST resources too (batch streams, exports, the CLI), where Quarkus registers nothing by
 * itself: every record the answer is made of must carry {@link RegisterForReflection}.
 */
class NativeReflectionTest {

    @Test
    void everyRecordInTheAnswerIsRegisteredForReflection() {
        List<String> unregistered = recordsReachableFrom(ThreatAnalysis.class).stream()
                .filter(type -> !type.isAnnotationPresent(RegisterForReflection.class))
                .map(Class::getName)
                .toList();
        assertEquals(List.of(), unregistered);
    }

    private static Set<Class<?>> recordsReachableFrom(Class<?> root) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> candidate && candidate.isRecord() && seen.add(candidate)) {
                for (RecordComponent component : candidate.getRecordComponents()) {
                    pending.push(component.getGenericType());
                }
            }
        }
        return seen;
    }
}
