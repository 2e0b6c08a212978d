package vn.hocso.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP answers are counted in a few fixed latency buckets, so that Prometheus can compute the p95 of any route over
 * all instances ({@code histogram_quantile}) — the dashboard's and the alerts' latency. Nine buckets, not Micrometer's
 * seventy-odd percentile buckets: per route and status that is what a scrape and a request can afford. Configured once
 * when a meter is registered; a request only increments its bucket.
 */
@Singleton
class LatencyBuckets {

    static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(10)
    };

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(java.util.Arrays.stream(BUCKETS)
                                .mapToDouble(Duration::toNanos)
                                .toArray())
                        .build()
                        .merge(config);
            }
        };
    }
}
