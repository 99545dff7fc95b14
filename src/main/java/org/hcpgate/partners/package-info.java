/**
 * Partner sites: HCP Gate as the OpenID Connect provider of other sites of the publisher
 * (Spring Authorization Server). A partner learns only what the reader agreed to share,
 * per partner, in a ledger of its own; a partner that needs a verified HCP sends an
 * unverified reader through the journey and gets them back after 您已通过. See
 * docs/partners.md.
 */
package org.hcpgate.partners;
