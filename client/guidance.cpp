#include "client/guidance.h"

#include "shared/domain/complaint.h"
#include "shared/domain/guidance.h"
#include "shared/domain/notice.h"
#include "shared/domain/organization.h"

namespace courtyard::client {

namespace {
template <typename E>
QStringList names(std::initializer_list<E> skip = {}) {
    QStringList out;
    for (const auto& [value, name] : enumNames(E{})) {
        if (std::find(skip.begin(), skip.end(), value) != skip.end())
            continue;
        out << QString::fromUtf8(name.data(), qsizetype(name.size()));
    }
    return out;
}
} // namespace

QStringList Guidance::categories() const { return names<domain::Category>(); }
QStringList Guidance::channels() const { return names<domain::Channel>(); }
QStringList Guidance::staffChannels() const { return names<domain::Channel>({domain::Channel::Kiosk}); }
QStringList Guidance::residentTypes() const { return names<domain::ResidentType>(); }
QStringList Guidance::causes() const { return names<domain::Cause>({domain::Cause::Own}); }
QStringList Guidance::handlingModes() const { return names<domain::HandlingMode>(); }
QStringList Guidance::noticeKinds() const { return names<domain::NoticeKind>(); }
QStringList Guidance::departmentKinds() const { return names<domain::DepartmentKind>(); }

bool Guidance::fromOutside(const QString& channel) const {
    domain::Channel c{};
    return fromString(channel.toStdString(), c) && domain::fromOutside(c);
}

QStringList Guidance::forbiddenPhrases() const {
    QStringList out;
    for (const auto& p : domain::forbiddenPhrases())
        out << QString::fromStdString(p);
    return out;
}

QStringList Guidance::findForbidden(const QString& text) const {
    QStringList out;
    for (const auto& p : domain::findForbiddenPhrases(text.toStdString()))
        out << QString::fromStdString(p);
    return out;
}

} // namespace courtyard::client
