// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it rejects before Javalin sees it: a URI with invalid UTF-8, a malformed
 * request line, oversized headers) as problem documents like every other error, instead of Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
    static byte[] body(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        String detail = message == null || message.isBlank() ? reason : message;
        return Problems.render(new HttpProblem(status, status == 400 ? "validation" : "http-" + status, reason,
                "the request was rejected by the HTTP layer: " + detail), "");
    }

    /** Every method but HEAD gets a body (Jetty's default writes none for OPTIONS, PUT, DELETE, ...). */
    @Override
    public boolean errorPageForMethod(String method) {
        return !"HEAD".equals(method);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        // Jetty drops the connection after rejecting a malformed request; saying so keeps clients from reusing it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(body(status, reason));
    }
}
