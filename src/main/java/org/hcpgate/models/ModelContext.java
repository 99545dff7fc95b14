package org.hcpgate.models;

import java.util.Set;

/**
 * What a model may rely on in the running application: its beans and its staff groups.
 */
public interface ModelContext {

	/** Whether a bean of this name exists, for delegate and other expressions. */
	boolean isBean(String name);

	/** The candidate groups staff tasks may name. */
	Set<String> knownGroups();

}
