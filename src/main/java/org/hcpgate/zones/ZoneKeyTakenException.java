package org.hcpgate.zones;

/** A zone's key is its address: a second zone cannot have it. */
public class ZoneKeyTakenException extends RuntimeException {

	public ZoneKeyTakenException(String zoneKey) {
		super("A zone with key " + zoneKey + " exists");
	}

}
