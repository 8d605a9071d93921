#pragma once

#include "sync/historyclient.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace rounds {

class HistoryFetcher;
class Session;

// The History panel: a record's changes as the server recorded them (who, when, from which device,
// each field old → new), fetched through the sync layer; says so when it is offline or has none.
class HistoryView final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(Session *session, QWidget *parent = nullptr);

    void load(const QString &entity, const QString &id);
    // What a fetch answered (public so a test or a screenshot can show a scripted answer).
    void show(const HistoryResult &result);

signals:
    void loaded();

private:
    Session *m_session;
    HistoryFetcher *m_fetcher;
    QLabel *m_state;
    QTreeWidget *m_tree;
    QString m_entity;
};

} // namespace rounds
