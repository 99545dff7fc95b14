package org.hcpgate.accounts;

import static org.mockito.ArgumentMatchers.any;
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
import org.hcpgate.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Registration's rhythm: errors re-show the form with the input kept; a well-formed
 * registration goes to "check your e-mail" (or, without a mail server, to sign-in).
 */
@WebSliceTest(RegistrationController.class)
class RegistrationControllerWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RegistrationService registrations;

	@Test
	void aWeakPasswordComesBackTranslatedWithTheInputKept() throws Exception {
		register("wang", "wang@example.org", "wang").andExpect(status().isOk())
			.andExpect(view().name(RegistrationController.VIEW_REGISTER))
			.andExpect(model().attributeHasFieldErrors("registration", "password"))
			.andExpect(content().string(Matchers.containsString("value=\"wang@example.org\"")))
			.andExpect(content().string(Matchers.containsString("value=\"王医生\"")));
		verify(this.registrations, never()).register(any(), any());
	}

	/** BCrypt reads 72 bytes: a longer password is a message on the form, never a 500. */
	@Test
	void aPasswordOverBcryptsSeventyTwoBytesComesBackWithAMessage() throws Exception {
		String longPassword = "心血管内科主任医师北京协和医院重症医学科心血管内科主任医师北京协和";
		register("zhao-yisheng", "zhao@example.org", longPassword).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("registration", "password", "register.password.too-long"))
			.andExpect(content().string(Matchers.containsString("最多 72 个字节")));
		verify(this.registrations, never()).register(any(), any());
	}

	@Test
	void aWellFormedRegistrationSaysCheckYourEmail() throws Exception {
		given(this.registrations.register(any(), any())).willReturn(RegistrationService.Outcome.CHECK_EMAIL);
		register("li-yaoshi", "li@example.org", "a-good-password").andExpect(redirectedUrl("/register/check-email"))
			.andExpect(flash().attribute("email", "li@example.org"));
	}

	@Test
	void withoutAMailServerTheAccountIsThereAtOnceAndWhatIsTakenIsNamed() throws Exception {
		given(this.registrations.register(any(), any())).willReturn(RegistrationService.Outcome.REGISTERED);
		register("li-yaoshi", "li@example.org", "a-good-password").andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("message", "register.done"));
		given(this.registrations.register(any(), any())).willThrow(new RegistrationService.TakenException(true, false));
		register("li-yaoshi", "li@example.org", "a-good-password").andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("该用户名已被使用。")));
	}

	@Test
	void aMailServerThatFailsIsAMessageOnTheFormNotAnError() throws Exception {
		given(this.registrations.register(any(), any())).willThrow(new MailSendException("down"));
		register("li-yaoshi", "li@example.org", "a-good-password").andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("邮件暂时无法发送")))
			.andExpect(content().string(Matchers.containsString("value=\"li-yaoshi\"")));
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
