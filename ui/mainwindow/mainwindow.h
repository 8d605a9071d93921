#pragma once

#include <QMainWindow>
#include <QUrl>

class QLabel;

namespace rounds {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const QUrl &server, QWidget *parent = nullptr);

private:
    void checkServer();

    QUrl m_server;
    QLabel *m_serverLabel = nullptr;
};

} // namespace rounds
