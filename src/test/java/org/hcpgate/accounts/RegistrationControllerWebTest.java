package org.hcpgate.accounts;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.hamcrest.Matchers;
import org.hcpgate.readers.ReaderAccountRepository;
import org.hcpgate.readers.ReaderAccountService;
import org.hcpgate.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Registration's rhythm: errors re-show the form with the input kept, success redirects.
 */
@WebSliceTest(RegistrationController.class)
class RegistrationControllerWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReaderAccountService accountService;

	@MockitoBean
	ReaderAccountRepository accounts;

	@Test
	void aTakenUserNameAndAWeakPasswordComeBackTranslatedWithTheInputKept() throws Exception {
		given(this.accounts.existsByUsername("wang")).willReturn(true);
		register("wang", "wang@example.org", "wang").andExpect(status().isOk())
			.andExpect(view().name(RegistrationController.VIEW_REGISTER))
			.andExpect(model().attributeHasFieldErrors("registration", "username", "password"))
			.andExpect(content().string(Matchers.containsString("value=\"wang@example.org\"")))
			.andExpect(content().string(Matchers.containsString("value=\"王医生\"")));
		verify(this.accountService, never()).register(anyString(), anyString(), anyString(), anyString());
	}

	/** BCrypt reads 72 bytes: a longer password is a message on the form, never a 500. */
	@Test
	void aPasswordOverBcryptsSeventyTwoBytesComesBackWithAMessage() throws Exception {
		String longPassword = "心血管内科主任医师北京协和医院重症医学科心血管内科主任医师北京协和";
		register("zhao-yisheng", "zhao@example.org", longPassword).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("registration", "password", "register.password.too-long"))
			.andExpect(content().string(Matchers.containsString("最多 72 个字节")));
		verify(this.accountService, never()).register(anyString(), anyString(), anyString(), anyString());
	}

	@Test
	void aGoodRegistrationCreatesTheAccountAndRedirectsToSignIn() throws Exception {
		register("li-yaoshi", "li@example.org", "a-good-password").andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("message", "register.done"));
		verify(this.accountService).register("li-yaoshi", "a-good-password", "王医生", "li@example.org");
	}

	private ResultActions register(String username, String email, String password) throws Exception {
		return this.mvc.perform(post("/register").param("username", username)
			.param("displayName", "王医生")
			.param("email", email)
			.param("password", password)
			.with(user("visitor"))
			.with(csrf()));
	}

}
