// SPDX-License-Identifier: Apache-2.0
/**
 * Which language model should read a text: a script-share detector (share of CJK characters among letters),
 * cheap enough to run on every title, with no model or dictionary behind it.
 */
package dev.tailor.text.lang;
