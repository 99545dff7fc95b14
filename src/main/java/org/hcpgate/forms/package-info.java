/**
 * Camunda Forms that the site renders itself for a reader step: the documented subset of
 * form-js components, parsed from the form's JSON ({@link ReaderForms}), and the form's
 * own validation applied to what a reader sent ({@link ReaderForm#check}). Knows no
 * engine, no storage and no web: the journey renders and submits, the credentials package
 * keeps the answers. See docs/designing-processes.md.
 */
package org.hcpgate.forms;
