package org.hcpgate.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * A bean an expression can call ({@code ${expressionCanary.touch()}}): tests that smuggle
 * an expression into a query prove it was never evaluated by the count staying where it
 * was.
 */
@Component("expressionCanary")
public class ExpressionCanary {

	private final AtomicInteger touches = new AtomicInteger();

	public String touch() {
		this.touches.incrementAndGet();
		return "canary";
	}

	public int touches() {
		return this.touches.get();
	}

}
