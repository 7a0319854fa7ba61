#pragma once
// Counters and a latency histogram in Prometheus text format (GET /metrics). Per instance: each
// server behind a load balancer is scraped on its own.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace courtyard::server {

struct SyncCounters;

class Metrics {
public:
    static constexpr std::array<double, 12> kBucketsMs{1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};

    void observeRequest(const std::string& route, int status, double ms);
    void addBlobBytes(std::int64_t n);
    // Renders everything; gauges are read by the caller at scrape time.
    std::string render(const SyncCounters& sync, std::int64_t pendingEscalations, std::size_t writeQueue,
                       int openConnections) const;

private:
    struct Histogram {
        std::array<std::uint64_t, kBucketsMs.size()> buckets{};
        std::uint64_t count = 0;
        double sumMs = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::map<std::string, Histogram> m_latency;
    std::int64_t m_blobBytes = 0;
};

} // namespace courtyard::server
