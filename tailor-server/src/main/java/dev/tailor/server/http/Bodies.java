// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies: JSON only ({@code Content-Type: application/json}, else 415), at most {@code maxBytes}
 * (else 413, checked against Content-Length first and while reading), syntactically valid (else 400 with the
 * line and column of the error), nesting and string lengths bounded by the parser so hostile input cannot
 * exhaust memory.
 */
public final class Bodies {
    private static final int MAX_NESTING = 32;
    private final ObjectMapper json;
    private final long maxBytes;

    public Bodies(long maxBytes) {
        this.maxBytes = maxBytes;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(1_000_000).maxNumberLength(100).build()).build();
        this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public ObjectMapper mapper() {
        return json;
    }

    /** The parsed body. */
    public JsonNode read(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as JSON with 'Content-Type: application/json', got "
                            + (type == null ? "no content type" : "'" + type + "'"), List.of(),
                    Map.of("Accept-Post", "application/json"));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            discardIfModest(ctx, declared);
            throw tooLarge(declared);
        }
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            throw HttpProblem.badRequest("body", "empty; expected a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw HttpProblem.badRequest("body", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readLimited(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] buf = new byte[8192];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    // Drop the rest (up to DISCARD_LIMIT) so that the sender gets the 413, as in discardIfModest.
                    while (total <= DISCARD_LIMIT && (n = in.read(buf)) > 0) {
                        total += n;
                    }
                    throw tooLarge(total);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpProblem.badRequest("body", "could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and drops a body that is too large but not absurdly so, before the 413 is sent. Answering while the
     * client is still sending makes the server close the connection with unread bytes, and many clients (the
     * JDK's HttpClient among them) then lose the answer to a connection reset and never see why they failed.
     * Bodies beyond {@link #DISCARD_LIMIT} are not worth that read: those clients get the reset.
     */
    private static void discardIfModest(Context ctx, long declared) {
        if (declared > DISCARD_LIMIT) {
            return;
        }
        try (InputStream in = ctx.bodyInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client stopped sending; the answer below may still reach it.
        }
    }

    /** Largest oversize body read and dropped so that its sender gets the 413 (see discardIfModest). */
    static final long DISCARD_LIMIT = 16L << 20;

    private HttpProblem tooLarge(long size) {
        return new HttpProblem(413, "too-large", "Request too large", "the body has " + (size > maxBytes
                ? "more than " + maxBytes : size) + " bytes; the limit is " + maxBytes
                + " (split the batch)");
    }
}
