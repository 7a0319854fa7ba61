#pragma once
// Printing hooks so QCOMPARE shows domain values on failure: QTest finds `toString(const T&)`
// returning a new[]-allocated char* by argument-dependent lookup.

#include "shared/core/result.h"
#include "shared/domain/common.h"

#include <QByteArray>
#include <QtTest>
#include <string>
#include <type_traits>

namespace courtyard::test {
// The demo company's PINs: the staff number followed by 00 (server/service/demo_company.cpp).
inline std::string demoPin(const std::string& number) { return number + "00"; }
inline QString demoPin(const QString& number) { return number + "00"; }

template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires(E e) { enumName(e); };
inline char* dup(std::string_view s) { return qstrdup(QByteArray(s.data(), qsizetype(s.size())).constData()); }
} // namespace courtyard::test

namespace courtyard {
inline char* toString(const ErrorCode& c) { return test::dup(errorCodeName(c)); }
} // namespace courtyard

namespace courtyard::domain {
template <courtyard::test::NamedEnum E>
char* toString(const E& e) {
    return courtyard::test::dup(enumName(e));
}
} // namespace courtyard::domain

namespace QTest {
template <>
inline char* toString(const std::string& s) {
    return courtyard::test::dup(s);
}
} // namespace QTest
