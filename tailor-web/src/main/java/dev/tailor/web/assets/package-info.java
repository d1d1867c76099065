// SPDX-License-Identifier: Apache-2.0
/** The pages and their scripts, styles and icons, served from the classpath with revalidation. */
package dev.tailor.web.assets;
