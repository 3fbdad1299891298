package io.rolloutpilot.cli.common;

import io.rolloutpilot.core.error.Redaction;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.error.ServerReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes and {@code error: <message>} lines on stderr: the
 * field at fault in the command line's words, the engine's hint in ours, the exit code from the
 * error's kind. With {@code --stacktrace}, the whole chain of causes follows, redacted like the rest.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  public static final String STACKTRACE_OPTION = "--stacktrace";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + Redaction.redact(ex.getMessage()));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    report(ex, err);
    if (stacktraceAsked(parseResult)) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      err.print(Redaction.redact(trace.toString()));
    }
    err.flush();
    return exitCode(ex);
  }

  /** Prints {@code error: ...} and, when the engine has one, {@code hint: ...}. */
  public static void report(Throwable ex, PrintWriter err) {
    err.println("error: " + describe(ex));
    if (ex instanceof RolloutPilotException engine) {
      engine.hint().ifPresent(hint -> err.println("hint: " + HintText.of(hint)));
    }
  }

  public static int exitCode(Throwable ex) {
    if (ex instanceof RolloutPilotException engine) {
      return ExitCodes.of(engine.kind());
    }
    if (ex instanceof ParameterException) {
      return ExitCodes.BAD_INPUT;
    }
    if (ex instanceof InterruptedException) {
      return ExitCodes.INTERRUPTED;
    }
    return ExitCodes.INTERNAL;
  }

  static String describe(Throwable ex) {
    if (ex instanceof RolloutPilotException engine) {
      String subject = OptionNames.of(engine.subject());
      String code = engine.reply().map(ServerReply::code).orElse(null);
      String problem = code == null || engine.problem().contains(code) ? engine.problem()
          : engine.problem() + " [" + code + "]";
      return subject == null ? problem : subject + ": " + problem;
    }
    if (ex instanceof InterruptedException) {
      return "interrupted";
    }
    return Redaction.redact("internal error (" + ex.getClass().getName() + (ex.getMessage() == null ? ""
        : ": " + ex.getMessage()) + "); run again with " + STACKTRACE_OPTION + " and report it");
  }

  private static boolean stacktraceAsked(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(STACKTRACE_OPTION)) {
        return true;
      }
    }
    return false;
  }
}
