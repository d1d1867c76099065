// SPDX-License-Identifier: Apache-2.0
/** What the dashboard needs beyond the admin API: data health and the offline evaluation report and its learning curves. */
package dev.tailor.web.admin;
