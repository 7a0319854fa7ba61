#include "bench/nginx_process.h"

#include "bench/bench_process.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace courtyard::bench {

namespace {
sockaddr_in loopback(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(std::uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}
} // namespace

int freeLoopbackPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    close(fd);
    return port;
}

bool acceptsConnections(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in a = loopback(port);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(fd);
    return ok;
}

NginxProcess::NginxProcess(NginxOptions options) : m_options(std::move(options)) {}

NginxProcess::~NginxProcess() { stop(); }

std::string NginxProcess::config() const {
    std::string upstreams;
    for (int port : m_options.upstreamPorts)
        // A server that fails is left alone for a second only: the benchmark restarts it.
        upstreams += "    server 127.0.0.1:" + std::to_string(port) + " max_fails=1 fail_timeout=1s;\n";
    const std::string& d = m_dir;
    return std::string("daemon off;\n") +
           // As root the workers would otherwise become `nobody`, who cannot write to the folder.
           (geteuid() == 0 ? "user root;\n" : "") + "worker_processes 1;\n" + "pid " + d + "/nginx.pid;\n" +
           "error_log " + d + "/error.log warn;\n" + "events { worker_connections 4096; }\n" + "http {\n" +
           "  log_format upstream '$status $request_method $uri upstream=$upstream_addr "
           "upstream_status=$upstream_status time=$request_time';\n" +
           "  access_log " + d + "/access.log upstream;\n" + "  client_body_temp_path " + d + "/client_body;\n" +
           "  proxy_temp_path " + d + "/proxy;\n" + "  fastcgi_temp_path " + d + "/fastcgi;\n" + "  uwsgi_temp_path " +
           d + "/uwsgi;\n" + "  scgi_temp_path " + d + "/scgi;\n" + "  client_max_body_size " +
           std::to_string(m_options.maxBodyBytes) + ";\n" + "  client_body_buffer_size 1m;\n" +
           "  upstream courtyard {\n" + upstreams +
           // Connections to the servers are kept open between requests, as the devices' are.
           "    keepalive 128;\n" + "  }\n" + "  server {\n" + "    listen 127.0.0.1:" + std::to_string(m_port) +
           " backlog=4096;\n" + "    location / {\n" + "      proxy_pass http://courtyard;\n" +
           "      proxy_http_version 1.1;\n" + "      proxy_set_header Connection \"\";\n" +
           "      proxy_set_header Host $host;\n" + "      proxy_read_timeout 120s;\n" +
           // A request a server did not answer (its connection failed or was closed, as when
           // the server is killed) goes to the next server, POSTs too: a push is idempotent,
           // since operations are applied exactly once by device and sequence number and an
           // operation that comes again gets its stored result (docs/sync-protocol.md), and
           // every other POST of a device is either a read or carries its own idempotency
           // the same way. Statuses (a 503 of an overloaded server) are the device's to
           // handle with its Retry-After, not retried here.
           "      proxy_next_upstream error timeout non_idempotent;\n" + "      proxy_next_upstream_tries 3;\n" +
           // Which server answered, for the benchmark's error report.
           "      add_header X-Courtyard-Upstream $upstream_addr always;\n" + "    }\n" + "  }\n" + "}\n";
}

Status NginxProcess::start() {
    m_dir = makeTempDir("courtyard-nginx");
    if (m_dir.empty())
        return internalError("NginxProcess: no temporary folder");
    m_port = freeLoopbackPort();
    if (m_port == 0)
        return unavailable("NginxProcess: no free port");
    {
        std::ofstream f(m_dir + "/nginx.conf");
        f << config();
        if (!f)
            return internalError("NginxProcess: cannot write " + m_dir + "/nginx.conf");
    }
    m_pid = startProcess({m_options.binary, "-p", m_dir, "-c", m_dir + "/nginx.conf", "-e", m_dir + "/error.log"},
                         m_dir + "/stdout.log");
    if (m_pid <= 0)
        return internalError("NginxProcess: cannot start " + m_options.binary);
    for (int i = 0; i < 100; ++i) {
        if (acceptsConnections(m_port))
            return {};
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            std::ifstream log(m_dir + "/error.log");
            std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
            return internalError("NginxProcess: nginx ended at start: " + text);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return unavailable("NginxProcess: nginx does not accept connections on port " + std::to_string(m_port));
}

void NginxProcess::stop() {
    if (m_pid > 0) {
        kill(m_pid, SIGQUIT); // graceful: finish what is in flight
        int status = 0;
        for (int i = 0; i < 100 && waitpid(m_pid, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (waitpid(m_pid, &status, WNOHANG) == 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
    }
    if (!m_dir.empty() && !std::getenv("COURTYARD_BENCH_KEEP")) {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    m_dir.clear();
}

} // namespace courtyard::bench
