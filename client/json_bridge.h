#pragma once
// JSON (the domain's form) to and from QVariant (what QML reads), and instants to QDateTime.

#include "shared/core/json_util.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace courtyard::client {

QVariant toVariant(const Json& j);
Json toJson(const QVariant& v);
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
QDateTime toDateTime(Instant t);
Instant toInstant(const QDateTime& t);
// An RFC 3339 text from a record as a QDateTime (invalid if absent or malformed).
QDateTime dateTimeAt(const Json& j, const char* key);

} // namespace courtyard::client
