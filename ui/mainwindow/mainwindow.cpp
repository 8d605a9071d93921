#include "ui/mainwindow/mainwindow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStatusBar>
#include <QVBoxLayout>

namespace rounds {

MainWindow::MainWindow(const QUrl &server, QWidget *parent)
    : QMainWindow(parent)
    , m_server(server)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Rounds"));
    resize(1100, 720);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(tr("Rounds — visits, plans and meetings for the field force"), central);
    title->setObjectName(QStringLiteral("titleLabel"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    title->setFont(big);
    m_serverLabel = new QLabel(central);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    layout->addWidget(title);
    layout->addWidget(m_serverLabel);
    layout->addStretch();
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    statusBar()->showMessage(tr("Offline"));
    checkServer();
}

void MainWindow::checkServer()
{
    if (!m_server.isValid()) {
        m_serverLabel->setText(tr("No server configured."));
        return;
    }
    m_serverLabel->setText(tr("Server: %1").arg(m_server.toDisplayString()));
    auto *nam = new QNetworkAccessManager(this);
    QNetworkReply *reply
        = nam->get(QNetworkRequest(m_server.resolved(QUrl(QStringLiteral("/api/v1/health")))));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() == QNetworkReply::NoError
            && health.value(QStringLiteral("status")) == QLatin1String("ok"))
            statusBar()->showMessage(
                tr("Connected to server %1").arg(health.value(QStringLiteral("server_version")).toString()));
        else
            statusBar()->showMessage(tr("Server not reachable: working offline"));
    });
}

} // namespace rounds
