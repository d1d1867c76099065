// SPDX-License-Identifier: Apache-2.0
/**
 * The HTTP API on Javalin: routes declared in {@link dev.tailor.server.http.Api}, thin handlers per endpoint
 * family, API keys with roles, admission control, RFC 9457 problem answers, Prometheus metrics, JSON access log,
 * and the OpenAPI description with its HTML rendering.
 */
package dev.tailor.server.http;
