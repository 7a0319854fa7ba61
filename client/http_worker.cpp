#include "client/http_worker.h"

#include "client/qt_transport.h"

namespace courtyard::client {

void HttpWorker::send(int id, const QString& serverUrl, const QString& method, const QString& target,
                      const QByteArray& body, const QVariantMap& headers) {
    QtTransport transport(serverUrl);
    sync::HttpRequest request;
    request.method = method.toStdString();
    request.target = target.toStdString();
    request.body = body.toStdString();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.headers[it.key().toStdString()] = it.value().toString().toStdString();
    auto response = transport.send(request);
    if (!response) {
        emit answered(id, 0, {}, QString::fromStdString(response.error().message));
        return;
    }
    emit answered(id, response->status, QByteArray::fromStdString(response->body), {});
}

HttpThread::HttpThread(QObject* parent) : QObject(parent) {
    auto* worker = new HttpWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &HttpThread::requestSend, worker, &HttpWorker::send);
    connect(worker, &HttpWorker::answered, this, &HttpThread::answered);
    m_thread.setObjectName("courtyard-http");
    m_thread.start();
}

HttpThread::~HttpThread() {
    m_thread.quit();
    m_thread.wait();
}

void HttpThread::send(int id, const QString& serverUrl, const QString& method, const QString& target,
                      const QByteArray& body, const QVariantMap& headers) {
    emit requestSend(id, serverUrl, method, target, body, headers);
}

} // namespace courtyard::client
