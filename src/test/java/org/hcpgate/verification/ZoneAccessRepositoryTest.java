package org.hcpgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hcpgate.support.PostgresRepositoryTest;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The gate's one query and the read model's deletes, on PostgreSQL. */
class ZoneAccessRepositoryTest extends PostgresRepositoryTest {

	@Autowired
	ZoneAccessRepository access;

	@Autowired
	HcpVerificationRepository verifications;

	@Autowired
	ZoneRepository zones;

	private final Instant now = Instant.now();

	private String reader;

	private String zone;

	@BeforeEach
	void zoneInItsSecondAgreementVersion() {
		this.reader = "9" + (System.nanoTime() % 1_000_000_000L);
		this.zone = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(this.zone, "专区", "协议", "正文", 2));
	}

	@Test
	void theGateOpensForTheCurrentAgreementVersionAndAValidVerification() {
		verified(this.reader, this.now.plus(30, ChronoUnit.DAYS));
		this.access.save(new ZoneAccess(this.reader, this.zone, 2));
		assertThat(this.access.isOpen(this.reader, this.zone, HcpVerification.Status.VERIFIED, this.now)).isTrue();
	}

	@Test
	void theGateStaysClosedForAnOlderAgreementAnExpiredOrARevokedVerificationOrAnotherZone() {
		this.access.save(new ZoneAccess(this.reader, this.zone, 1));
		verified(this.reader, this.now.plus(30, ChronoUnit.DAYS));
		assertThat(this.access.isOpen(this.reader, this.zone, HcpVerification.Status.VERIFIED, this.now))
			.as("granted for agreement version 1, version 2 in force")
			.isFalse();

		this.access.findByReaderIdAndZoneKey(this.reader, this.zone).orElseThrow().renew(2);
		assertThat(this.access.isOpen(this.reader, this.zone, HcpVerification.Status.VERIFIED, this.now)).isTrue();
		assertThat(this.access.isOpen(this.reader, this.zone, HcpVerification.Status.VERIFIED,
				this.now.plus(31, ChronoUnit.DAYS)))
			.as("verification expired")
			.isFalse();
		assertThat(this.access.isOpen(this.reader, "other-zone", HcpVerification.Status.VERIFIED, this.now)).isFalse();

		HcpVerification verification = this.verifications.findById(this.reader).orElseThrow();
		verification.moveTo(HcpVerification.Status.REVOKED, null);
		this.verifications.saveAndFlush(verification);
		assertThat(this.access.isOpen(this.reader, this.zone, HcpVerification.Status.VERIFIED, this.now))
			.as("verification revoked")
			.isFalse();
	}

	@Test
	void deletesTakeOneZoneOrEveryZoneOfOneReaderOnly() {
		String second = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(second, "专区二", "协议", "正文", 1));
		String otherReader = this.reader + "1";
		this.access.save(new ZoneAccess(this.reader, this.zone, 2));
		this.access.save(new ZoneAccess(this.reader, second, 1));
		this.access.save(new ZoneAccess(otherReader, this.zone, 2));

		assertThat(this.access.deleteByReaderAndZone(this.reader, this.zone)).isEqualTo(1);
		assertThat(this.access.findByReaderId(this.reader)).extracting(ZoneAccess::getZoneKey).containsExactly(second);
		assertThat(this.access.deleteByReader(this.reader)).isEqualTo(1);
		assertThat(this.access.findByReaderId(this.reader)).isEmpty();
		assertThat(this.access.findByReaderId(otherReader)).hasSize(1);
	}

	private void verified(String readerId, Instant validUntil) {
		HcpVerification verification = new HcpVerification(readerId);
		verification.moveTo(HcpVerification.Status.VERIFIED, validUntil);
		this.verifications.saveAndFlush(verification);
	}

}
