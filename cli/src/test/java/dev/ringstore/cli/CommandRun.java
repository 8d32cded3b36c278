package dev.ringstore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code ringstore} command in-process and captures what it printed. */
record CommandRun(int exitCode, String out, String err) {
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ringstore.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }
}
