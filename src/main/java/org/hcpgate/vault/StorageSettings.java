package org.hcpgate.vault;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hcp-gate.storage.*}: where documents are kept and what one reader may upload.
 * The names say "photo" because the licence photo came first; they count every document a
 * reader uploads, and operators' configuration keeps working.
 *
 * @param kind where the encrypted content is kept: the database (every node sees it) or a
 * directory every node shares
 * @param directory the shared directory of {@code kind=directory}
 * @param pendingLifetime how long a document no submission took is kept (a form that came
 * back with errors)
 * @param maxPhotoSize the largest document accepted
 * @param dailyPhotos documents one reader may upload in 24 hours
 * @param dailyBytes bytes one reader may upload in 24 hours
 */
@ConfigurationProperties("hcp-gate.storage")
public record StorageSettings(@DefaultValue("database") DocumentStore.Kind kind,
		@DefaultValue("./data/uploads") Path directory, @DefaultValue("PT2H") Duration pendingLifetime,
		@DefaultValue("5MB") DataSize maxPhotoSize, @DefaultValue("20") int dailyPhotos,
		@DefaultValue("50MB") DataSize dailyBytes) {
}
