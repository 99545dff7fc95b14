/**
 * Personal data at rest, for every package that keeps some: the keys and their check at
 * start-up ({@link org.hcpgate.vault.PersonalDataCrypto},
 * {@link org.hcpgate.vault.KeyCheck}), encrypted documents and images in the database or
 * a shared directory, the way in for an upload (size, the reader's daily quota, content
 * type by magic bytes, oversized requests) and the sanitiser that re-encodes every image
 * and renders a PDF's first page. It knows nothing of what a document is for: a licence
 * photo, a form step's file, an article's picture or a partner's logo are all kept the
 * same way. Ground floor: it imports no other package of HCP Gate.
 */
package org.hcpgate.vault;
