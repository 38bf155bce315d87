package io.dt4j.core.plugins;

/** An extension object and where it came from, before duplicate checks. */
record ExtensionCandidate(Object instance, ExtensionSource source) {}
