package org.hcpgate.privacy;

import static org.hcpgate.support.TestReaders.signedIn;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.hcpgate.readers.Reader;
import org.hcpgate.readers.ReaderAccountService;
import org.hcpgate.support.TestReaders;
import org.hcpgate.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
	ReaderAccountService accounts;

	@MockitoBean
	ReaderErasure erasure;

	private final Reader reader = TestReaders.reader(42);

	@Test
	void withoutTheTickOrWithAWrongPasswordNothingIsErased() throws Exception {
		given(this.accounts.passwordMatches(42L, "right")).willReturn(true);
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
	void theTickAndThePasswordEraseTheReaderAndSignThemOut() throws Exception {
		given(this.accounts.passwordMatches(42L, "right")).willReturn(true);
		this.mvc
			.perform(post("/account/delete").param("password", "right")
				.param("confirm", "true")
				.with(signedIn(this.reader))
				.with(csrf()))
			.andExpect(redirectedUrl("/account/deleted"));
		verify(this.erasure).deleteAccount(42L);
	}

}
