package org.hcpgate.journey;

import org.hcpgate.forms.ReaderForm;

/**
 * The reader's active step when it is a Camunda Form the site renders.
 *
 * @param taskKey the task's key, which the form's address names
 * @param form the form as deployed with the process the reader follows
 */
public record FormStep(String taskKey, ReaderForm form) {

}
