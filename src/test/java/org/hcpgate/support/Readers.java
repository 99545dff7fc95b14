package org.hcpgate.support;

import java.util.UUID;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountService;
import org.springframework.stereotype.Component;

/** Fresh readers for tests that share one database: every call registers a new one. */
@Component
public class Readers {

	private final ReaderAccountService accounts;

	Readers(ReaderAccountService accounts) {
		this.accounts = accounts;
	}

	public Reader newReader() {
		String username = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.accounts.register(username, "secret-password", "测试读者", username + "@example.org");
		return (Reader) this.accounts.loadUserByUsername(username);
	}

}
