package org.hcpgate.readers;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in reader as Spring Security holds it. */
public class Reader extends User {

	public static final String ROLE = "ROLE_READER";

	private final String readerId;

	private final String displayName;

	Reader(ReaderAccount account) {
		super(account.getUsername(), account.getPasswordHash(), List.of(new SimpleGrantedAuthority(ROLE)));
		this.readerId = account.getReaderId();
		this.displayName = account.getDisplayName();
	}

	/**
	 * A reader known by id and name only (no password): for callers that hold no account
	 * row.
	 */
	public Reader(String readerId, String username, String displayName) {
		super(username, "", List.of(new SimpleGrantedAuthority(ROLE)));
		this.readerId = readerId;
		this.displayName = displayName;
	}

	public String getReaderId() {
		return this.readerId;
	}

	public String getDisplayName() {
		return this.displayName;
	}

}
