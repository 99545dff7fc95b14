package org.hcpgate.security;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.hcpgate.processes.CodedRefusal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refusal of the application ({@link CodedRefusal}: a forged variable, a decision the
 * review rules refuse, a colleague's task) reaches a REST caller as the 4xx it is, with
 * its coded message in Camunda's own error body, instead of the 500 that Camunda's REST
 * answers for any engine exception inside a completion. Everything else keeps Camunda's
 * handling.
 */
@Configuration(proxyBeanMethods = false)
class CodedRefusals {

	/** Camunda's Jersey configuration (the starter backs off), with the mapper added. */
	@Bean
	CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				register(WrappedRefusals.class);
				register(EngineRefusals.class);
			}
		};
	}

	/** A refusal inside a completion or form submission (Camunda wraps it). */
	@Priority(Priorities.USER - 100)
	static class WrappedRefusals implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			return respond(exception);
		}

	}

	/**
	 * A refusal of a claim, an assignment, a resolve or a message (Camunda passes it on).
	 */
	@Priority(Priorities.USER - 100)
	static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return respond(exception);
		}

	}

	/** Chosen before Camunda's own mappers of the same types (a higher priority). */
	static Response respond(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof CodedRefusal refusal) {
				ExceptionDto body = ExceptionDto.fromException(cause);
				body.setMessage(cause.getMessage());
				return Response.status(refusal.httpStatus()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
			}
		}
		return ExceptionHandlerHelper.getInstance().getResponse(exception);
	}

}
