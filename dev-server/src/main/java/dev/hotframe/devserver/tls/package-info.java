/** The dev server's TLS identity: a user's keystore, or a self-signed certificate made once and pinned by fingerprint. */
package dev.hotframe.devserver.tls;
