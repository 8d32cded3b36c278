package dev.ringstore.bench.compare;

import java.util.List;

/**
 * Everything one comparison measured, as {@code results.json} holds it: the context and every run
 * in the order they ran. Read it back with {@link CompareReport#read} to redraw plots or tables.
 */
public record ComparisonResults(RunContext context, List<RunResult> runs) {}
