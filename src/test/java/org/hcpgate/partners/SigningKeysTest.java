package org.hcpgate.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/** Keys rotated: the first key signs, every key is published and verifies. */
class SigningKeysTest {

	private final RSAKey current = SigningKeys.newKey();

	private final RSAKey previous = SigningKeys.newKey();

	@Test
	void theFirstKeySignsAndEveryKeyIsPublished() throws Exception {
		JWKSet keys = SigningKeys.parse(new JWKSet(List.of(this.current, this.previous)).toString(false), "test");
		var source = SigningKeys.source(keys);

		List<JWK> published = source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
		assertThat(published).extracting(JWK::getKeyID)
			.containsExactly(this.current.getKeyID(), this.previous.getKeyID());

		Jwt signed = new NimbusJwtEncoder(source).encode(
				JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims("after rotation")));
		assertThat(signed.getHeaders()).containsEntry("kid", this.current.getKeyID());

		// a token the previous key signed before the rotation still verifies against the
		// set
		Jwt old = new NimbusJwtEncoder(SigningKeys.source(new JWKSet(this.previous)))
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims("before")));
		JwtDecoder server = OAuth2AuthorizationServerConfiguration.jwtDecoder(source);
		assertThat(server.decode(old.getTokenValue()).getSubject()).isEqualTo("before");
		assertThat(server.decode(signed.getTokenValue()).getSubject()).isEqualTo("after rotation");
		// and once the previous key is removed, its tokens no longer verify
		JwtDecoder afterRemoval = OAuth2AuthorizationServerConfiguration
			.jwtDecoder(SigningKeys.source(new JWKSet(this.current)));
		assertThatThrownBy(() -> afterRemoval.decode(old.getTokenValue())).isInstanceOf(JwtException.class);
	}

	@Test
	void aKeyWithoutItsPrivatePartOrIdIsRefused() {
		String publicOnly = new JWKSet(this.current.toPublicJWK()).toString(false);
		assertThatThrownBy(() -> SigningKeys.parse(publicOnly, "hcp-gate.partners.signing-keys"))
			.hasMessageContaining("RSA key pair with a key id");
		assertThatThrownBy(() -> SigningKeys.parse("not json", "hcp-gate.partners.signing-keys"))
			.hasMessageContaining("is not a JWK set");
	}

	private static JwtClaimsSet claims(String subject) {
		return JwtClaimsSet.builder().subject(subject).issuedAt(Instant.now()).build();
	}

}
