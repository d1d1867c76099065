// SPDX-License-Identifier: Apache-2.0
/** The text-encoder seam; implementations (ONNX language models) live outside the core. */
package dev.tailor.core.text;
