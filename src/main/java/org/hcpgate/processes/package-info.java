/**
 * The Java mirror of the process contract (docs/process-contract.md): process, task,
 * message, variable and end keys of every model, the staff groups, the form steps' keys,
 * and who writes which variable ({@link org.hcpgate.processes.VariableWriters}). The
 * rejection reasons are data (reasons/). The ground floor: it imports nothing of the
 * application and nothing of the engine.
 */
package org.hcpgate.processes;
