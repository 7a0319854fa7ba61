#pragma once
// Malformed and abusive requests, as raw bytes on a TCP connection, each with the answer the
// server must give (docs/sync-protocol.md): broken HTTP framing, oversized headers and bodies,
// bad tokens and schema headers, unknown routes, every field of a push in a wrong format,
// nesting and size bombs, a reused sequence number, bad pulls and attachment chunks. Used by
// hostile_test (each answered exactly, nothing changed) and the soak benchmark (mixed into
// normal traffic). No Qt: a plain socket and Beast's response parser.

#include <map>
#include <string>
#include <vector>

namespace courtyard::test {

// The tokens and prepared state the requests refer to (@STAFF@, @KIOSK@, @REVOKED@ in the
// request text are replaced by the tokens).
struct HostileSetup {
    std::string staffToken;   // a staff device of cm-sunshine with operation 1 already applied
    std::string kioskToken;   // a kiosk of cm-sunshine
    std::string revokedToken; // a device revoked after enrolment
    // 1001's credential on the staff device (signInStaff), which signs the setup push.
    std::string credentialId;
    std::string credentialSecret;
    std::string staffDeviceId;
};

// Signs 1001 in on the staff device (demo PIN) and keeps the credential in `setup`.
bool signInStaff(int port, HostileSetup& setup);

struct HostileRequest {
    std::string name;
    std::string bytes; // with @STAFF@ / @KIOSK@ / @REVOKED@ placeholders
    int status = 400;  // the status it must get (0: any 4xx)
};

std::vector<HostileRequest> hostileRequests();
// The legitimate push that prepares the staff device (operation 1: a complaint, signed by 1001),
// as a full HTTP request; the reused-sequence request repeats it with another text.
std::string setupPushRequest(const HostileSetup& setup);
// Replaces the placeholders.
std::string withTokens(std::string bytes, const HostileSetup& setup);

// One HTTP exchange over a fresh connection to 127.0.0.1:port. A server that answers before
// the whole request was sent (a refused body) is read all the same.
struct RawAnswer {
    int status = 0; // 0: no HTTP answer at all (the connection was dropped)
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
    std::string failure; // why there was no answer
};
RawAnswer exchange(int port, const std::string& bytes, int timeoutMs = 15000);

// An HTTP/1.1 request with Host, Content-Length (when there is a body) and these headers.
std::string httpRequest(const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body = {});

// Whether `answer` is a refusal as the protocol describes it: the status, and a JSON body
// {"error": {"code": "...", "message": "..."}}. `why` says what is wrong otherwise.
bool isProperRefusal(const RawAnswer& answer, int expectedStatus, std::string* why);

} // namespace courtyard::test
