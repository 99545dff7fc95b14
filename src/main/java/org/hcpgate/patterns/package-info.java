/**
 * Matching configured patterns against typed text within a budget: the one place both the
 * licence patterns (professions/) and the form steps' patterns (forms/) match. The
 * basement: it imports nothing, and every package may use it.
 */
package org.hcpgate.patterns;
