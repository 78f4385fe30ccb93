package dev.oauthplatform.cli.store;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command about the stored sign-ins that --issuer and --client-id select ({@code token},
 * {@code curl}, {@code logout}): those options, the token store of this environment, and the
 * command line to print on.
 */
public abstract class StoredLoginCommand implements Callable<Integer> {

	@Mixin
	private Selection selection;

	@Spec
	private CommandSpec spec;

	@Override
	public final Integer call() {
		return run(TokenStore.fromEnvironment(), this.selection, this.spec.commandLine());
	}

	/** Returns the exit code. */
	protected abstract int run(TokenStore store, Selection selection, CommandLine commandLine);

}
