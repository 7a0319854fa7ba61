#pragma once
// nginx (Debian's package) as a load balancer in front of several courtyard-servers, for the
// cluster benchmark: run as a child in the foreground, everything it writes (configuration,
// pid, logs, temporary bodies) in one temporary folder that goes with it.

#include "shared/core/result.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace courtyard::bench {

struct NginxOptions {
    std::string binary = "/usr/sbin/nginx";
    std::vector<int> upstreamPorts; // servers on 127.0.0.1
    std::size_t maxBodyBytes = 16u << 20; // at least the server's largest request body
};

class NginxProcess {
public:
    explicit NginxProcess(NginxOptions options);
    ~NginxProcess();
    NginxProcess(const NginxProcess&) = delete;
    NginxProcess& operator=(const NginxProcess&) = delete;

    // Writes nginx.conf, starts nginx on a free port of 127.0.0.1 and waits until it accepts.
    Status start();
    void stop();

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    pid_t pid() const { return m_pid; }
    const std::string& folder() const { return m_dir; }

private:
    std::string config() const;

    NginxOptions m_options;
    std::string m_dir;
    int m_port = 0;
    pid_t m_pid = -1;
};

// A port of 127.0.0.1 free a moment ago (0 when none could be found).
int freeLoopbackPort();
// Whether something accepts connections on 127.0.0.1:port.
bool acceptsConnections(int port);

} // namespace courtyard::bench
