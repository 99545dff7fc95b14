package org.hcpgate.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcpgate.consent.Consent.Choice;
import org.hcpgate.consent.Consent.Document;
import org.hcpgate.support.PostgresRepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

/** The consent ledger's queries, on PostgreSQL. */
class ConsentRepositoryTest extends PostgresRepositoryTest {

	@Autowired
	ConsentRepository consents;

	@Autowired
	TestEntityManager entities;

	private final String reader = "8" + (System.nanoTime() % 1_000_000_000L);

	@Test
	void theLatestDecisionOnADocumentComesFirstTheNewestRowWinningATie() {
		this.consents.save(decision(Document.AGREEMENT, Choice.AGREED));
		this.consents.save(decision(Document.INFORMED_CONSENT, Choice.REFUSED));
		Consent withdrawn = this.consents.save(decision(Document.AGREEMENT, Choice.WITHDRAWN));
		this.consents.flush();

		assertThat(this.consents.findFirstByReaderIdAndZoneKeyAndDocumentOrderByDecidedAtDescIdDesc(this.reader, "zone",
				Document.AGREEMENT))
			.map(Consent::getId)
			.contains(withdrawn.getId());
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader)).extracting(Consent::getChoice)
			.containsExactly(Choice.WITHDRAWN, Choice.REFUSED, Choice.AGREED);
	}

	@Test
	void forgettingClientAddressesKeepsEveryDecisionOfTheReaderAndTouchesNoOneElse() {
		this.consents.save(decision(Document.AGREEMENT, Choice.AGREED));
		this.consents.save(decision(Document.INFORMED_CONSENT, Choice.AGREED));
		Consent someoneElse = this.consents
			.save(new Consent(this.reader + "1", "zone", Document.AGREEMENT, 1, Choice.AGREED, "10.0.0.9", null, null));
		this.consents.flush();

		assertThat(this.consents.forgetClientAddresses(this.reader)).isEqualTo(2);
		this.entities.clear();
		assertThat(this.consents.findByReaderIdOrderByDecidedAtDescIdDesc(this.reader)).hasSize(2)
			.allSatisfy(consent -> assertThat(consent.getClientAddress()).isNull());
		assertThat(this.consents.findById(someoneElse.getId()).orElseThrow().getClientAddress()).isEqualTo("10.0.0.9");
	}

	private Consent decision(Document document, Choice choice) {
		return new Consent(this.reader, "zone", document, 1, choice, "192.0.2.1", null, null);
	}

}
