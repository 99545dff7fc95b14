/**
 * The professions catalogue (ground floor): the health professions HCP Gate verifies,
 * each with its professional titles and the pattern its licence numbers follow, and the
 * standard departments. Editors keep it ({@code content/}); the credential form, the
 * review, the zones' admission and the gate read it.
 */
package org.hcpgate.professions;
