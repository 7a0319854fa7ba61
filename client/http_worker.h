#pragma once
// One HTTP request at a time on a thread of its own (the admin face's calls, a code spent for a
// device token): QtTransport waits in a local event loop, which the screen must not.

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>
#include <QVariantMap>

namespace courtyard::client {

class HttpWorker : public QObject {
    Q_OBJECT
public slots:
    // `headers` by lower-case name; the answer comes back through answered() with `id`.
    void send(int id, const QString& serverUrl, const QString& method, const QString& target,
              const QByteArray& body, const QVariantMap& headers);
signals:
    // status 0 and `transportError` set when the server could not be reached.
    void answered(int id, int status, const QByteArray& body, const QString& transportError);
};

// The worker's thread, owned by a controller: started with it, stopped when it goes.
class HttpThread : public QObject {
    Q_OBJECT
public:
    explicit HttpThread(QObject* parent = nullptr);
    ~HttpThread() override;
    // Queues the request on the worker's thread.
    void send(int id, const QString& serverUrl, const QString& method, const QString& target, const QByteArray& body,
              const QVariantMap& headers);
signals:
    void answered(int id, int status, const QByteArray& body, const QString& transportError);
    void requestSend(int id, const QString& serverUrl, const QString& method, const QString& target,
                     const QByteArray& body, const QVariantMap& headers);

private:
    QThread m_thread;
};

} // namespace courtyard::client
