package org.hcpgate.partners;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partner as an administrator registers it, on the staff page or over REST. The client
 * id is fixed once created; the secret is never part of it (generated, shown once).
 */
public class PartnerForm {

	@NotBlank
	@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{partners.client-id.pattern}")
	private String clientId;

	@NotBlank
	@Size(max = 200)
	private String name;

	/** One absolute URI per line on the page; a list over REST. */
	private List<String> redirectUris = new ArrayList<>();

	private Set<String> scopes = new LinkedHashSet<>(Set.of("openid", "hcp"));

	private Set<String> zoneKeys = new LinkedHashSet<>();

	private boolean needsVerifiedHcp = true;

	private String journeyZoneKey;

	private boolean active = true;

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = (clientId != null) ? clientId.strip() : null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<String> getRedirectUris() {
		return this.redirectUris;
	}

	public void setRedirectUris(List<String> redirectUris) {
		this.redirectUris = (redirectUris != null) ? present(redirectUris).toList() : new ArrayList<>();
	}

	/** The page's text area: one URI per line. */
	public String getRedirectUriLines() {
		return String.join("\n", this.redirectUris);
	}

	public void setRedirectUriLines(String lines) {
		this.redirectUris = (lines == null) ? new ArrayList<>()
				: lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	public Set<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(Set<String> scopes) {
		this.scopes = (scopes != null) ? present(scopes).collect(Collectors.toCollection(LinkedHashSet::new))
				: new LinkedHashSet<>();
	}

	public Set<String> getZoneKeys() {
		return this.zoneKeys;
	}

	public void setZoneKeys(Set<String> zoneKeys) {
		this.zoneKeys = (zoneKeys != null) ? present(zoneKeys).collect(Collectors.toCollection(LinkedHashSet::new))
				: new LinkedHashSet<>();
	}

	public boolean isNeedsVerifiedHcp() {
		return this.needsVerifiedHcp;
	}

	public void setNeedsVerifiedHcp(boolean needsVerifiedHcp) {
		this.needsVerifiedHcp = needsVerifiedHcp;
	}

	public String getJourneyZoneKey() {
		return this.journeyZoneKey;
	}

	public void setJourneyZoneKey(String journeyZoneKey) {
		this.journeyZoneKey = (journeyZoneKey == null || journeyZoneKey.isBlank()) ? null : journeyZoneKey;
	}

	/** A list sent over REST may hold nulls or blanks: they are no entries. */
	private static Stream<String> present(Collection<String> values) {
		return values.stream().filter(Objects::nonNull).map(String::strip).filter(value -> !value.isEmpty());
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
