#include "client/json_bridge.h"

#include <QVariantList>
#include <QVariantMap>
#include <cmath>

namespace courtyard::client {

QVariant toVariant(const Json& j) {
    switch (j.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
        return {};
    case Json::value_t::boolean:
        return j.get<bool>();
    case Json::value_t::number_integer:
        return QVariant::fromValue(qint64(j.get<std::int64_t>()));
    case Json::value_t::number_unsigned:
        return QVariant::fromValue(qint64(j.get<std::uint64_t>()));
    case Json::value_t::number_float:
        return j.get<double>();
    case Json::value_t::string:
        return QString::fromStdString(j.get<std::string>());
    case Json::value_t::array: {
        QVariantList out;
        for (const auto& e : j)
            out.push_back(toVariant(e));
        return out;
    }
    case Json::value_t::object: {
        QVariantMap out;
        for (const auto& [k, v] : j.items())
            out.insert(QString::fromStdString(k), toVariant(v));
        return out;
    }
    case Json::value_t::binary:
        break;
    }
    return {};
}

Json toJson(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return nullptr;
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        // QML numbers are doubles: whole ones stay whole. Checked before the cast, which is
        // undefined for values beyond 64 bits (and inexact beyond 2^53).
        if (std::isfinite(d) && std::fabs(d) <= 9007199254740992.0 && d == std::trunc(d))
            return qint64(d);
        return d;
    }
    case QMetaType::QString:
        return v.toString().toStdString();
    case QMetaType::QDateTime:
        return formatInstant(toInstant(v.toDateTime()));
    case QMetaType::QStringList: {
        Json arr = Json::array();
        for (const auto& s : v.toStringList())
            arr.push_back(s.toStdString());
        return arr;
    }
    case QMetaType::QVariantList: {
        Json arr = Json::array();
        for (const auto& e : v.toList())
            arr.push_back(toJson(e));
        return arr;
    }
    case QMetaType::QVariantMap: {
        Json obj = Json::object();
        const auto m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            obj[it.key().toStdString()] = toJson(it.value());
        return obj;
    }
    default:
        break;
    }
    if (v.canConvert<QVariantMap>())
        return toJson(v.toMap());
    if (v.canConvert<QVariantList>())
        return toJson(v.toList());
    return v.toString().toStdString();
}

QDateTime toDateTime(Instant t) { return QDateTime::fromMSecsSinceEpoch(toEpochMs(t), Qt::UTC); }
Instant toInstant(const QDateTime& t) { return fromEpochMs(t.toMSecsSinceEpoch()); }

QDateTime dateTimeAt(const Json& j, const char* key) {
    if (auto t = parseInstant(stringAt(j, key)))
        return toDateTime(*t);
    return {};
}

} // namespace courtyard::client
