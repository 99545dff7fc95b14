package org.hcpgate.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hcpgate.support.PostgresRepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reader accounts: look-ups, and the row lock that serialises one reader's steps, on
 * PostgreSQL.
 */
class ReaderAccountRepositoryTest extends PostgresRepositoryTest {

	@Autowired
	ReaderAccountRepository accounts;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void accountsAreFoundByUserNameAndEMail() {
		String name = "r" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.saveAndFlush(new ReaderAccount(name, "{noop}x", "读者", name + "@example.org"));
		assertThat(this.accounts.findByUsername(name)).map(ReaderAccount::getEmail).contains(name + "@example.org");
		assertThat(this.accounts.existsByUsername(name)).isTrue();
		assertThat(this.accounts.existsByEmail(name + "@example.org")).isTrue();
		assertThat(this.accounts.existsByEmail("nobody-" + name + "@example.org")).isFalse();
	}

	/**
	 * Two requests of one reader (two tabs, two nodes): the second waits for the first's
	 * commit.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void lockByIdMakesASecondTransactionWaitUntilTheFirstCommits() throws Exception {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		String name = "r" + UUID.randomUUID().toString().substring(0, 8);
		long id = tx
			.execute(s -> this.accounts.save(new ReaderAccount(name, "{noop}x", "读者", name + "@example.org")).getId());
		try {
			CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
			AtomicLong firstCommitted = new AtomicLong();
			AtomicLong secondLocked = new AtomicLong();
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
				this.accounts.lockById(id).orElseThrow();
				firstHoldsTheLock.countDown();
				sleep(700);
				firstCommitted.set(System.nanoTime());
			}));
			assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
				this.accounts.lockById(id).orElseThrow();
				secondLocked.set(System.nanoTime());
			}));
			CompletableFuture.allOf(first, second).get(20, TimeUnit.SECONDS);
			assertThat(secondLocked.get()).isGreaterThan(firstCommitted.get());
		}
		finally {
			tx.executeWithoutResult(s -> this.accounts.deleteById(id));
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
