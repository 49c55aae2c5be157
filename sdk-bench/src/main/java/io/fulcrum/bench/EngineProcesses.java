package io.fulcrum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plain {@code main} once per engine, each in a fresh JVM, as JMH runs each parameter in
 * its own fork: the JIT then profiles one engine's code only, and one engine's garbage or heap
 * layout cannot bend another's numbers. The child gets this JVM's options and class path, and
 * prints straight to this process's output.
 */
final class EngineProcesses {
    /** The argument a child receives to run one engine in-process. */
    static final String ENGINE_OPTION = "--engine";

    private EngineProcesses() {}

    /**
     * Runs {@code main} with {@code args} plus {@code --engine <name>} for each engine in turn.
     *
     * @throws IllegalStateException if a child fails
     */
    static void runEach(Class<?> main, List<String> engines, String[] args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String engine : engines) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(main.getName());
            command.addAll(List.of(args));
            command.add(ENGINE_OPTION);
            command.add(engine);
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(main.getSimpleName() + " for " + engine + " exited with " + exit);
            }
        }
    }

    /** The value after {@code option} in {@code args}, or {@code fallback}. */
    static String option(String[] args, String option, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(option)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** {@link #option} as a positive int. */
    static int intOption(String[] args, String option, int fallback) {
        int value = Integer.parseInt(option(args, option, Integer.toString(fallback)));
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be positive: " + value);
        }
        return value;
    }

    /** The flow named by {@code --flow}: {@code synthetic} (the default) or {@code binance}. */
    static OrderFlow flow(String[] args) {
        String name = option(args, "--flow", "synthetic");
        return switch (name) {
            case "synthetic" -> SyntheticFlow.load();
            case "binance" -> BinanceFlow.load().flow();
            default -> throw new IllegalArgumentException("--flow is synthetic or binance, not " + name);
        };
    }
}
