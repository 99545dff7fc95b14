package org.hcpgate.security;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine finds no script engine for any language, whatever lands on the class path
 * later (Groovy, GraalJS): a script that slipped past {@link NoScriptsParseListener} (a
 * CMMN or DMN model, a script variable) fails instead of running.
 */
class NoScriptEngines implements ScriptEngineResolver {

	private final ScriptEngineManager manager = new ScriptEngineManager(null);

	@Override
	public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
		// none accepted
	}

	@Override
	public ScriptEngineManager getScriptEngineManager() {
		return this.manager;
	}

	@Override
	public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
		return null;
	}

}
