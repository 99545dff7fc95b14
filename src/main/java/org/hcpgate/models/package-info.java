/**
 * The models designers change (processes/, forms/), and the check that refuses a broken
 * one before a reader meets it: {@link ModelCheck} runs in the build's tests, at start-up
 * and on every deployment (REST and Camunda Modeler included), see
 * {@link ModelValidation}. docs/designing-processes.md explains each message.
 */
package org.hcpgate.models;
