package io.rolloutpilot.cli.sandbox;

import java.time.Duration;

/** The validated options of {@code sandbox}, in the CLI's own types so the command class needs no sandbox class. */
record ServerSettings(int port, Duration podReadyDelay) {}
