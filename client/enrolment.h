#pragma once
// A device's first start with a one-time enrolment code (docs/sync-protocol.md, "Enrolment with
// a one-time code"): the server's address and the code, typed or read from the admin console's
// QR code (enrolmentLink) by the camera or in a picture, spent once at POST /v1/enrol for this
// device's token, which is then kept as if typed in. The token path (AppContext::enrol) stays for `device add`. QML:
// `Enrolment`, made by the first-start page.

#include "client/app_context.h"
#include "client/http_worker.h"

#include <QObject>
#include <QQmlEngine>

namespace courtyard::client {

// What the admin console's QR code holds: "courtyard://enrol?server=<address>&code=<code>".
QString enrolmentLink(const QString& serverUrl, const QString& code);
// The address and code in such a link; false when `text` is none.
bool parseEnrolmentLink(const QString& text, QString* serverUrl, QString* code);

class EnrolmentController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Enrolment)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString errorField READ errorField NOTIFY changed) // "server", "code" or "scan"

public:
    explicit EnrolmentController(QObject* parent = nullptr);
    bool busy() const { return m_pending != 0; }
    QString error() const { return m_error; }
    QString errorField() const { return m_errorField; }

    // Spends `code` at `serverUrl` (a whole enrolment link in `code` is read too); answers
    // through finished(ok). On success the device is enrolled (App.enrolled) and syncs next.
    Q_INVOKABLE void enrolWithCode(const QString& serverUrl, const QString& code);

    // Scanned text: an enrolment link is announced (linkRead, for the page to show the address
    // and the code) and spent at once as enrolWithCode does. Anything else (a patrol
    // checkpoint's code, a link to a server that is not http(s)) is refused with the reason in
    // `error` (errorField "scan") and changes nothing. False when refused or while busy.
    Q_INVOKABLE bool takeLink(const QString& text);
    // A picture of the admin console's QR code (a file path or a file: URL), taken as takeLink
    // takes its text. A picture that cannot be opened or shows no QR code is refused the same way.
    Q_INVOKABLE bool scanImage(const QString& pathOrUrl);
    // A frame of the live camera scanner: as scanImage, except that a frame with no QR code in
    // view is passed over without a word (the scanner shoots again a moment later).
    Q_INVOKABLE bool scanFrame(const QString& pathOrUrl);

signals:
    void changed();
    void finished(bool ok);
    void linkRead(const QString& serverUrl, const QString& enrolmentCode);

private:
    enum class NoCode { Say, PassOver };
    bool scan(const QString& pathOrUrl, NoCode noCode);
    void onAnswered(int id, int status, const QByteArray& body, const QString& transportError);
    void fail(const QString& message, const QString& field);

    AppContext* m_app;
    HttpThread m_http;
    int m_pending = 0;
    int m_nextId = 1;
    QString m_server;
    QString m_error;
    QString m_errorField;
};

} // namespace courtyard::client
