package dev.squeezepipe.service;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Stops a service's HTTP server before its beans are destroyed when the context is closed directly, as the embedded
 * stack and the tests do, in the order Micronaut's own shutdown hook uses (server first, then the context).
 *
 * <p>Without it the server stops while the context destroys its beans, in no fixed order, and its shutdown event
 * reaches listeners that may create beans the context has already passed over: micronaut-kafka's consumer-group
 * manager creating an admin client, which is then never closed and retries the stopped broker for the rest of the
 * JVM's life, logging a warning each time.
 */
@Singleton
class ServerStopsFirst {

    private volatile NettyEmbeddedServer server;

    @EventListener
    void started(ServerStartupEvent event) {
        if (event.getSource() instanceof NettyEmbeddedServer netty) {
            server = netty;
        }
    }

    @EventListener
    void closing(ShutdownEvent event) {
        NettyEmbeddedServer running = server;
        if (running != null && running.isRunning()) {
            // only the server: stopping the whole application from here would stop the context's environment early
            running.stopServerOnly();
        }
    }
}
