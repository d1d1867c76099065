// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SampleShopConfigTest {

    @Test
    void defaultsAreTheDemoShop() {
        SampleShopConfig c = SampleShopConfig.defaults();
        assertThat(c.items()).isEqualTo(2_000);
        assertThat(c.customers()).isEqualTo(5_000);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(Duration.between(c.start(), c.end()).toDays()).isEqualTo(366);
        assertThat(c.start()).hasToString("2023-12-31T16:00:00Z");
        assertThat(c.funnel()).isEqualTo(FunnelRates.DEFAULT);
    }

    @Test
    void toBuilderRoundTrips() {
        SampleShopConfig c = SampleShopConfig.builder().items(7).customers(9).seed(-3).impressions(true)
                .zipfExponent(1.2).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.describe()).containsEntry("items", "7").containsEntry("seed", "-3")
                .containsEntry("impressions", "true").containsEntry("funnel.click", "0.22");
    }

    @Test
    void namesTheParameterAndWhatWasExpected() {
        assertThatThrownBy(() -> SampleShopConfig.builder().items(0).build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("field 'items': expected 1..5000000, was 0");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() ->
                SampleShopConfig.builder().items(-1).customers(0).searchRate(1.5).zipfExponent(-1)
                        .meanSessionsPerCustomer(0).meanViewsPerSession(0.5).complementWindowDays(0).build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("items", "customers",
                "meanSessionsPerCustomer", "meanViewsPerSession", "searchRate", "complementWindowDays",
                "zipfExponent");
    }

    @Test
    void rejectsBadPeriods() {
        SampleShopConfig d = SampleShopConfig.defaults();
        assertThatThrownBy(() -> d.toBuilder().period(d.end(), d.start()).build())
                .hasMessageContaining("field 'end': must be after start");
        assertThatThrownBy(() -> d.toBuilder().period(d.start(), d.start().plusSeconds(3_600)).build())
                .hasMessageContaining("the period must last 1..3660 days");
        assertThatThrownBy(() -> d.toBuilder().period(d.start().minus(Duration.ofDays(20_000)), d.end()).build())
                .hasMessageContaining("field 'start': expected 1980 or later");
        assertThatThrownBy(() -> d.toBuilder().period(null, d.end()).build()).hasMessageContaining("field 'start'");
        assertThatThrownBy(() -> d.toBuilder().zone(null).build()).hasMessageContaining("field 'zone'");
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new FunnelRates(0.2, 1.2, Double.NaN, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessage("field 'funnel.cart': expected a probability in [0, 1], was 1.2; "
                        + "field 'funnel.purchase': expected a probability in [0, 1], was NaN");
        assertThatThrownBy(() -> SampleShopConfig.builder().outOfStockRate(-0.1).build())
                .hasMessageContaining("outOfStockRate");
    }

    @Test
    void funnelMultipliesToViewToPurchase() {
        assertThat(new FunnelRates(0.5, 0.4, 0.25, 0).viewToPurchase()).isEqualTo(0.05);
    }
}
