// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.store.Erasure;
import dev.tailor.core.store.Store;
import dev.tailor.server.http.Params;
import dev.tailor.server.http.Role;
import dev.tailor.server.http.Route;
import dev.tailor.server.http.RouteExtension;
import dev.tailor.server.http.Services;
import dev.tailor.server.live.CustomerDirectory;
import dev.tailor.server.live.LiveCustomers;
import dev.tailor.server.live.LiveEvents;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.scene.UnknownEntityException;
import dev.tailor.server.training.ModelHolder;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /v1/admin/customers/{id}/export (right of access, GDPR Art. 15/20) and DELETE /v1/admin/customers/{id}
 * (right to erasure, Art. 17), for the admin role: the shop relays its customers' requests.
 *
 * <p>Erasure deletes the profile, events and identity mapping from the store in one transaction, then at once
 * the live profile and live events, and hides the customer from the serving model set (which was trained
 * with them) until a set trained after the erasure serves; that set no longer contains them.
 */
public final class CustomerDataEndpoints implements RouteExtension {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerDataEndpoints.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HINT = "the store holds no profile or events for this id";

    private final Store store;
    private final CustomerDirectory directory;
    private final LiveCustomers liveCustomers;
    private final LiveEvents liveEvents;
    private final ModelHolder models;
    private final Erasures erasures;

    public CustomerDataEndpoints(Store store, CustomerDirectory directory, LiveCustomers liveCustomers,
            LiveEvents liveEvents, ModelHolder models, Erasures erasures) {
        this.store = store;
        this.directory = directory;
        this.liveCustomers = liveCustomers;
        this.liveEvents = liveEvents;
        this.models = models;
        this.erasures = erasures;
    }

    @Override
    public List<Route> routes(Services services) {
        return List.of(
                new Route(HandlerType.GET, "/v1/admin/customers/{id}/export", Role.ADMIN, true,
                        "All data held on a customer (right of access)", this::export),
                new Route(HandlerType.DELETE, "/v1/admin/customers/{id}", Role.ADMIN, true,
                        "Erase a customer's profile and events (right to erasure)", this::erase));
    }

    void export(Context ctx) {
        Params.of(ctx, Set.of()).check();
        String id = Params.id(ctx, "id");
        String key = directory.key(id);
        ObjectNode o = CustomerExport.of(store, id)
                .orElseThrow(() -> new UnknownEntityException("customer", id, HINT));
        ModelSet m = models.get();
        ObjectNode derived = o.putObject("derived");
        derived.put("in_model_set", m.histories().user(key) >= 0 && !erasures.hides(key, m));
        derived.put("model_set", m.info().label());
        derived.put("note", "models hold a customer's recent history, purchases and segments, and per-customer "
                + "factors derived from the events above; nothing beyond them");
        send(ctx, 200, o);
    }

    void erase(Context ctx) {
        Params.of(ctx, Set.of()).check();
        String id = Params.id(ctx, "id");
        String key = directory.key(id);
        Erasure e = store.eraseCustomer(id);
        // Read after the commit: trainings begun from here on snapshot a store without the customer.
        long latest = models.status().version();
        ModelSet m = models.get();
        boolean inModels = m.histories().user(key) >= 0 && !erasures.hides(key, m);
        boolean profile = liveCustomers.remove(key);
        boolean live = liveEvents.remove(key);
        if (!e.found() && !inModels && !profile && !live) {
            throw new UnknownEntityException("customer", id, HINT);
        }
        erasures.record(key, latest);
        LOG.info("erased customer {}: profile {}, {} events, identity {}, model set {} hides them", key,
                e.profile(), e.events(), e.identity(), m.info().label());
        ObjectNode o = MAPPER.createObjectNode();
        o.put("customer_id", id);
        ObjectNode st = o.putObject("store");
        st.put("profile", e.profile());
        st.put("events", e.events());
        st.put("identity", e.identity());
        ObjectNode serving = o.putObject("serving");
        serving.put("live_profile", profile);
        serving.put("live_events", live);
        serving.put("hidden_from_model_set", m.info().label());
        o.put("models", "removed from the models at the next training; until then the serving model set "
                + "treats the customer as unknown");
        send(ctx, 200, o);
    }

    private static void send(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
