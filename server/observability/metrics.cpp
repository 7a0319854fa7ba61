#include "server/observability/metrics.h"

#include "server/service/sync_service.h"

#include <sstream>

namespace courtyard::server {

void Metrics::observeRequest(const std::string& route, int status, double ms) {
    std::lock_guard lock(m_mutex);
    m_requests[{route, status}]++;
    auto& h = m_latency[route];
    for (std::size_t i = 0; i < kBucketsMs.size(); ++i)
        if (ms <= kBucketsMs[i])
            h.buckets[i]++;
    h.count++;
    h.sumMs += ms;
}

void Metrics::addBlobBytes(std::int64_t n) {
    std::lock_guard lock(m_mutex);
    m_blobBytes += n;
}

std::string Metrics::render(const SyncCounters& sync, std::int64_t pendingEscalations, std::size_t writeQueue,
                            int openConnections) const {
    std::ostringstream out;
    std::lock_guard lock(m_mutex);
    out << "# HELP courtyard_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE courtyard_http_requests_total counter\n";
    for (const auto& [key, n] : m_requests)
        out << "courtyard_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << n
            << "\n";
    out << "# HELP courtyard_http_request_duration_seconds Request latency.\n"
        << "# TYPE courtyard_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : m_latency) {
        for (std::size_t i = 0; i < kBucketsMs.size(); ++i)
            out << "courtyard_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
                << kBucketsMs[i] / 1000.0 << "\"} " << h.buckets[i] << "\n";
        out << "courtyard_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count
            << "\n";
        out << "courtyard_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sumMs / 1000.0 << "\n";
        out << "courtyard_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
    }
    out << "# HELP courtyard_sync_operations_total Pushed operations by outcome.\n"
        << "# TYPE courtyard_sync_operations_total counter\n"
        << "courtyard_sync_operations_total{outcome=\"applied\"} " << sync.applied.load() << "\n"
        << "courtyard_sync_operations_total{outcome=\"noop\"} " << sync.noop.load() << "\n"
        << "courtyard_sync_operations_total{outcome=\"rejected\"} " << sync.rejected.load() << "\n"
        << "courtyard_sync_operations_total{outcome=\"replayed\"} " << sync.replayed.load() << "\n"
        << "# HELP courtyard_pending_escalations Open items past their active deadline.\n"
        << "# TYPE courtyard_pending_escalations gauge\n"
        << "courtyard_pending_escalations " << pendingEscalations << "\n"
        << "# HELP courtyard_write_queue_depth Write units waiting for the writer.\n"
        << "# TYPE courtyard_write_queue_depth gauge\n"
        << "courtyard_write_queue_depth " << writeQueue << "\n"
        << "# HELP courtyard_open_connections Open client connections.\n"
        << "# TYPE courtyard_open_connections gauge\n"
        << "courtyard_open_connections " << openConnections << "\n"
        << "# HELP courtyard_blob_bytes_received_total Attachment bytes received.\n"
        << "# TYPE courtyard_blob_bytes_received_total counter\n"
        << "courtyard_blob_bytes_received_total " << m_blobBytes << "\n";
    return out.str();
}

} // namespace courtyard::server
