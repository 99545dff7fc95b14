package org.hcpgate.readers;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReaderAccountService implements UserDetailsService {

	private final ReaderAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	ReaderAccountService(ReaderAccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.map(Reader::new)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/** Confirms a sensitive step (deleting the account) with the reader's password. */
	@Transactional(readOnly = true)
	public boolean passwordMatches(long accountId, String rawPassword) {
		return rawPassword != null && this.accounts.findById(accountId)
			.map(account -> this.passwordEncoder.matches(rawPassword, account.getPasswordHash()))
			.orElse(false);
	}

	/**
	 * Registers a reader. The unique constraints stay the last word when two requests
	 * race past the checks in the registration page (accounts).
	 */
	@Transactional
	public ReaderAccount register(String username, String rawPassword, String displayName, String email) {
		return registerEncoded(username, this.passwordEncoder.encode(rawPassword), displayName, email);
	}

	/** Registers a reader whose password was encoded when they asked (see accounts). */
	@Transactional
	public ReaderAccount registerEncoded(String username, String passwordHash, String displayName, String email) {
		return this.accounts.saveAndFlush(new ReaderAccount(username, passwordHash, displayName, email));
	}

}
