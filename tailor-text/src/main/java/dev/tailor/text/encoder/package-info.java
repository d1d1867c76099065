// SPDX-License-Identifier: Apache-2.0
/**
 * Pretrained sentence encoders run in-process behind {@link dev.tailor.core.text.TextEncoder}: ONNX Runtime plus
 * the Hugging Face tokenizer, with the quantized models read from Maven Central jars on the classpath
 * ({@link dev.tailor.text.encoder.PretrainedModels}). Entry points: {@link dev.tailor.text.encoder.OnnxTextEncoder}
 * for one model, {@link dev.tailor.text.encoder.MultilingualEncoder} to route Chinese and English text.
 * Nothing here downloads anything.
 */
package dev.tailor.text.encoder;
