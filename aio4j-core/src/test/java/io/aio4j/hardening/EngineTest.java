package io.aio4j.hardening;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test run once per {@link EngineCase#all() engine configuration}; the method takes the
 * {@link EngineCase} and starts with {@link EngineCase#assumeAvailable()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("io.aio4j.hardening.EngineCase#all")
@interface EngineTest {
}
