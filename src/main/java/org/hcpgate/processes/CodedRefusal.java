package org.hcpgate.processes;

/**
 * An exception the application throws to refuse what a person asked of the engine, with a
 * stable code (docs/process-contract.md, "Refusals") and the HTTP status a REST caller
 * gets for it, instead of Camunda's 500.
 */
public interface CodedRefusal {

	/** 400: the request asks for something the contract does not allow. */
	int BAD_REQUEST = 400;

	/** 403: this person may not do it (four-eyes, a colleague's task). */
	int FORBIDDEN = 403;

	/** 409: someone else was first. */
	int CONFLICT = 409;

	String code();

	int httpStatus();

}
