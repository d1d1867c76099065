// SPDX-License-Identifier: Apache-2.0
/** JSON output for the request path ({@link dev.tailor.server.json.JsonWriter}) without an object tree. */
package dev.tailor.server.json;
