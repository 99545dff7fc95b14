package org.hcpgate.privacy;

import static org.hcpgate.support.TestReaders.signedIn;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Map;

import org.hcpgate.readers.Reader;
import org.hcpgate.security.ReaderPasswordCheck.Outcome;
import org.hcpgate.security.ReaderPasswordCheck;
import org.hcpgate.support.TestReaders;
import org.hcpgate.support.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deleting the account needs the tick and the password; only then is the reader erased.
 */
@WebSliceTest(AccountDeletionController.class)
class AccountDeletionControllerWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReaderPasswordCheck passwords;

	@MockitoBean
	FindByIndexNameSessionRepository<Session> sessions;

	@MockitoBean
	ReaderErasure erasure;

	private final Reader reader = TestReaders.reader(42);

	@BeforeEach
	void passwords() {
		given(this.passwords.confirm(any(), any(), any())).willReturn(Outcome.WRONG);
		given(this.passwords.confirm(any(), eq("right"), any())).willReturn(Outcome.CONFIRMED);
	}

	@Test
	void withoutTheTickOrWithAWrongPasswordNothingIsErased() throws Exception {
		this.mvc.perform(post("/account/delete").param("password", "right").with(signedIn(this.reader)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("error", "account.delete.not-confirmed"));
		this.mvc
			.perform(post("/account/delete").param("password", "wrong")
				.param("confirm", "true")
				.with(signedIn(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		verify(this.erasure, never()).deleteAccount(anyLong());
	}

	@Test
	void theTickAndThePasswordEraseTheReaderAndEndEverySessionOfTheAccount() throws Exception {
		given(this.sessions.findByPrincipalName(this.reader.getUsername()))
			.willReturn(Map.of("other-device", new MapSession("other-device")));
		this.mvc
			.perform(post("/account/delete").param("password", "right")
				.param("confirm", "true")
				.with(signedIn(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account/deleted"));
		verify(this.erasure).deleteAccount(42L);
		verify(this.sessions).deleteById("other-device");
	}

	@Test
	void afterTooManyWrongPasswordsEvenTheRightOneWaits() throws Exception {
		given(this.passwords.confirm(any(), any(), any())).willReturn(Outcome.WAIT);
		this.mvc
			.perform(post("/account/delete").param("password", "right")
				.param("confirm", "true")
				.with(signedIn(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("error", "account.delete.wait"));
		verify(this.erasure, never()).deleteAccount(anyLong());
	}

}
