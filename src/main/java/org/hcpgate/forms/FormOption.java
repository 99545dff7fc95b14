package org.hcpgate.forms;

/**
 * One choice of a select, radio or checklist.
 *
 * @param value what is stored and routed on
 * @param label what the reader reads
 */
public record FormOption(String value, FormText label) {

}
