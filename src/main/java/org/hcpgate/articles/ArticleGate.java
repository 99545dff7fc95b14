package org.hcpgate.articles;

import java.util.Optional;

import org.hcpgate.readers.Reader;
import org.hcpgate.verification.ZoneAccessService;
import org.hcpgate.zones.Zone;
import org.springframework.stereotype.Component;

/**
 * Who may read an article in full, and so see and write its comments: anyone for an open
 * article (writing needs a signed-in reader), only readers the zone let in for a gated
 * one. One indexed read of the zone-access read model.
 */
@Component
class ArticleGate {

	private final ZoneAccessService zoneAccess;

	ArticleGate(ZoneAccessService zoneAccess) {
		this.zoneAccess = zoneAccess;
	}

	boolean mayRead(Reader reader, Article article) {
		return !article.isGated()
				|| (reader != null && this.zoneAccess.isGranted(reader.getReaderId(), article.getZoneKey()));
	}

	/**
	 * A verified reader whose profession the zone does not admit: the profession they
	 * hold (empty string when not known). Asked only after {@link #mayRead} said no.
	 */
	Optional<String> professionNotAdmitted(Reader reader, Zone zone) {
		return (reader == null) ? Optional.empty() : this.zoneAccess.professionNotAdmitted(reader.getReaderId(), zone);
	}

	boolean mayComment(Reader reader, Article article) {
		return reader != null && mayRead(reader, article);
	}

}
