#include "client/attachment_status.h"

#include "client/attachment_fetcher.h"
#include "client/qml_singletons.h"

namespace courtyard::client {

AttachmentStatus::AttachmentStatus(QObject* parent) : QObject(parent) {
    if (auto* sync = exposedToQml().sync)
        m_fetcher = &sync->attachments();
    if (m_fetcher)
        connect(m_fetcher, &AttachmentFetcher::changed, this, [this](const QString& sha) {
            if (sha.isEmpty() || sha == m_sha)
                refresh();
        });
}

void AttachmentStatus::setSha256(const QString& sha) {
    if (sha == m_sha)
        return;
    m_sha = sha;
    emit sha256Changed();
    refresh();
    if (m_fetcher && !m_sha.isEmpty() && m_state == QLatin1String("waiting"))
        m_fetcher->want(m_sha);
}

void AttachmentStatus::refresh() {
    const QString next = m_sha.isEmpty() ? QString() : m_fetcher ? m_fetcher->stateOf(m_sha) : QStringLiteral("here");
    if (next == m_state)
        return;
    m_state = next;
    emit stateChanged();
}

} // namespace courtyard::client
