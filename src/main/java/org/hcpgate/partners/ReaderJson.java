package org.hcpgate.partners;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * How a signed-in {@link org.hcpgate.readers.Reader} is kept in an authorization (the
 * authorization server stores the principal as JSON, and reads only classes it was told
 * about): id, user name and display name, never the password hash.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
		isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
// not User's deserializer (Reader inherits its mix-in): Reader's own constructor below
@JsonDeserialize
abstract class ReaderJson {

	@JsonCreator
	ReaderJson(@JsonProperty("readerId") String readerId, @JsonProperty("username") String username,
			@JsonProperty("displayName") String displayName) {
	}

	@JsonProperty("readerId")
	abstract String getReaderId();

	@JsonProperty("username")
	abstract String getUsername();

	@JsonProperty("displayName")
	abstract String getDisplayName();

}
