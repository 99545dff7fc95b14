package org.hcpgate.articles;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article as an editor or the CMS writes it. {@code publishedAt} null leaves it
 * unpublished; a time in the future schedules it.
 */
public record ArticleEdit(String zoneKey, boolean gated, String title, String author, String tag, LocalDate publishedOn,
		String teaser, ArticleBody.Format bodyFormat, String body, Instant publishedAt) {

}
