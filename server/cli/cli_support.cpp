#include "server/cli/cli_support.h"

#include <filesystem>
#include <ostream>

namespace courtyard::server {

namespace fs = std::filesystem;

Result<std::unique_ptr<SqliteStorage>> openData(const Args& a, bool create, std::ostream& err) {
    auto dir = a.get("data");
    if (!dir) {
        err << "error: --data DIR is required\n";
        return invalidArgument("--data");
    }
    std::error_code ec;
    if (create)
        fs::create_directories(*dir, ec);
    if (!fs::is_directory(*dir)) {
        err << "error: data directory '" << *dir << "' does not exist (run 'courtyard-server init' first)\n";
        return notFound(*dir);
    }
    SqliteStorageOptions options;
    options.readers = 2;
    auto storage = SqliteStorage::open((fs::path(*dir) / kDbFile).string(), options);
    if (!storage)
        err << "error: " << storage.error().message << "\n";
    return storage;
}

int usage(std::ostream& err, const char* text) {
    err << "usage: " << text;
    return 2;
}

int report(const Status& st, std::ostream& err) {
    if (st)
        return 0;
    err << "error: " << st.error().message << "\n";
    return 1;
}

} // namespace courtyard::server
