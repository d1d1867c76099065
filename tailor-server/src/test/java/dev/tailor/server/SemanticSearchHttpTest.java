// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.INGEST;
import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.server.search.SemanticIndex;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.StoreEmbeddingCache;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.text.twotower.ItemTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Search by meaning in the running server, with the real multilingual encoder (bge-small-zh + MiniLM from their
 * Maven jars) over the small sample shop: one server whose store holds the catalog's item vectors (filled as
 * {@code tailor embed} fills them) and one over the same shop without vectors, which must degrade to BM25 and
 * say so. The queries share no word (nor Chinese bigram) with the titles of the items they should find.
 */
class SemanticSearchHttpTest {
    private static ServerFixture hybrid;
    private static ServerFixture lexical;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void start() {
        Logger logger = (Logger) LoggerFactory.getLogger(SemanticIndex.class);
        LOG.start();
        logger.addAppender(LOG);
        SampleShopConfig shop = ServerFixture.smallShop();
        hybrid = ServerFixture.start(c -> c, store -> {
            store.write(w -> new SampleShopGenerator(shop).writeTo(w));
            embed(store);
        }, ServingExtensions.NONE);
        lexical = ServerFixture.withShop(shop, c -> c);
    }

    /** What {@code tailor embed} does: every item's text into the store's embedding cache. */
    private static void embed(Store store) {
        List<String> texts = new ArrayList<>();
        store.forEachItem(i -> texts.add(ItemTexts.of(i)));
        try (Encoders.Opened enc = Encoders.open(Encoders.MULTILINGUAL, EncoderConfig.defaults())) {
            new CachingTextEncoder(enc.encoder(), enc.modelId(),
                    new StoreEmbeddingCache(JdbcStores.embeddings(store).orElseThrow())).encode(texts);
        }
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(SemanticIndex.class)).detachAppender(LOG);
        if (hybrid != null) {
            hybrid.close();
        }
        if (lexical != null) {
            lexical.close();
        }
    }

    private static JsonNode search(ServerFixture fx, String q, int k) {
        String customer = fx.server.models().get().histories().userId(0);
        ApiClient.Answer a = fx.client.get("/v1/users/" + customer + "/search?k=" + k + "&q=" + ApiClient.q(q),
                READ);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static long count(ServerFixture fx, JsonNode answer, Predicate<Item> relevant) {
        long n = 0;
        for (JsonNode i : answer.path("items")) {
            Item item = fx.store.findItem(i.path("id").asText()).orElseThrow();
            n += relevant.test(item) ? 1 : 0;
        }
        return n;
    }

    private static Predicate<Item> leaf(String category) {
        return i -> !i.categoryPath().isEmpty() && i.categoryPath().get(i.categoryPath().size() - 1).equals(category);
    }

    @Test
    void bothServersSayHowTheySearch() {
        assertThat(hybrid.client.get("/health", READ).json().path("search_mode").asText()).isEqualTo("hybrid");
        assertThat(lexical.client.get("/health", READ).json().path("search_mode").asText()).isEqualTo("lexical");
        assertThat(hybrid.server.semantic().size()).isEqualTo(hybrid.server.catalog().size());
        assertThat(search(hybrid, "手机壳", 5).path("mode").asText()).isEqualTo("hybrid");
        assertThat(search(lexical, "手机壳", 5).path("mode").asText()).isEqualTo("lexical");
        assertThat(LOG.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("search mode: lexical (BM25 only)").contains("tailor embed --model multilingual"));
        assertThat(LOG.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("search mode: hybrid (BM25 + multilingual[bge-small-zh-v1.5-q@512+all-minilm-l6-v2-q@256]"));
    }

    /** "尿布" (diaper cloth) vs titles saying "纸尿裤" (paper diaper pants): no common word or bigram. */
    @Test
    void aChineseQueryFindsItemsByMeaningThatBm25Misses() {
        Predicate<Item> diapers = leaf("Diapers");
        JsonNode words = search(lexical, "尿布", 10);
        assertThat(count(lexical, words, diapers)).as("BM25 alone: %s", words).isZero();
        JsonNode meaning = search(hybrid, "尿布", 5);
        assertThat(count(hybrid, meaning, diapers)).as("fused: %s", meaning).isGreaterThanOrEqualTo(3);
    }

    /** "headset" vs "Wireless Earbuds", "Noise-Cancelling Headphones", "Sports Earphones": no common stem. */
    @Test
    void anEnglishQueryFindsItemsByMeaningThatBm25Misses() {
        Predicate<Item> headphones = leaf("Headphones");
        JsonNode words = search(lexical, "headset", 10);
        assertThat(count(lexical, words, headphones)).as("BM25 alone: %s", words).isZero();
        JsonNode meaning = search(hybrid, "headset", 5);
        assertThat(count(hybrid, meaning, headphones)).as("fused: %s", meaning).isGreaterThanOrEqualTo(3);
        assertThat(meaning.path("items").get(0).path("reason").asText()).startsWith("Matches \u201cheadset\u201d");
    }

    @Test
    void exactMatchesStayOnTop() {
        JsonNode r = search(hybrid, "手机壳", 5);
        assertThat(r.path("items").size()).isPositive();
        assertThat(r.path("items").get(0).path("title").asText()).contains("手机壳");
    }

    @Test
    void aNewItemIsEncodedOnUpsertAndHasSimilarItemsByMeaningAtOnce() {
        // A brand-new dress (no event) whose title shares the product word with no other item.
        Map<String, Object> dress = Map.of("id", "new-dress-1", "title", "法式 雪纺 长裙 碎花 夏季", "language", "zh",
                "category", "Fashion > Dresses", "price", 299, "currency", "CNY");
        assertThat(hybrid.client.post("/v1/items", INGEST, dress).status()).isEqualTo(200);
        ApiClient.Answer similar = hybrid.client.get("/v1/items/new-dress-1/similar?k=5", READ);
        assertThat(similar.status()).as(similar.body()).isEqualTo(200);
        JsonNode items = similar.json().path("items");
        assertThat(items.size()).isPositive();
        assertThat(items.get(0).path("source").asText()).isEqualTo("text");
        assertThat(items.get(0).path("reason").asText()).isEqualTo("Described like 法式 雪纺 长裙 碎花 夏季");
        assertThat(items.get(0).path("category").asText()).isEqualTo("Fashion > Dresses");
        // Every other available dress with a Chinese title is among the 5; the rest are the next nearest (floral
        // plants, handbags). Dresses with an English primary title are not: with the multilingual encoder their
        // vectors live in MiniLM's block, at cosine 0 to Chinese text.
        long dresses = 0;
        for (int i = 0; i < hybrid.server.catalog().view().size(); i++) {
            Item item = hybrid.server.catalog().view().item(i);
            dresses += leaf("Dresses").test(item) && item.available() && "zh".equals(item.language()) ? 1 : 0;
        }
        assertThat(count(hybrid, similar.json(), leaf("Dresses"))).as(similar.body())
                .isEqualTo(Math.min(5, dresses - 1));
        items.forEach(i -> assertThat(i.path("id").asText()).isNotEqualTo("new-dress-1"));
        // Found by meaning too: "连衣裙" (one-piece dress) is not in its title.
        JsonNode found = search(hybrid, "连衣裙 雪纺", 10);
        List<String> ids = new ArrayList<>();
        found.path("items").forEach(i -> ids.add(i.path("id").asText()));
        assertThat(ids).contains("new-dress-1");
    }

    @Test
    void withoutVectorsANewItemStillHasSimilarItemsByContent() {
        Map<String, Object> dress = Map.of("id", "new-dress-2", "title", "法式 雪纺 长裙 碎花 夏季", "language", "zh",
                "category", "Fashion > Dresses", "price", 299, "currency", "CNY");
        assertThat(lexical.client.post("/v1/items", INGEST, dress).status()).isEqualTo(200);
        JsonNode items = lexical.client.get("/v1/items/new-dress-2/similar?k=5", READ).json().path("items");
        assertThat(items.size()).isPositive();
        items.forEach(i -> assertThat(i.path("source").asText()).isEqualTo("content"));
    }

    @Test
    void badQueriesAreRejectedWithTheParameterNamed() {
        String customer = hybrid.server.models().get().histories().userId(0);
        Consumer<String> rejected = q -> {
            ApiClient.Answer a = hybrid.client.get("/v1/users/" + customer + "/search?q=" + ApiClient.q(q), READ);
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(a.body()).contains("\"q\"");
        };
        rejected.accept("");
        rejected.accept("   ");
        rejected.accept("连衣裙".repeat(67) + "!!");
        ApiClient.Answer missing = hybrid.client.get("/v1/users/" + customer + "/search", READ);
        assertThat(missing.status()).isEqualTo(400);
        // 200 characters, the limit, of mixed scripts: answered in hybrid mode.
        String longest = ("red dress 红色连衣裙 ").repeat(20).substring(0, 200);
        assertThat(search(hybrid, longest, 5).path("mode").asText()).isEqualTo("hybrid");
    }

    /** Vectors stored while serving (as by {@code tailor embed}) are read at the next training: hybrid from then. */
    @Test
    void vectorsEmbeddedWhileServingTurnSearchByMeaningOnAtTheNextTraining() {
        SampleShopConfig shop = SampleShopConfig.builder().items(120).customers(80).seed(9).build();
        try (ServerFixture fx = ServerFixture.withShop(shop, c -> c)) {
            assertThat(search(fx, "手机壳", 5).path("mode").asText()).isEqualTo("lexical");
            embed(fx.store);
            assertThat(search(fx, "手机壳", 5).path("mode").asText()).as("until the next training").isEqualTo("lexical");
            ApiClient.Answer trained = fx.client.post("/v1/admin/train?wait=true", ServerFixture.ADMIN, "{}");
            assertThat(trained.status()).as(trained.body()).isEqualTo(200);
            assertThat(search(fx, "手机壳", 5).path("mode").asText()).isEqualTo("hybrid");
            assertThat(fx.server.semantic().size()).isEqualTo(120);
        }
    }

    @Test
    void anUnknownTextModelIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerConfig.defaults().withTextModel("bert-9"))
                .hasMessageContaining("search.text_model").hasMessageContaining("multilingual")
                .hasMessageContaining("none");
        assertThat(ServerConfig.defaults().withTextModel("none").textModel()).isEqualTo("none");
    }
}
