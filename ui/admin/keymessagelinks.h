#pragma once

#include "models/library.h"

#include <QWidget>

class QTableWidget;

namespace rounds {

// The key messages a material carries, per page (ui/admin/materialdialog.h and the library's Key messages
// dialog): one row per link, its page (or the whole material) and a key message picked from the
// product's or typed new.
class KeyMessageLinksEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit KeyMessageLinksEditor(QWidget *parent = nullptr);

    void setKeyMessages(const QList<library::KeyMessageRow> &messages); // the product's (active ones offered)
    void setPageCount(int pages); // 0: unknown (any page up to 10000)
    void setLinks(const QList<library::KeyMessageLink> &links);
    QList<library::KeyMessageLink> links() const;
    void addRow(int page = 1, const QString &keyMessageId = {}, const QString &text = {});

private:
    QTableWidget *m_table;
    QList<library::KeyMessageRow> m_messages;
    int m_pages = 0;
};

} // namespace rounds
