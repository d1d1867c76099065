// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreSpecTest {
    private static final UnaryOperator<String> NO_ENV = name -> null;

    @Test
    void h2DirectoryBecomesAFileUrlInsideIt(@TempDir Path dir) {
        StoreSpec spec = StoreSpec.parse("h2:" + dir.resolve("x"), NO_ENV);

        assertThat(spec.vendor()).isEqualTo(StoreSpec.Vendor.H2);
        assertThat(spec.jdbcUrl()).startsWith("jdbc:h2:file:" + dir.resolve("x").resolve("tailor") + ";");
        assertThat(spec.h2Directory()).contains(dir.resolve("x"));
        assertThat(spec.description()).isEqualTo("H2 at " + dir.resolve("x"));
    }

    @Test
    void relativeH2DirectoryIsResolvedAgainstTheWorkingDirectory() {
        StoreSpec spec = StoreSpec.parse(JdbcStores.DEFAULT_SPEC, NO_ENV);

        assertThat(spec.h2Directory()).contains(Path.of("tailor-data").toAbsolutePath());
    }

    @Test
    void aLeadingTildeMeansTheHomeDirectory() {
        StoreSpec spec = StoreSpec.parse("h2:~/shop-data", NO_ENV);

        assertThat(spec.h2Directory()).contains(Path.of(System.getProperty("user.home"), "shop-data"));
    }

    @Test
    void h2MemoryHasNoDirectory() {
        StoreSpec spec = StoreSpec.parse("h2:mem:demo_1", NO_ENV);

        assertThat(spec.jdbcUrl()).startsWith("jdbc:h2:mem:tailor-demo_1;");
        assertThat(spec.h2Directory()).isEmpty();
        assertThat(spec.description()).isEqualTo("H2 in memory (demo_1)");
    }

    @Test
    void postgresCredentialsComeFromTheEnvironmentWhenTheUrlHasNone() {
        Map<String, String> env = Map.of("TAILOR_PG_USER", "shop", "TAILOR_PG_PASSWORD", "s3cret");

        StoreSpec spec = StoreSpec.parse("jdbc:postgresql://db.example:5433/shop", env::get);

        assertThat(spec.vendor()).isEqualTo(StoreSpec.Vendor.POSTGRESQL);
        assertThat(spec.user()).contains("shop");
        assertThat(spec.password()).contains("s3cret");
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/shop?reWriteBatchedInserts=true");
        assertThat(spec.description()).isEqualTo("PostgreSQL at db.example:5433/shop");
    }

    @Test
    void postgresUrlCredentialsWinAndThePasswordIsNeverShown() {
        Map<String, String> env = Map.of("TAILOR_PG_USER", "env-user", "TAILOR_PG_PASSWORD", "env-pass");
        String url = "jdbc:postgresql://h/db?user=u&password=hunter2&currentSchema=t&reWriteBatchedInserts=false";

        StoreSpec spec = StoreSpec.parse(url, env::get);

        assertThat(spec.user()).isEmpty();
        assertThat(spec.password()).isEmpty();
        assertThat(spec.jdbcUrl()).isEqualTo(url);
        assertThat(spec.toString()).doesNotContain("hunter2").contains("password=***").contains("currentSchema=t");
        assertThat(spec.description()).isEqualTo("PostgreSQL at h/db schema t");
        assertThat(spec.schema()).contains("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "mysql://localhost/shop", "tailor-data", "h2:", "h2:mem:", "h2:mem:has space",
        "h2:mem:semi;colon", "h2:./data;AUTO_SERVER=TRUE", "jdbc:postgresql://", "jdbc:postgresql://host",
        "jdbc:postgresql:///db", "jdbc:postgresql://host/"})
    void badSpecsAreRejectedWithTheExpectedForms(String bad) {
        assertThatThrownBy(() -> StoreSpec.parse(bad, NO_ENV))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("store")));
    }

    @Test
    void unknownKindsListTheAcceptedForms() {
        assertThatThrownBy(() -> StoreSpec.parse("mysql://localhost/shop", NO_ENV))
                .hasMessageContaining("mysql://localhost/shop")
                .hasMessageContaining("h2:<directory>")
                .hasMessageContaining("h2:mem:<name>")
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void aMalformedPostgresUrlIsReportedWithoutItsPassword() {
        assertThatThrownBy(() -> StoreSpec.parse("jdbc:postgresql://?password=hunter2", NO_ENV))
                .isInstanceOf(ValidationException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void credentialsBeforeTheHostAreRejectedAndMasked() {
        assertThatThrownBy(() -> StoreSpec.parse("jdbc:postgresql://shop:hunter2@db.example/shop", NO_ENV))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("shop:***@db.example")
                .hasMessageContaining("TAILOR_PG_USER")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aRegularFileIsNotADataDirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> StoreSpec.parse("h2:" + file, NO_ENV))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a directory");
    }
}
