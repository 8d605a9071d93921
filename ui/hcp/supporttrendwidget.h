#pragma once

#include <QList>
#include <QWidget>

namespace rounds {

// A small line of support levels (1–5), oldest to newest, for the HCP profile.
class SupportTrendWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit SupportTrendWidget(QWidget *parent = nullptr);

    void setLevels(const QList<int> &levels);
    QList<int> levels() const { return m_levels; }
    QSize sizeHint() const override { return {260, 56}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<int> m_levels;
};

} // namespace rounds
