package io.rolloutpilot.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rolloutpilot.core.kube.ClusterException;
import io.rolloutpilot.core.validation.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes and {@code error: <message>} lines on stderr.
 * Engine messages never carry credential values, so they are printed as they are.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + ex.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("error: " + describe(ex));
    err.flush();
    return exitCode(ex);
  }

  /** Bad input is the user's to fix (2); everything else that stops a command is the environment's (3). */
  public static int exitCode(Throwable ex) {
    if (ex instanceof InvalidInputException || ex instanceof ParameterException) {
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.ENVIRONMENT;
  }

  static String describe(Throwable ex) {
    if (ex instanceof InvalidInputException || ex instanceof ClusterException) {
      return ex.getMessage();
    }
    if (ex instanceof KubernetesClientException k) {
      // Only reached if the engine let a raw client failure through; fabric8 messages hold no secrets.
      return "the Kubernetes API request failed (" + k.getCode() + "): " + k.getMessage();
    }
    if (ex instanceof InterruptedException) {
      return "interrupted";
    }
    return "unexpected " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
  }
}
