package org.hcpgate.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hcpgate.support.PostgresRepositoryTest;
import org.hcpgate.zones.Zone;
import org.hcpgate.zones.ZoneQuestion;
import org.hcpgate.zones.ZoneQuestionRepository;
import org.hcpgate.zones.ZoneRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader's answer sets, on PostgreSQL. */
class AnswerSetRepositoryTest extends PostgresRepositoryTest {

	@Autowired
	AnswerSetRepository answerSets;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ZoneQuestionRepository questions;

	private final String reader = "7" + (System.nanoTime() % 1_000_000_000L);

	private String zone;

	private ZoneQuestion question;

	@BeforeEach
	void zoneWithAQuestion() {
		this.zone = "z" + UUID.randomUUID().toString().substring(0, 8);
		this.zones.save(new Zone(this.zone, "专区", "协议", "正文", 1));
		this.question = this.questions.save(new ZoneQuestion(this.zone, 1, "您的执业类别?", true));
	}

	@Test
	void theLatestSetOfAZoneComesWithItsAnswersAndOtherZonesStayApart() {
		AnswerSet first = answers(this.zone, "第一次");
		AnswerSet second = answers(this.zone, "第二次");
		answers("zone-elsewhere", "别的专区");
		this.answerSets.flush();

		AnswerSet latest = this.answerSets
			.findFirstByReaderIdAndZoneKeyOrderBySubmittedAtDescIdDesc(this.reader, this.zone)
			.orElseThrow();
		assertThat(latest.getId()).isEqualTo(second.getId()).isNotEqualTo(first.getId());
		assertThat(latest.getAnswers()).extracting(Answer::getText).containsExactly("第二次");
		assertThat(this.answerSets.findByReaderIdAndZoneKey(this.reader, this.zone)).hasSize(2);
		assertThat(this.answerSets.findByReaderId(this.reader)).hasSize(3);
		assertThat(this.answerSets.findByReaderId(this.reader + "1")).isEmpty();
	}

	private AnswerSet answers(String zoneKey, String text) {
		AnswerSet set = new AnswerSet(this.reader, zoneKey, "journey-" + zoneKey);
		set.add(this.question.getId(), text);
		return this.answerSets.save(set);
	}

}
