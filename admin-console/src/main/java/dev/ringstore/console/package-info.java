/**
 * The admin console: a JSON admin API over the cluster (the config service, each node's own report,
 * the Java client) and the web pages that read it (docs/console.md).
 */
package dev.ringstore.console;
