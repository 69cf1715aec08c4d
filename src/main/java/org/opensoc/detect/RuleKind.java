package org.opensoc.detect;

/** How a rule decides: patterns over decoded fields, a Windows event id, or a count over the entry's lines. */
public enum RuleKind {
    PATTERN,
    EVENT,
    AGGREGATE
}
