package org.christchurchcall.platform.outbound;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs to URLs that outsiders gave us, through the {@link OutboundGuard} on every request.
 *
 * <p>Why Vert.x's HttpClient: the guard must connect to the address it checked, not to whatever a
 * second DNS lookup returns, and TLS must still present and verify the URL's host name. The JDK
 * HttpClient resolves by itself and will not let us set the Host header or the SNI name apart
 * from the URL. Vert.x (already in every Quarkus service, and maintained with it) takes the socket
 * address separately ({@link RequestOptions#setServer}) from the host: the Host header, the TLS
 * server name and the certificate check ({@code verifyHost}, endpoint identification "HTTPS")
 * all use the host, the TCP connection uses the checked address. Its connection pool is keyed by
 * both, so a kept-alive connection is reused only for the same checked address and host.
 * Redirects are never followed: a redirect would lead to a URL nobody checked.
 *
 * <p>Blocking: call it from a worker thread, never from an event loop.
 */
public final class OutboundHttpClient implements AutoCloseable {

    private final OutboundGuard guard;
    private final HttpClient client;

    /**
     * @param options connection settings (timeouts, and in tests a trust store); host
     *        verification is forced on, trust-all and proxies off
     * @param connectionsPerAddress the kept-alive connections to one checked address and host
     */
    public OutboundHttpClient(Vertx vertx, OutboundGuard guard, HttpClientOptions options, int connectionsPerAddress) {
        this.guard = guard;
        HttpClientOptions safe = new HttpClientOptions(options).setVerifyHost(true).setTrustAll(false)
                .setProxyOptions(null).setNonProxyHosts(null);
        this.client = vertx.createHttpClient(safe, new PoolOptions().setHttp1MaxSize(connectionsPerAddress));
    }

    /**
     * POSTs {@code body} and returns the response status; the response body is read and dropped.
     * Tries the checked addresses in order while a connection cannot be made, as a browser would.
     *
     * @throws RefusedDestinationException the URL may not be requested (not worth retrying)
     * @throws IOException the request failed (the name did not resolve, no connection, timeout)
     */
    public int post(String url, Map<String, String> headers, String body, Duration timeout)
            throws RefusedDestinationException, IOException, InterruptedException {
        Destination d = guard.destination(url);
        IOException last = null;
        for (InetAddress address : d.addresses()) {
            try {
                return post(d, address, headers, body, timeout);
            } catch (ConnectException e) {
                // nothing was sent to this address; the next one may answer
                last = e;
            }
        }
        throw last;
    }

    private int post(Destination d, InetAddress address, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, d.port())))
                .setHost(d.host()).setPort(d.port()).setSsl(d.tls()).setURI(d.requestUri())
                .setFollowRedirects(false).setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        var status = client.request(options).compose(req -> {
            sent.set(req);
            return req.send(body).compose(res -> {
                res.handler(ignored -> {
                });
                return res.end().map(v -> res.statusCode());
            });
        }).toCompletionStage().toCompletableFuture();
        try {
            // setTimeout bounds each wait for bytes; this bounds the whole exchange, e.g. a trickling body
            return status.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest req = sent.get();
            if (req != null) {
                req.reset();
            }
            throw new InterruptedIOException("no complete answer within " + timeout.multipliedBy(2));
        } catch (InterruptedException e) {
            status.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
