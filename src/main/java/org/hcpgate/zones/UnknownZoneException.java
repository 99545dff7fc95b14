package org.hcpgate.zones;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownZoneException extends RuntimeException {

	public UnknownZoneException(String zoneKey) {
		super("No zone " + zoneKey);
	}

}
