#pragma once

#include <QDialog>

namespace rounds {

class HistoryView;
class Session;

// The History panel in a window of its own, opened from a record's view (HCP profile, visit dialog,
// meeting editor, territory views).
class HistoryDialog final : public QDialog
{
    Q_OBJECT
public:
    HistoryDialog(Session *session, const QString &entity, const QString &id, const QString &title,
        QWidget *parent = nullptr);

    // Opens (and deletes on close) the history of a record.
    static HistoryDialog *open(
        Session *session, const QString &entity, const QString &id, const QString &title, QWidget *parent);

    HistoryView *view() const { return m_view; }

private:
    HistoryView *m_view;
};

} // namespace rounds
