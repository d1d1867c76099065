// SPDX-License-Identifier: Apache-2.0
/**
 * The web page of Tailor: a storefront demo at {@code /} and an admin dashboard at {@code /admin}, mounted on
 * tailor-server as a {@link dev.tailor.server.http.RouteExtension} ({@link dev.tailor.web.WebUi}). The pages call
 * the public HTTP API; the few endpoints they need beyond it live in {@link dev.tailor.web.shop} and
 * {@link dev.tailor.web.admin}.
 */
package dev.tailor.web;
